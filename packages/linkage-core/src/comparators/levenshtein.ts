// Levenshtein edit distance (insertions, deletions, substitutions, each costing 1). Bit-parallel
// (Myers 1999, in Hyyrö's 2001 formulation) when the shorter string fits in 32 code units, else a
// two-row dynamic programme on reusable buffers.
import { checkFlatIndex, invalidComparatorArgument } from "./comparator-errors.js";
import type { FlatStrings } from "./flat-strings.js";
import { dynamicProgrammingRows, loadPair, positionMasks } from "./kernel-scratch.js";

/** Levenshtein distance between `a` and `b`, counted in UTF-16 code units. */
export function levenshtein(a: string, b: string): number {
  return levenshteinKernel(loadPair(a, b), 0, a.length, a.length, b.length);
}

/** {@link levenshtein} between values `indexA` and `indexB` of `strings`, without touching JS strings. */
export function levenshteinFlat(strings: FlatStrings, indexA: number, indexB: number): number {
  checkFlatIndex("levenshteinFlat", "indexA", indexA, strings.count);
  checkFlatIndex("levenshteinFlat", "indexB", indexB, strings.count);
  const offsets = strings.offsets;
  const startA = offsets[indexA];
  const startB = offsets[indexB];
  return levenshteinKernel(
    strings.codeUnits,
    startA,
    offsets[indexA + 1] - startA,
    startB,
    offsets[indexB + 1] - startB,
  );
}

/**
 * The Levenshtein distance when it is at most `maxDistance`, otherwise `floor(maxDistance) + 1`. Faster
 * than {@link levenshtein} for long strings, where it stops as soon as the bound is exceeded.
 */
export function levenshteinWithin(a: string, b: string, maxDistance: number): number {
  const limit = checkedLimit("levenshteinWithin", maxDistance);
  return boundedLevenshteinKernel(loadPair(a, b), 0, a.length, a.length, b.length, limit);
}

/** {@link levenshteinWithin} on values of a {@link FlatStrings}. */
export function levenshteinWithinFlat(
  strings: FlatStrings,
  indexA: number,
  indexB: number,
  maxDistance: number,
): number {
  const limit = checkedLimit("levenshteinWithinFlat", maxDistance);
  checkFlatIndex("levenshteinWithinFlat", "indexA", indexA, strings.count);
  checkFlatIndex("levenshteinWithinFlat", "indexB", indexB, strings.count);
  const offsets = strings.offsets;
  const startA = offsets[indexA];
  const startB = offsets[indexB];
  return boundedLevenshteinKernel(
    strings.codeUnits,
    startA,
    offsets[indexA + 1] - startA,
    startB,
    offsets[indexB + 1] - startB,
    limit,
  );
}

function checkedLimit(comparator: string, maxDistance: number): number {
  if (!(maxDistance >= 0)) {
    throw invalidComparatorArgument(comparator, "maxDistance", maxDistance, "a number ≥ 0");
  }
  return Math.min(Math.floor(maxDistance), 0x3fffffff);
}

/** Levenshtein distance between two spans of `units`. */
export function levenshteinKernel(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
): number {
  // A shared prefix or suffix never changes the distance, and names often share one (-ier, -ard).
  const shorter = Math.min(lengthA, lengthB);
  let prefix = 0;
  while (prefix < shorter && units[startA + prefix] === units[startB + prefix]) prefix++;
  startA += prefix;
  startB += prefix;
  lengthA -= prefix;
  lengthB -= prefix;
  while (lengthA > 0 && lengthB > 0 && units[startA + lengthA - 1] === units[startB + lengthB - 1]) {
    lengthA--;
    lengthB--;
  }
  if (lengthA === 0) return lengthB;
  if (lengthB === 0) return lengthA;
  if (lengthA <= lengthB) {
    if (lengthA <= 32) return bitParallelLevenshtein(units, startA, lengthA, startB, lengthB);
  } else if (lengthB <= 32) {
    return bitParallelLevenshtein(units, startB, lengthB, startA, lengthA);
  }
  return dynamicProgrammingLevenshtein(units, startA, lengthA, startB, lengthB);
}

/**
 * Myers' algorithm: column by column over the text, the vertical differences between adjacent cells of
 * the edit matrix (each −1, 0 or +1) are held as two bit vectors, one bit per pattern position, and
 * updated with a handful of word operations. Needs `patternLength` in 1..32.
 */
