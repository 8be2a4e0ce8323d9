// Precision, recall and F1 at every distinct match weight (or a grid), and the threshold with the best F1.
import { NULL_CODE } from "../data/dataset.js";
import { LinkageError } from "../errors.js";
import { matchProbabilityFromWeight } from "../scoring/match-weights.js";
import type { LinkType } from "../spec/types.js";
import { harmonicMean } from "./evaluate-links.js";
import { checkSources, countTruePairs, inComparisonSpace } from "./true-pairs.js";

export interface PrecisionRecallPoint {
  /** Minimum match weight: pairs with weight ≥ threshold are predicted links. */
  readonly threshold: number;
  /** The same threshold as a match probability. */
  readonly matchProbability: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface PrecisionRecallInput {
  /** Scored candidate pairs (each pair once). */
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly matchWeight: Float64Array;
  /** Entity code per row; NULL_CODE where unknown (such pairs are left out). */
  readonly truth: Int32Array;
  readonly linkType: LinkType;
  readonly sourceOf?: Uint8Array;
  /** Match-weight thresholds to evaluate; every distinct weight when absent. */
  readonly thresholds?: readonly number[];
  /** At most this many points are returned (evenly thinned); the best point is always computed on all. */
  readonly maxPoints?: number;
}

export interface PrecisionRecallCurve {
  /** By decreasing threshold (increasing recall). */
  readonly points: readonly PrecisionRecallPoint[];
  /** The point with the highest F1 (the highest threshold among equals); undefined without points. */
  readonly best: PrecisionRecallPoint | undefined;
  /** True pairs over the whole comparison space: recall is relative to them, not to the blocked pairs. */
  readonly totalTruePairs: number;
}

/**
 * The weights of true and false pairs are sorted once each, then one sweep down both gives every
 * threshold's counts: O(n log n) for all thresholds at once.
 */
export function precisionRecallCurve(input: PrecisionRecallInput): PrecisionRecallCurve {
  const { left, right, matchWeight, truth, linkType, sourceOf } = input;
  checkSources(truth, sourceOf);
  if (left.length !== right.length || left.length !== matchWeight.length) {
    throw new LinkageError(
      "EVALUATION_INPUT_MISMATCH",
      `${left.length} left rows, ${right.length} right rows and ${matchWeight.length} weights: they must match.`,
    );
  }
  // Weights of the judged true and false pairs, each sorted once (native numeric sort, no comparator).
  const trueWeights = new Float64Array(left.length);
  const falseWeights = new Float64Array(left.length);
  let trueCount = 0;
  let falseCount = 0;
  for (let pair = 0; pair < left.length; pair++) {
    const a = left[pair]!;
    const b = right[pair]!;
    const weight = matchWeight[pair]!;
    if (Number.isNaN(weight) || !inComparisonSpace(linkType, sourceOf, a, b)) continue;
    if (truth[a] === NULL_CODE || truth[b] === NULL_CODE) continue;
    if (truth[a] === truth[b]) trueWeights[trueCount++] = weight;
    else falseWeights[falseCount++] = weight;
  }
  const sortedTrue = trueWeights.subarray(0, trueCount).sort();
  const sortedFalse = falseWeights.subarray(0, falseCount).sort();
  const totalTruePairs = countTruePairs(truth, linkType, sourceOf);
  const pointAt = (
    threshold: number,
    truePositives: number,
    falsePositives: number,
  ): PrecisionRecallPoint => {
    const predicted = truePositives + falsePositives;
    const precision = predicted === 0 ? 1 : truePositives / predicted;
    const recall = totalTruePairs === 0 ? 1 : truePositives / totalTruePairs;
    return {
      threshold,
      matchProbability: matchProbabilityFromWeight(threshold),
      truePositives,
      falsePositives,
      precision,
      recall,
      f1: harmonicMean(precision, recall),
    };
  };
  const thresholds =
    input.thresholds !== undefined
      ? [...input.thresholds].sort((a, b) => b - a)
      : distinctWeightsDescending(sortedTrue, sortedFalse);
  // Thresholds decrease, so both cursors only move down the sorted weights.
  const points: PrecisionRecallPoint[] = [];
  let trueBelow = trueCount;
  let falseBelow = falseCount;
  for (const threshold of thresholds) {
    while (trueBelow > 0 && sortedTrue[trueBelow - 1]! >= threshold) trueBelow--;
    while (falseBelow > 0 && sortedFalse[falseBelow - 1]! >= threshold) falseBelow--;
    points.push(pointAt(threshold, trueCount - trueBelow, falseCount - falseBelow));
  }
  let best: PrecisionRecallPoint | undefined;
  for (const point of points) if (best === undefined || point.f1 > best.f1) best = point;
  return { points: thin(points, input.maxPoints), best, totalTruePairs };
}

/** Every distinct weight of two ascending arrays, largest first. */
function distinctWeightsDescending(first: Float64Array, second: Float64Array): number[] {
  const weights: number[] = [];
  let a = first.length - 1;
  let b = second.length - 1;
  while (a >= 0 || b >= 0) {
    const weight = b < 0 || (a >= 0 && first[a]! >= second[b]!) ? first[a--]! : second[b--]!;
    if (weights.length === 0 || weights[weights.length - 1] !== weight) weights.push(weight);
  }
  return weights;
}

/** Evenly spaced points, always keeping the first and the last. */
function thin(points: PrecisionRecallPoint[], maxPoints: number | undefined): PrecisionRecallPoint[] {
  if (maxPoints === undefined || points.length <= maxPoints) return points;
  if (maxPoints < 2) return points.slice(0, Math.max(0, maxPoints));
  const step = (points.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, index) => points[Math.round(index * step)]!);
}
