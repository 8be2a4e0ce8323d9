// Prediction: candidate pairs compared, patterns counted, and every pair scored (with term frequencies).
import type { ModelParameters } from "../estimation/types.js";
import { scorePairs, type TermFrequencyAdjustmentInput } from "../scoring/score-pairs.js";
import { termFrequencies } from "../scoring/term-frequencies.js";
import { computeComparisonVectors } from "../vectors/compute-comparison-vectors.js";
import { type AgreementPatterns, countAgreementPatterns } from "../vectors/count-agreement-patterns.js";
import type { CandidatePairs, ComparisonVectors } from "../vectors/types.js";
import type { LinkageContext } from "./prepare-linkage.js";
import { type ProgressListener, stepProgress } from "./progress.js";

export interface Predictions {
  readonly pairs: CandidatePairs;
  readonly vectors: ComparisonVectors;
  readonly patterns: AgreementPatterns;
  /** log2 posterior odds of a match, per pair. */
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
  /** The term-frequency adjustments applied (to reuse when explaining a pair). */
  readonly termFrequencyAdjustments: readonly TermFrequencyAdjustmentInput[];
}

export interface PredictOptions {
  readonly onProgress?: ProgressListener;
}

/** Term-frequency inputs of every comparison with an adjusted level, frequencies taken from the data. */
export function termFrequencyAdjustments(context: LinkageContext): TermFrequencyAdjustmentInput[] {
  const adjustments: TermFrequencyAdjustmentInput[] = [];
  context.comparisons.forEach((comparison, comparisonIndex) => {
    const termFrequency = comparison.termFrequency;
    if (termFrequency === undefined) return;
    adjustments.push({
      comparisonIndex,
      level: termFrequency.level,
      weight: termFrequency.weight,
      rowKeys: comparison.rowKeys,
      frequencies: termFrequencies(comparison.rowKeys, comparison.keyCount),
    });
  });
  return adjustments;
}

/** Compares and scores the candidate pairs with the given parameters. */
export function predictPairs(
  context: LinkageContext,
  parameters: ModelParameters,
  pairs: CandidatePairs,
  options: PredictOptions = {},
): Predictions {
  const vectors = computeComparisonVectors(context.comparisons, pairs, {
    onProgress: stepProgress(options.onProgress, "comparing"),
  });
  const patterns = countAgreementPatterns(vectors);
  const adjustments = termFrequencyAdjustments(context);
  const scores = scorePairs({
    patterns,
    patternOfPair: patterns.patternOfPair,
    parameters,
    termFrequencyAdjustments: adjustments,
    left: pairs.left,
    right: pairs.right,
  });
  return { pairs, vectors, patterns, ...scores, termFrequencyAdjustments: adjustments };
}
