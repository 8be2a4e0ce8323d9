// Exact interning of integer codes and code tuples into dense codes (a lookup table for small codes, else an
// open-addressing hash table on typed arrays): how a blocking rule of several keys becomes one comparable code
// per row without building any string, and how evaluation numbers entities.
import { NULL_CODE } from "../data/dataset.js";

/** One code per row in [0, keyCount), or NULL_CODE; equal codes mean equal keys. */
export interface DenseCodes {
  readonly codes: Int32Array;
  /** Exclusive upper bound of the codes (some codes below it may be unused). */
  readonly keyCount: number;
}

const EMPTY_SLOT = -1;

/**
 * Combines two code columns row by row: rows with equal (first, second) codes get equal dense codes, rows
 * with different tuples different ones (exact, not a lossy hash). A row is null if either code is null.
 */
export function combineCodes(first: Int32Array, second: Int32Array): DenseCodes {
  if (first.length !== second.length) {
    throw new RangeError(`cannot combine code columns of ${first.length} and ${second.length} rows`);
  }
  let largestFirst = -1;
  let largestSecond = -1;
  for (let row = 0; row < first.length; row++) {
    if (first[row] > largestFirst) largestFirst = first[row];
    if (second[row] > largestSecond) largestSecond = second[row];
  }
  // Few possible tuples (sex × birth month, month × département): one table entry per tuple beats hashing,
  // which reads three arrays twice the row count at random.
  const width = largestSecond + 1;
  return (largestFirst + 1) * width <= 4 * first.length + 1024
    ? renumberPairsThroughTable(first, second, width, (largestFirst + 1) * width)
    : internTuples(first, second);
}

/** As internTuples, for tuples numbered first × width + second below `tupleCount`: same codes, same order. */
function renumberPairsThroughTable(
  first: Int32Array,
  second: Int32Array,
  width: number,
  tupleCount: number,
): DenseCodes {
  const denseOf = new Int32Array(tupleCount).fill(EMPTY_SLOT);
  const codes = new Int32Array(first.length);
  let keyCount = 0;
  for (let row = 0; row < first.length; row++) {
    const a = first[row];
    const b = second[row];
    if (a < 0 || b < 0) {
      codes[row] = NULL_CODE;
      continue;
    }
    const tuple = a * width + b;
    if (denseOf[tuple] === EMPTY_SLOT) denseOf[tuple] = keyCount++;
    codes[row] = denseOf[tuple];
  }
  return { codes, keyCount };
}

/**
 * Renumbers arbitrary integer codes as 0 … keyCount − 1 in order of first appearance (negative codes are
 * null), keeping equality.
 */
export function densifyCodes(values: Int32Array): DenseCodes {
  let largest = -1;
  for (let row = 0; row < values.length; row++) if (values[row] > largest) largest = values[row];
  // Codes no larger than a few times the row count (entity ids, dictionary codes) need no hashing.
  return largest < 4 * values.length + 1024
    ? renumberThroughTable(values, largest)
    : internTuples(values, undefined);
}

function renumberThroughTable(values: Int32Array, largest: number): DenseCodes {
  const denseOf = new Int32Array(largest + 1).fill(EMPTY_SLOT);
  const codes = new Int32Array(values.length);
  let keyCount = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value < 0) {
      codes[row] = NULL_CODE;
      continue;
    }
    if (denseOf[value] === EMPTY_SLOT) denseOf[value] = keyCount++;
    codes[row] = denseOf[value];
  }
  return { codes, keyCount };
}

function internTuples(first: Int32Array, second: Int32Array | undefined): DenseCodes {
  const rowCount = first.length;
  // At most rowCount distinct tuples: a table of at least twice that keeps the load factor at or below 1/2.
  let capacity = 16;
  while (capacity < rowCount * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotFirst = new Int32Array(capacity);
  const slotSecond = new Int32Array(capacity);
  const slotCode = new Int32Array(capacity).fill(EMPTY_SLOT);
  const codes = new Int32Array(rowCount);
  let keyCount = 0;
  for (let row = 0; row < rowCount; row++) {
    const a = first[row];
    const b = second === undefined ? 0 : second[row];
    if (a < 0 || b < 0) {
      codes[row] = NULL_CODE;
      continue;
    }
    let slot = mixCodes(a, b) & mask;
    for (;;) {
      const code = slotCode[slot];
      if (code === EMPTY_SLOT) {
        slotFirst[slot] = a;
        slotSecond[slot] = b;
        slotCode[slot] = keyCount;
        codes[row] = keyCount++;
        break;
      }
      if (slotFirst[slot] === a && slotSecond[slot] === b) {
        codes[row] = code;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { codes, keyCount };
}

/** 32-bit mix of two codes (multiply–xorshift), so that consecutive codes spread over the table. */
function mixCodes(a: number, b: number): number {
  let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x7f4a7c15, 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash;
}
