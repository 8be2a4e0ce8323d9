// Linear-time grouping helpers for evaluation: dense codes and counting sorts instead of comparison sorts.
import { NULL_CODE } from "../data/dataset.js";
import { LinkageError } from "../errors.js";

/**
 * Renumbers non-negative integer codes as 0 … count − 1 (in order of first appearance); NULL_CODE stays.
 * A lookup array is used when the codes are small enough, a Map otherwise.
 */
export function denseCodes(
  codes: Int32Array,
  what: string,
): { readonly codes: Int32Array; readonly count: number } {
  let largest = -1;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row]!;
    if (code < NULL_CODE) {
      throw new LinkageError(
        "EVALUATION_CODE_INVALID",
        `row ${row} has ${what} ${code}; codes must be ≥ 0 (or NULL_CODE).`,
      );
    }
    if (code > largest) largest = code;
  }
  const dense = new Int32Array(codes.length);
  let count = 0;
  if (largest < 4 * codes.length + 1024) {
    const lookup = new Int32Array(largest + 1).fill(-1);
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row]!;
      if (code === NULL_CODE) {
        dense[row] = NULL_CODE;
        continue;
      }
      if (lookup[code] === -1) lookup[code] = count++;
      dense[row] = lookup[code]!;
    }
  } else {
    const lookup = new Map<number, number>();
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row]!;
      if (code === NULL_CODE) {
        dense[row] = NULL_CODE;
        continue;
      }
      let denseCode = lookup.get(code);
      if (denseCode === undefined) lookup.set(code, (denseCode = count++));
      dense[row] = denseCode;
    }
  }
  return { codes: dense, count };
}

/** Rows grouped by a dense code (counting sort): rows of group g are `rows[start[g] … start[g+1])`. */
export function groupRows(
  codes: Int32Array,
  count: number,
): { readonly start: Int32Array; readonly rows: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let row = 0; row < codes.length; row++) if (codes[row]! >= 0) start[codes[row]! + 1]!++;
  for (let group = 1; group <= count; group++) start[group]! += start[group - 1]!;
  const next = start.slice(0, count);
  const rows = new Int32Array(start[count]!);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row]!;
    if (code >= 0) rows[next[code]!++] = row;
  }
  return { start, rows };
}

/** n·(n−1)/2: pairs among n items. */
export function pairsAmong(size: number): number {
  return (size * (size - 1)) / 2;
}
