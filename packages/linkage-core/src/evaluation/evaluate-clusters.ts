// Pairwise precision and recall of clusters against known entities, from a contingency table (no pair loops).
import { countPairsSharingCode, groupRowsByCode, pairsAmong } from "../blocking/key-groups.js";
import { NULL_CODE } from "../data/dataset.js";
import { LinkageError } from "../errors.js";
import { denseCodes } from "./dense-codes.js";
import { harmonicMean } from "./evaluate-links.js";

export interface ClusterEvaluation {
  /** Pairs of rows in the same predicted cluster and the same true entity. */
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Pairs within the same predicted cluster. */
  readonly predictedPairs: number;
  /** Pairs within the same true entity. */
  readonly truePairs: number;
  /** 1 when no pair was predicted. */
  readonly precision: number;
  /** 1 when there is no true pair. */
  readonly recall: number;
  readonly f1: number;
}

/**
 * Compares a clustering with the truth pair by pair: a pair is predicted when both rows share a cluster,
 * true when both share an entity. Counts come from cluster sizes, entity sizes and the size of each
 * (cluster, entity) cell, so the cost is linear however large the clusters. Rows of unknown entity
 * (NULL_CODE) are left out entirely.
 */
export function evaluateClusters(clusterOf: Int32Array, truth: Int32Array): ClusterEvaluation {
  if (clusterOf.length !== truth.length) {
    throw new LinkageError(
      "EVALUATION_INPUT_MISMATCH",
      `${clusterOf.length} cluster ids but ${truth.length} truth entries: give one of each per row.`,
    );
  }
  const entities = denseCodes(truth, "entity");
  // Unknown rows are left out of the clustering too.
  const labelledClusters = new Int32Array(clusterOf.length);
  for (let row = 0; row < clusterOf.length; row++) {
    labelledClusters[row] = entities.codes[row] === NULL_CODE ? NULL_CODE : clusterOf[row]!;
  }
  const clusters = denseCodes(labelledClusters, "cluster id");
  const { groupStart: start, rows } = groupRowsByCode(clusters.codes, clusters.keyCount);
  const truePairs = countPairsSharingCode(entities.codes, entities.keyCount);
  // Per cluster: pairs within it, and pairs within each of its (cluster, entity) cells, tallied in a
  // scratch array that is reset by walking the same rows again.
  let predictedPairs = 0;
  let truePositives = 0;
  const inCell = new Int32Array(entities.keyCount);
  for (let cluster = 0; cluster < clusters.keyCount; cluster++) {
    const first = start[cluster]!;
    const end = start[cluster + 1]!;
    predictedPairs += pairsAmong(end - first);
    for (let index = first; index < end; index++) inCell[entities.codes[rows[index]!]!]!++;
    for (let index = first; index < end; index++) {
      const entity = entities.codes[rows[index]!]!;
      truePositives += pairsAmong(inCell[entity]!);
      inCell[entity] = 0;
    }
  }
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  return {
    truePositives,
    falsePositives: predictedPairs - truePositives,
    falseNegatives: truePairs - truePositives,
    predictedPairs,
    truePairs,
    precision,
    recall,
    f1: harmonicMean(precision, recall),
  };
}
