// From scored pairs to decisions: one-to-one links between sources, or clusters within a dataset.
import { assignOneToOne } from "../clustering/assign-one-to-one.js";
import { clusterPairs } from "../clustering/cluster-pairs.js";
import { thresholdAsMatchWeight } from "../scoring/threshold.js";
import type { Predictions } from "./predict-pairs.js";
import type { LinkageContext } from "./prepare-linkage.js";
import type { LinkageWarning } from "./warnings.js";

export interface OneToOneLinks {
  readonly kind: "links";
  /** Indices (into the candidate pairs) of the linked pairs, ascending. */
  readonly selected: Int32Array;
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
 * `link`: one-to-one assignment of the pairs at or above the threshold (best-first or optimal, per spec).
 * `dedupe` and `linkAndDedupe`: connected components of the pairs at or above the threshold.
 */
export function linkRecords(context: LinkageContext, predictions: Predictions): LinkDecisions {
  const { spec, dataset } = context;
  const minimumWeight = thresholdAsMatchWeight(spec.threshold);
  const { left, right } = predictions.pairs;
  if (spec.linkType === "link") {
    const result = assignOneToOne({
      left,
      right,
      matchWeight: predictions.matchWeight,
      sourceOf: dataset.sourceOf,
      minimumWeight,
      method: spec.oneToOne.method,
    });
    return {
      kind: "links",
      selected: result.selected,
      ambiguous: result.ambiguous,
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
