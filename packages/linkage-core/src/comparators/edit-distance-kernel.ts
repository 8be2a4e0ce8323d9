// The kernels behind levenshtein and damerauLevenshtein (optimal string alignment, OSA), which differ only by
// the adjacent transposition: shared affixes dropped, then Myers' bit-parallel algorithm when the shorter span
// fits in 32 code units (with Hyyrö's transposition term for OSA), else a dynamic programme on reusable rows.
import { commonPrefixLength, commonSuffixLength } from "./common-affixes.js";
import { dynamicProgrammingRows, positionMasks } from "./kernel-scratch.js";

/** Levenshtein distance between two spans of `units`. */
export function levenshteinKernel(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
): number {
  return editDistance(units, startA, lengthA, startB, lengthB, NO_TRANSPOSITIONS);
}

/** OSA distance between two spans of `units`. */
export function optimalAlignmentKernel(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
): number {
  return editDistance(units, startA, lengthA, startB, lengthB, TRANSPOSITIONS);
}

// A mask ANDed into the previous text character's match bits: all ones lets transpositions count, zero keeps
// the transposition term at zero. One kernel then serves both distances without a branch per character.
const NO_TRANSPOSITIONS = 0;
const TRANSPOSITIONS = -1;

function editDistance(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
  transpositionMask: number,
): number {
  // A shared prefix or suffix never changes the distance (it takes part in no optimal alignment's edits),
  // and names often share one (-ier, -ard).
  const prefix = commonPrefixLength(units, startA, startB, Math.min(lengthA, lengthB));
  startA += prefix;
  startB += prefix;
  lengthA -= prefix;
  lengthB -= prefix;
  const suffix = commonSuffixLength(units, startA + lengthA, startB + lengthB, Math.min(lengthA, lengthB));
  lengthA -= suffix;
  lengthB -= suffix;
  if (lengthA === 0) return lengthB;
  if (lengthB === 0) return lengthA;
  if (lengthA <= lengthB) {
    if (lengthA <= 32) return bitParallel(units, startA, lengthA, startB, lengthB, transpositionMask);
  } else if (lengthB <= 32) {
    return bitParallel(units, startB, lengthB, startA, lengthA, transpositionMask);
  }
  return dynamicProgramming(units, startA, lengthA, startB, lengthB, transpositionMask);
}

/**
 * Myers' algorithm: column by column over the text, the vertical differences between adjacent cells of
 * the edit matrix (each −1, 0 or +1) are held as two bit vectors, one bit per pattern position, and
 * updated with a handful of word operations. Hyyrö's extra term for OSA: a diagonal step is free of charge
 * one column later where the previous text character matched the next pattern position and this one
 * the previous position, which is an adjacent transposition costing 1 like a substitution. Needs
 * `patternLength` in 1..32.
 */
function bitParallel(
  units: Uint16Array,
  patternStart: number,
  patternLength: number,
  textStart: number,
  textLength: number,
  transpositionMask: number,
): number {
  const masks = positionMasks;
  for (let index = 0; index < patternLength; index++) masks[units[patternStart + index]] |= 1 << index;
  // Bits above the pattern length hold junk, harmless because carries and shifts only move upwards.
  let verticalPositive = -1;
  let verticalNegative = 0;
  let diagonalZero = 0;
  let previousMatch = 0;
  let distance = patternLength;
  const lastBit = 1 << (patternLength - 1);
  const textEnd = textStart + textLength;
  for (let position = textStart; position < textEnd; position++) {
    const match = masks[units[position]];
    const transposition = ((~diagonalZero & match) << 1) & previousMatch;
    // `| 0` keeps the carry-propagating addition in 32 bits.
    diagonalZero =
      ((((match & verticalPositive) + verticalPositive) | 0) ^ verticalPositive) |
      match |
      verticalNegative |
      transposition;
    let horizontalPositive = verticalNegative | ~(diagonalZero | verticalPositive);
    let horizontalNegative = verticalPositive & diagonalZero;
    if ((horizontalPositive & lastBit) !== 0) distance++;
    else if ((horizontalNegative & lastBit) !== 0) distance--;
    // The first row of the matrix grows by one per text character, hence the carried-in 1.
    horizontalPositive = (horizontalPositive << 1) | 1;
    horizontalNegative <<= 1;
    verticalPositive = horizontalNegative | ~(diagonalZero | horizontalPositive);
    verticalNegative = horizontalPositive & diagonalZero;
    previousMatch = match & transpositionMask;
  }
  for (let index = 0; index < patternLength; index++) masks[units[patternStart + index]] = 0;
  return distance;
}

/** The textbook recurrence on three reusable rows (the row before the previous one serves transpositions). */
function dynamicProgramming(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
  transpositionMask: number,
): number {
  const rows = dynamicProgrammingRows(lengthB + 1);
  let beforePrevious = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let column = 0; column <= lengthB; column++) previous[column] = column;
  for (let row = 1; row <= lengthA; row++) {
    const unitA = units[startA + row - 1];
    // −1 matches no code unit, so without transpositions the transposition case never holds.
    const earlierUnitA = row > 1 && transpositionMask !== NO_TRANSPOSITIONS ? units[startA + row - 2] : -1;
    current[0] = row;
    for (let column = 1; column <= lengthB; column++) {
      const unitB = units[startB + column - 1];
      let value = previous[column - 1] + (unitA === unitB ? 0 : 1);
      if (previous[column] + 1 < value) value = previous[column] + 1;
      if (current[column - 1] + 1 < value) value = current[column - 1] + 1;
      if (
        earlierUnitA === unitB &&
        column > 1 &&
        unitA === units[startB + column - 2] &&
        beforePrevious[column - 2] + 1 < value
      ) {
        value = beforePrevious[column - 2] + 1;
      }
      current[column] = value;
    }
    const recycled = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = recycled;
  }
  return previous[lengthB];
}
