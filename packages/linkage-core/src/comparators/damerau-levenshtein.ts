// Optimal string alignment (OSA) distance, the "restricted" Damerau–Levenshtein: Levenshtein plus the
// transposition of two adjacent characters, no substring edited twice. Not a metric: the triangle
// inequality can fail (CA→AC→ABC costs 2 but CA→ABC costs 3). Bit-parallel after Hyyrö (2003) when the
// shorter string fits in 32 code units, else a three-row dynamic programme on reusable buffers.
import { checkFlatIndex } from "./comparator-errors.js";
import type { FlatStrings } from "./flat-strings.js";
import { dynamicProgrammingRows, loadPair, positionMasks } from "./kernel-scratch.js";

/** OSA distance between `a` and `b`, counted in UTF-16 code units. */
export function damerauLevenshtein(a: string, b: string): number {
  return damerauLevenshteinKernel(loadPair(a, b), 0, a.length, a.length, b.length);
}

/** {@link damerauLevenshtein} between values `indexA` and `indexB` of `strings`. */
export function damerauLevenshteinFlat(strings: FlatStrings, indexA: number, indexB: number): number {
  checkFlatIndex("damerauLevenshteinFlat", "indexA", indexA, strings.count);
  checkFlatIndex("damerauLevenshteinFlat", "indexB", indexB, strings.count);
  const offsets = strings.offsets;
  const startA = offsets[indexA];
  const startB = offsets[indexB];
  return damerauLevenshteinKernel(
    strings.codeUnits,
    startA,
    offsets[indexA + 1] - startA,
    startB,
    offsets[indexB + 1] - startB,
  );
}

/** OSA distance between two spans of `units`. */
export function damerauLevenshteinKernel(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
): number {
  // A shared prefix or suffix never takes part in an optimal alignment's edits, so it can be dropped.
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
    if (lengthA <= 32) return bitParallelOptimalAlignment(units, startA, lengthA, startB, lengthB);
  } else if (lengthB <= 32) {
    return bitParallelOptimalAlignment(units, startB, lengthB, startA, lengthA);
  }
  return dynamicProgrammingOptimalAlignment(units, startA, lengthA, startB, lengthB);
}

/**
 * Myers' bit vectors (see levenshtein.ts) with Hyyrö's extra term: a diagonal step is free of charge
 * one column later where the previous text character matched the next pattern position and this one
 * the previous position, which is an adjacent transposition costing 1 like a substitution.
 */
function bitParallelOptimalAlignment(
  units: Uint16Array,
  patternStart: number,
  patternLength: number,
  textStart: number,
  textLength: number,
): number {
  const masks = positionMasks;
  for (let index = 0; index < patternLength; index++) masks[units[patternStart + index]] |= 1 << index;
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
    diagonalZero =
      ((((match & verticalPositive) + verticalPositive) | 0) ^ verticalPositive) |
      match |
      verticalNegative |
      transposition;
    let horizontalPositive = verticalNegative | ~(diagonalZero | verticalPositive);
    let horizontalNegative = verticalPositive & diagonalZero;
    if ((horizontalPositive & lastBit) !== 0) distance++;
    else if ((horizontalNegative & lastBit) !== 0) distance--;
    horizontalPositive = (horizontalPositive << 1) | 1;
    horizontalNegative <<= 1;
    verticalPositive = horizontalNegative | ~(diagonalZero | horizontalPositive);
    verticalNegative = horizontalPositive & diagonalZero;
    previousMatch = match;
  }
  for (let index = 0; index < patternLength; index++) masks[units[patternStart + index]] = 0;
  return distance;
}

function dynamicProgrammingOptimalAlignment(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
): number {
  const rows = dynamicProgrammingRows(lengthB + 1);
  let beforePrevious = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let column = 0; column <= lengthB; column++) previous[column] = column;
  for (let row = 1; row <= lengthA; row++) {
    const unitA = units[startA + row - 1];
    const earlierUnitA = row > 1 ? units[startA + row - 2] : -1;
    current[0] = row;
    for (let column = 1; column <= lengthB; column++) {
      const unitB = units[startB + column - 1];
      let value = previous[column - 1] + (unitA === unitB ? 0 : 1);
      if (previous[column] + 1 < value) value = previous[column] + 1;
      if (current[column - 1] + 1 < value) value = current[column - 1] + 1;
      if (
        column > 1 &&
        unitA === units[startB + column - 2] &&
        earlierUnitA === unitB &&
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
