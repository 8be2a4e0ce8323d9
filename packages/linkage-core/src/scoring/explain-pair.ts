// The data of a waterfall chart for one pair: prior weight, then each comparison's level and weight.
import type { ModelParameters } from "../estimation/types.js";
import { NULL_LEVEL } from "../vectors/types.js";
import { matchProbabilityFromWeight, partialMatchWeight, priorMatchWeight } from "./match-weights.js";
import { type PairLevelSource, pairLevelReader, type TermFrequencyAdjustmentInput } from "./score-pairs.js";
import { termFrequencyAdjustment } from "./term-frequencies.js";

export interface ComparisonExplanation {
  readonly name: string;
  /** Level of the pair (NULL_LEVEL when a value was missing). */
  readonly level: number;
  readonly label: string;
  /** log2(m/u) of the level; 0 for null. */
  readonly partialWeight: number;
  /** Term-frequency part added on top of partialWeight (0 when none applies). */
  readonly termFrequencyWeight: number;
}

export interface PairExplanation {
  readonly priorWeight: number;
  readonly comparisons: readonly ComparisonExplanation[];
  /** priorWeight + Σ (partialWeight + termFrequencyWeight): equals scorePairs' weight for the pair. */
  readonly matchWeight: number;
  readonly matchProbability: number;
}

export type ExplainPairInput = PairLevelSource & {
  readonly parameters: ModelParameters;
  readonly termFrequencyAdjustments?: readonly TermFrequencyAdjustmentInput[];
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Index of the pair to explain. */
  readonly pair: number;
};

/** Label given to a null level in explanations. */
export const NULL_LEVEL_LABEL = "null";

/** Every term of one pair's match weight, in comparison order. */
export function explainPair(input: ExplainPairInput): PairExplanation {
  const { parameters, pair } = input;
  const priorWeight = priorMatchWeight(parameters.priorMatchProbability);
  const comparisons = parameters.comparisons.map((comparison, index): ComparisonExplanation => {
    const level = pairLevelReader(input, { comparisonIndex: index })(pair);
    if (level === NULL_LEVEL) {
      return {
        name: comparison.name,
        level,
        label: NULL_LEVEL_LABEL,
        partialWeight: 0,
        termFrequencyWeight: 0,
      };
    }
    let termFrequencyWeight = 0;
    for (const adjustment of input.termFrequencyAdjustments ?? []) {
      if (adjustment.comparisonIndex !== index || adjustment.level !== level) continue;
      const keyA = adjustment.rowKeys[input.left[pair]!]!;
      const keyB = adjustment.rowKeys[input.right[pair]!]!;
      if (keyA < 0 || keyB < 0) continue;
      termFrequencyWeight += termFrequencyAdjustment(
        comparison.u[level]!,
        adjustment.frequencies[keyA]!,
        adjustment.frequencies[keyB]!,
        adjustment.weight,
      );
    }
    return {
      name: comparison.name,
      level,
      label: comparison.levelLabels[level] ?? `level ${level}`,
      partialWeight: partialMatchWeight(comparison.m[level]!, comparison.u[level]!),
      termFrequencyWeight,
    };
  });
  const matchWeight = comparisons.reduce(
    (total, comparison) => total + comparison.partialWeight + comparison.termFrequencyWeight,
    priorWeight,
  );
  return { priorWeight, comparisons, matchWeight, matchProbability: matchProbabilityFromWeight(matchWeight) };
}
