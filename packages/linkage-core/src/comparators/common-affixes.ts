// Lengths of the code units two spans share at their start and at their end: edit distances drop them (they
// never change the distance) and Jaro–Winkler's boost counts the shared start. Small enough to be inlined.

/** Code units equal at the start of both spans, counting at most `limit` (at most the shorter length). */
export function commonPrefixLength(
  units: Uint16Array,
  startA: number,
  startB: number,
  limit: number,
): number {
  let length = 0;
  while (length < limit && units[startA + length] === units[startB + length]) length++;
  return length;
}

/** Code units equal at the end of both spans (ending before `endA` and `endB`), counting at most `limit`. */
export function commonSuffixLength(units: Uint16Array, endA: number, endB: number, limit: number): number {
  let length = 0;
  while (length < limit && units[endA - 1 - length] === units[endB - 1 - length]) length++;
  return length;
}
