// Levenshtein edit distance (insertions, deletions, substitutions, each costing 1). Bit-parallel
// (Myers 1999, in Hyyrö's 2001 formulation) when the shorter string fits in 32 code units, else a
// dynamic programme on reusable buffers (see edit-distance-kernel.ts); bounded variants use Ukkonen's band.
import { checkFlatPair, invalidComparatorArgument } from "./comparator-errors.js";
import { levenshteinKernel } from "./edit-distance-kernel.js";
import type { FlatStrings } from "./flat-strings.js";
import { dynamicProgrammingRows, loadPair } from "./kernel-scratch.js";

/** Levenshtein distance between `a` and `b`, counted in UTF-16 code units. */
export function levenshtein(a: string, b: string): number {
  return levenshteinKernel(loadPair(a, b), 0, a.length, a.length, b.length);
}

/** {@link levenshtein} between values `indexA` and `indexB` of `strings`, without touching JS strings. */
export function levenshteinFlat(strings: FlatStrings, indexA: number, indexB: number): number {
  checkFlatPair("levenshteinFlat", indexA, indexB, strings.count);
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
  checkFlatPair("levenshteinWithinFlat", indexA, indexB, strings.count);
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
