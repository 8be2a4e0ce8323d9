// Differences between two numbers, for numeric comparison levels (age, weight, amounts).

/** |a − b|. */
export function absoluteDifference(a: number, b: number): number {
  return Math.abs(a - b);
}

/**
 * |a − b| / max(|a|, |b|): 0 when both are 0, at most 1 for numbers of the same sign and up to 2 when the
 * signs differ. NaN in, NaN out.
 */
export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (scale === 0) return 0;
  return Math.abs(a - b) / scale;
}
