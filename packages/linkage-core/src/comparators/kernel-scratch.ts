// Module-level scratch shared by the string kernels, so that no comparison allocates once warmed up.
// The kernels are synchronous and never call each other while holding scratch, so sharing is safe.

/**
 * One bit mask per UTF-16 code unit: bit `i` set when position `i` of the current pattern holds that unit.
 * Indexed directly by code unit (256 KiB) so lookups need no hashing; every kernel clears the entries it
 * set before returning, so the table is all zeros between calls.
 */
export const positionMasks = new Int32Array(65536);

let pairUnits = new Uint16Array(256);

/**
 * Copies `a` then `b` into one scratch code-unit buffer (a at 0, b at `a.length`) so that the JS-string
 * comparators can run the same kernels as the flat ones. Returns the buffer, which grows when needed.
 */
export function loadPair(a: string, b: string): Uint16Array {
  const lengthA = a.length;
  const total = lengthA + b.length;
  if (total > pairUnits.length) pairUnits = new Uint16Array(Math.max(total, pairUnits.length * 2));
  const units = pairUnits;
  for (let index = 0; index < lengthA; index++) units[index] = a.charCodeAt(index);
  for (let index = 0; index < b.length; index++) units[lengthA + index] = b.charCodeAt(index);
  return units;
}

type Rows = readonly [Int32Array, Int32Array, Int32Array];

// The tuple is rebuilt only when the rows grow, so the common path allocates nothing.
let rows: Rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Three reusable dynamic-programming rows of at least `length` cells each (contents unspecified). */
export function dynamicProgrammingRows(length: number): Rows {
  if (length > rows[0].length) {
    const size = Math.max(length, rows[0].length * 2);
    rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  return rows;
}
