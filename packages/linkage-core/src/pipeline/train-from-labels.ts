// The supervised alternative to EM: m from the candidate pairs the truth says are matches, λ from the number
// of true pairs, u from random pairs as in unsupervised training.

import { EstimationError } from "../errors.js";
import { comparisonSpaceSize } from "../estimation/comparison-space.js";
import { estimateMFromLabels } from "../estimation/level-frequencies.js";
import type { ModelParameters } from "../estimation/types.js";
import { countTruePairs } from "../evaluation/true-pairs.js";
import { computeComparisonVectors } from "../vectors/compute-comparison-vectors.js";
import type { CandidatePairs } from "../vectors/types.js";
import { estimateUFromRandomPairs } from "./estimate-u.js";
import type { LinkageContext } from "./prepare-linkage.js";
import { type ProgressListener, stepProgress } from "./progress.js";
import type { TrainedModel } from "./train-model.js";

export interface TrainFromLabelsOptions {
  /** Entity code of every row of the combined dataset (NULL_CODE where unknown). */
  readonly truth: Int32Array;
  /** Candidate pairs of the spec's blocking rules: the labelled pairs m is counted on. */
  readonly candidatePairs: CandidatePairs;
  readonly onProgress?: ProgressListener;
}

/**
 * m per level = share of the labelled matches among the candidate pairs at that level (nulls left out,
 * half-pair smoothing); λ = true pairs in the whole comparison space / its size (or the spec's λ when given).
 * Labels are used for m and λ only: u still comes from random pairs, which need no labels.
 */
export function trainModelFromLabels(context: LinkageContext, options: TrainFromLabelsOptions): TrainedModel {
  const { spec, dataset, comparisons } = context;
  const { truth, candidatePairs: pairs } = options;
  if (truth.length !== dataset.rowCount) {
    throw new EstimationError(
      "LABELS_LENGTH_MISMATCH",
      `${truth.length} entity codes for ${dataset.rowCount} records.`,
    );
  }
  const spaceSize = comparisonSpaceSize(spec.linkType, context.sourceSizes);
  const sample = estimateUFromRandomPairs(context, spaceSize, options.onProgress);
  const vectors = computeComparisonVectors(comparisons, pairs, {
    onProgress: stepProgress(options.onProgress, "comparing"),
  });
  const isMatch = new Uint8Array(pairs.count);
  let labelledMatches = 0;
  for (let pair = 0; pair < pairs.count; pair++) {
    const entity = truth[pairs.left[pair]!]!;
    if (entity >= 0 && entity === truth[pairs.right[pair]!]) {
      isMatch[pair] = 1;
      labelledMatches++;
    }
  }
  if (labelledMatches === 0) {
    throw new EstimationError("LABELS_NO_MATCHES", "no candidate pair is a match according to the truth.", {
      hint: "Check the truth column, or loosen the blocking rules so that known matches become candidates.",
    });
  }
  const m = estimateMFromLabels(vectors, isMatch);
  const truePairs = countTruePairs(truth, spec.linkType, dataset.sourceOf);
  const prior = spec.training.priorMatchProbability ?? Math.min(0.5, Math.max(truePairs, 1) / spaceSize);
  const parameters: ModelParameters = {
    priorMatchProbability: prior,
    comparisons: comparisons.map((comparison, index) => ({
      name: comparison.name,
      levelLabels: comparison.levelLabels,
      m: m[index]!,
      u: sample.u[index]!,
    })),
  };
  return {
    parameters,
    summary: {
      sessions: [],
      uSampleSize: sample.sampleSize,
      priorSource: spec.training.priorMatchProbability === undefined ? "labels" : "spec",
      counts: {
        recordCount: dataset.rowCount,
        candidatePairCount: pairs.count,
        labelledPairCount: labelledMatches,
      },
      warnings: [],
      seed: spec.training.seed,
      priorMatchProbability: prior,
      expectedMatches: prior * spaceSize,
      comparisonSpaceSize: spaceSize,
    },
  };
}
