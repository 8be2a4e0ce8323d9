// Prediction: candidate pairs compared, patterns counted, and every pair scored (with term frequencies).
import type { ModelParameters } from "../estimation/types.js";
import { createInProcessComparer } from "../parallel/in-process-comparer.js";
import type { PairComparer, ScoringModel } from "../parallel/pair-comparer.js";
import type { TermFrequencyAdjustmentInput } from "../scoring/score-pairs.js";
import { termFrequencies } from "../scoring/term-frequencies.js";
import { type AgreementPatterns, countAgreementPatterns } from "../vectors/count-agreement-patterns.js";
import type { CandidatePairs, ComparisonVectors } from "../vectors/types.js";
import { checkComparer } from "./check-comparer.js";
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
  /** Compares and scores the pairs (default: on this thread); every comparer gives the same predictions. */
  readonly comparer?: PairComparer;
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

/** The parameters and the data's term-frequency adjustments, as comparers take them. */
export function scoringModel(context: LinkageContext, parameters: ModelParameters): ScoringModel {
  return {
    parameters,
    termFrequencies: termFrequencyAdjustments(context).map(({ rowKeys: _rowKeys, ...term }) => term),
  };
}

/** Compares and scores the candidate pairs with the given parameters. */
export function predictPairs(
  context: LinkageContext,
  parameters: ModelParameters,
  pairs: CandidatePairs,
  options: PredictOptions = {},
): Predictions {
  const comparer = options.comparer ?? createInProcessComparer(context.comparisons);
  checkComparer(comparer, context);
  const adjustments = termFrequencyAdjustments(context);
  const report = stepProgress(options.onProgress, "comparing");
  const { vectors, matchWeight, matchProbability } = comparer.compareAndScore(
    pairs,
    scoringModel(context, parameters),
    report ? { onProgress: report } : {},
  );
  const patterns = countAgreementPatterns(vectors);
  return { pairs, vectors, patterns, matchWeight, matchProbability, termFrequencyAdjustments: adjustments };
}
