// Public API of scoring: match weights, term-frequency adjustment, pair scores, explanations and thresholds.
export {
  type ComparisonExplanation,
  type ExplainPairInput,
  explainPair,
  NULL_LEVEL_LABEL,
  type PairExplanation,
} from "./explain-pair.js";
export {
  matchProbabilityFromWeight,
  partialMatchWeight,
  partialMatchWeights,
  patternMatchWeights,
  priorMatchWeight,
  weightFromMatchProbability,
} from "./match-weights.js";
export {
  type PairLevelSource,
  type PairScores,
  type ScorePairsInput,
  scorePairs,
  type TermFrequencyAdjustmentInput,
} from "./score-pairs.js";
export { termFrequencies, termFrequenciesFromTable, termFrequencyAdjustment } from "./term-frequencies.js";
export { pairsPassingThreshold, passesThreshold, thresholdAsMatchWeight } from "./threshold.js";
