// Orders candidate pairs for best-first assignment in linear passes (radix sort), not a comparator sort.
import { lowerBound } from "../sorted-search.js";

/**
 * The candidate pair indices ordered by weight descending, then lower left row, then lower right row, then
 * lower index. One native sort finds the distinct weights; three stable counting sorts (right row, left
 * row, weight rank) do the rest, several times faster than a comparator sort over millions of pairs.
 */
export function bestFirstOrder(
  candidates: Int32Array,
  matchWeight: Float64Array,
  left: Int32Array,
  right: Int32Array,
  rowCount: number,
): Int32Array {
  const weights = new Float64Array(candidates.length);
  for (let index = 0; index < candidates.length; index++) weights[index] = matchWeight[candidates[index]!]!;
  const distinct = distinctAscending(weights);
  // Rank 0 = largest weight.
  const rankOfPair = new Int32Array(matchWeight.length);
  for (const pair of candidates) {
    rankOfPair[pair] = distinct.length - 1 - lowerBound(distinct, matchWeight[pair]!);
  }
  // Least significant key first; candidates arrive in index order, which settles the last tie.
  const byRight = countingSort(candidates, right, rowCount);
  const byLeft = countingSort(byRight, left, rowCount);
  return countingSort(byLeft, rankOfPair, distinct.length);
}

/** Stable counting sort of pair indices by `keyOfPair[pair]` in [0, keyCount). */
function countingSort(pairs: Int32Array, keyOfPair: Int32Array, keyCount: number): Int32Array {
  const start = new Int32Array(keyCount + 1);
  for (const pair of pairs) start[keyOfPair[pair]! + 1]!++;
  for (let key = 1; key <= keyCount; key++) start[key]! += start[key - 1]!;
  const sorted = new Int32Array(pairs.length);
  for (const pair of pairs) sorted[start[keyOfPair[pair]!]!++] = pair;
  return sorted;
}

function distinctAscending(weights: Float64Array): Float64Array {
  weights.sort();
  let count = 0;
  for (let index = 0; index < weights.length; index++) {
    if (count === 0 || weights[index] !== weights[count - 1]) weights[count++] = weights[index]!;
  }
  return weights.subarray(0, count);
}
