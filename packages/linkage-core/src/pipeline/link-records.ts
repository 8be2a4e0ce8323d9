// From scored pairs to decisions: one-to-one links between sources, or clusters within a dataset.
import { assignOneToOne } from "../clustering/assign-one-to-one.js";
import { clusterPairs } from "../clustering/cluster-pairs.js";
import type { LinkedShare } from "../clustering/estimate-linked-share.js";
import { thresholdAsMatchWeight } from "../scoring/threshold.js";
import type { OneToOneScoring } from "./one-to-one-scoring.js";
import type { Predictions } from "./predict-pairs.js";
import type { LinkageContext } from "./prepare-linkage.js";
import type { LinkageWarning } from "./warnings.js";

export interface OneToOneLinks {
  readonly kind: "links";
  /** Indices (into the candidate pairs) of the linked pairs, ascending. */
  readonly selected: Int32Array;
  /**
   * Per pair of the predictions, the match weight and probability links were decided on: one-to-one posteriors
   * (spec `oneToOne.probability`, the default), or the pairwise ones of the predictions.
   */
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
  /** With one-to-one posteriors: the share of subjects estimated to have a match, and the prior it gives. */
  readonly linkedShare?: LinkedShare;
  /** Per selected pair, 1 when a tie with another candidate was broken arbitrarily. */
  readonly ambiguous: Uint8Array;
  readonly warnings: readonly LinkageWarning[];
}

export interface RecordClusters {
  readonly kind: "clusters";
  readonly clusterOf: Int32Array;
  readonly clusterCount: number;
  readonly warnings: readonly LinkageWarning[];
}

export type LinkDecisions = OneToOneLinks | RecordClusters;

/**
 * `link`: one-to-one assignment of the pairs at or above the threshold (best-first or optimal, per spec), on the
 * one-to-one posteriors when `oneToOne` gives them (see one-to-one-scoring.ts), else on pairwise scores.
 * `dedupe` and `linkAndDedupe`: connected components of the pairs at or above the threshold.
 */
export function linkRecords(
  context: LinkageContext,
  predictions: Predictions,
  oneToOne?: OneToOneScoring,
): LinkDecisions {
  const { spec, dataset } = context;
  const minimumWeight = thresholdAsMatchWeight(spec.threshold);
  const { left, right } = predictions.pairs;
  if (spec.linkType === "link") {
    const scores = oneToOne ?? predictions;
    const result = assignOneToOne({
      left,
      right,
      matchWeight: scores.matchWeight,
      sourceOf: dataset.sourceOf,
      minimumWeight,
      method: spec.oneToOne.method,
    });
    return {
      kind: "links",
      selected: result.selected,
      ambiguous: result.ambiguous,
      matchWeight: scores.matchWeight,
      matchProbability: scores.matchProbability,
      ...(oneToOne ? { linkedShare: oneToOne.linkedShare } : {}),
      warnings: result.warnings,
    };
  }
  const clusters = clusterPairs(dataset.rowCount, left, right, {
    matchWeight: predictions.matchWeight,
    minimumWeight,
  });
  return {
    kind: "clusters",
    clusterOf: clusters.clusterOf,
    clusterCount: clusters.clusterCount,
    warnings: [],
  };
}
