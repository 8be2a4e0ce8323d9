// Binary searches in ascending arrays, shared by every module that looks values up in sorted typed arrays.

/** Index of the first value ≥ `target` in ascending `values` (its length when there is none). */
export function lowerBound(values: ArrayLike<number>, target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first value > `target` in ascending `values[start, end)` (`end` when there is none). */
export function upperBound(
  values: ArrayLike<number>,
  target: number,
  start = 0,
  end = values.length,
): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}