function bitParallelLevenshtein(
  units: Uint16Array,
  patternStart: number,
  patternLength: number,
  textStart: number,
  textLength: number,
): number {
  const masks = positionMasks;
  for (let index = 0; index < patternLength; index++) masks[units[patternStart + index]] |= 1 << index;
  // Bits above the pattern length hold junk, harmless because carries and shifts only move upwards.
  let verticalPositive = -1;
  let verticalNegative = 0;
  let distance = patternLength;
  const lastBit = 1 << (patternLength - 1);
  const textEnd = textStart + textLength;
  for (let position = textStart; position < textEnd; position++) {
    const match = masks[units[position]];
    // `| 0` keeps the carry-propagating addition in 32 bits.
    const diagonalZero =
      ((((match & verticalPositive) + verticalPositive) | 0) ^ verticalPositive) | match | verticalNegative;
    let horizontalPositive = verticalNegative | ~(diagonalZero | verticalPositive);
    let horizontalNegative = verticalPositive & diagonalZero;
    if ((horizontalPositive & lastBit) !== 0) distance++;
    else if ((horizontalNegative & lastBit) !== 0) distance--;
    // The first row of the matrix grows by one per text character, hence the carried-in 1.
    horizontalPositive = (horizontalPositive << 1) | 1;
    horizontalNegative <<= 1;
    verticalPositive = horizontalNegative | ~(diagonalZero | horizontalPositive);
    verticalNegative = horizontalPositive & diagonalZero;
  }
  for (let index = 0; index < patternLength; index++) masks[units[patternStart + index]] = 0;
  return distance;
}

function dynamicProgrammingLevenshtein(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
): number {
  const rows = dynamicProgrammingRows(lengthB + 1);
  let previous = rows[0];
  let current = rows[1];
  for (let column = 0; column <= lengthB; column++) previous[column] = column;
  for (let row = 1; row <= lengthA; row++) {
    const unitA = units[startA + row - 1];
    current[0] = row;
    for (let column = 1; column <= lengthB; column++) {
      const substitution = previous[column - 1] + (unitA === units[startB + column - 1] ? 0 : 1);
      const deletion = previous[column] + 1;
      const insertion = current[column - 1] + 1;
      current[column] = Math.min(substitution, deletion, insertion);
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[lengthB];
}

function boundedLevenshteinKernel(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
  limit: number,
): number {
  const difference = lengthA > lengthB ? lengthA - lengthB : lengthB - lengthA;
  if (difference > limit) return limit + 1;
  if (lengthA <= 32 || lengthB <= 32) {
    const distance = levenshteinKernel(units, startA, lengthA, startB, lengthB);
    return distance > limit ? limit + 1 : distance;
  }
  return bandedLevenshtein(units, startA, lengthA, startB, lengthB, limit);
}

/**
 * Ukkonen's band: a distance ≤ limit only uses cells within `limit` of the diagonal, so only those are
 * computed (values saturate at limit + 1), and the run stops once a whole row exceeds the limit.
 */
function bandedLevenshtein(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
  limit: number,
): number {
  const beyond = limit + 1;
  const rows = dynamicProgrammingRows(lengthB + 2);
  let previous = rows[0];
  let current = rows[1];
  for (let column = 0; column <= lengthB; column++) previous[column] = column <= limit ? column : beyond;
  for (let row = 1; row <= lengthA; row++) {
    const unitA = units[startA + row - 1];
    const low = Math.max(row - limit, 1);
    const high = Math.min(row + limit, lengthB);
    current[low - 1] = low === 1 && row <= limit ? row : beyond;
    let rowMinimum = current[low - 1];
    for (let column = low; column <= high; column++) {
      const substitution = previous[column - 1] + (unitA === units[startB + column - 1] ? 0 : 1);
      const deletion = previous[column] + 1;
      const insertion = current[column - 1] + 1;
      let value = Math.min(substitution, deletion);
      if (insertion < value) value = insertion;
      if (value > beyond) value = beyond;
      current[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // The next row reads one cell past this row's band: mark it as out of reach.
    if (high < lengthB) current[high + 1] = beyond;
    if (rowMinimum > limit) return beyond;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[lengthB] > limit ? beyond : previous[lengthB];
}
