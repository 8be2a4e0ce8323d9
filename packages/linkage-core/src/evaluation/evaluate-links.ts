// Precision, recall and F1 of predicted links against known entities, over the whole comparison space.
import { groupRowsByCode } from "../blocking/key-groups.js";
import { NULL_CODE } from "../data/dataset.js";
import { LinkageError } from "../errors.js";
import { passesThreshold } from "../scoring/threshold.js";
import type { LinkType, ThresholdSpec } from "../spec/types.js";
import { checkSources, countTruePairs, inComparisonSpace } from "./true-pairs.js";

export interface LinkEvaluation {
  readonly truePositives: number;
  readonly falsePositives: number;
  /** True pairs of the whole comparison space that were not predicted (including those never blocked). */
  readonly falseNegatives: number;
  readonly totalTruePairs: number;
  /** Predicted pairs with a record of unknown entity: not judged. */
  readonly unlabelledPairs: number;
  /** Predicted pairs the link type does not allow (within one source when linking): not judged. */
  readonly outOfScopePairs: number;
  /** TP / (TP + FP); 1 when nothing was predicted. */
  readonly precision: number;
  /** TP / total true pairs; 1 when there are no true pairs. */
  readonly recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  readonly f1: number;
}

export interface EvaluateLinksInput {
  /** Predicted links as row pairs (duplicates, in either order, are counted once). */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Entity code of every row; NULL_CODE where unknown. */
  readonly truth: Int32Array;
  readonly linkType: LinkType;
  readonly sourceOf?: Uint8Array;
}

/** Pairwise confusion counts of predicted links, the false negatives counted over the whole space. */
export function evaluateLinks(input: EvaluateLinksInput): LinkEvaluation {
  const { left, right, truth, linkType, sourceOf } = input;
  checkSources(truth, sourceOf);
  if (left.length !== right.length) {
    throw new LinkageError(
      "EVALUATION_INPUT_MISMATCH",
      `${left.length} left rows but ${right.length} right rows in the predicted links.`,
    );
  }
  const rowCount = truth.length;
  const lower = new Int32Array(left.length);
  for (let pair = 0; pair < left.length; pair++) {
    const a = left[pair]!;
    const b = right[pair]!;
    if (a < 0 || b < 0 || a >= rowCount || b >= rowCount) {
      throw new LinkageError(
        "EVALUATION_ROW_OUT_OF_RANGE",
        `predicted link ${pair} refers to a row outside 0…${rowCount - 1}.`,
      );
    }
    lower[pair] = Math.min(a, b);
  }
  // Duplicates are found without sorting: pairs grouped by their lower row, and a mark per upper row
  // saying which lower row last used it.
  const { groupStart: start, rows: pairsByLower } = groupRowsByCode(lower, rowCount);
  const lastLower = new Int32Array(rowCount).fill(-1);
  let truePositives = 0;
  let falsePositives = 0;
  let unlabelledPairs = 0;
  let outOfScopePairs = 0;
  for (let a = 0; a < rowCount; a++) {
    for (let index = start[a]!; index < start[a + 1]!; index++) {
      const pair = pairsByLower[index]!;
      const b = left[pair] === a ? right[pair]! : left[pair]!;
      if (lastLower[b] === a) continue;
      lastLower[b] = a;
      if (!inComparisonSpace(linkType, sourceOf, a, b)) outOfScopePairs++;
      else if (truth[a] === NULL_CODE || truth[b] === NULL_CODE) unlabelledPairs++;
      else if (truth[a] === truth[b]) truePositives++;
      else falsePositives++;
    }
  }
  const totalTruePairs = countTruePairs(truth, linkType, sourceOf);
  return summarise({ truePositives, falsePositives, totalTruePairs, unlabelledPairs, outOfScopePairs });
}

export interface ConfusionAtThresholdInput {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly matchWeight: Float64Array;
  /** A threshold spec, or a minimum match weight. */
  readonly threshold: ThresholdSpec | number;
  readonly truth: Int32Array;
  readonly linkType: LinkType;
  readonly sourceOf?: Uint8Array;
}

/** evaluateLinks of the scored pairs that pass the threshold. */
export function confusionAtThreshold(input: ConfusionAtThresholdInput): LinkEvaluation {
  const { threshold, matchWeight } = input;
  const passes =
    typeof threshold === "number" ? (weight: number) => weight >= threshold : passesThreshold(threshold);
  const left = new Int32Array(matchWeight.length);
  const right = new Int32Array(matchWeight.length);
  let kept = 0;
  for (let pair = 0; pair < matchWeight.length; pair++) {
    if (!passes(matchWeight[pair]!)) continue;
    left[kept] = input.left[pair]!;
    right[kept] = input.right[pair]!;
    kept++;
  }
  return evaluateLinks({
    left: left.subarray(0, kept),
    right: right.subarray(0, kept),
    truth: input.truth,
    linkType: input.linkType,
    sourceOf: input.sourceOf,
  });
}

/** Rates from counts, with the documented conventions for empty denominators. */
export function summarise(counts: {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly totalTruePairs: number;
  readonly unlabelledPairs: number;
  readonly outOfScopePairs: number;
}): LinkEvaluation {
  const { truePositives, falsePositives, totalTruePairs } = counts;
  const predicted = truePositives + falsePositives;
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = totalTruePairs === 0 ? 1 : truePositives / totalTruePairs;
  return {
    ...counts,
    falseNegatives: totalTruePairs - truePositives,
    precision,
    recall,
    f1: harmonicMean(precision, recall),
  };
}

export function harmonicMean(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
