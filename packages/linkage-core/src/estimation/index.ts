// Public API of estimation: u from a sample of random pairs (drawn by blocking's sampleRandomPairs), λ, EM on
// pattern counts, supervised m and u, sessions.
export {
  type CombinedTraining,
  type CombineTrainingOptions,
  combineTrainingSessions,
  type TrainingSessionResult,
} from "./combine-training-sessions.js";
export {
  comparisonSpaceSize,
  type DeterministicPriorInput,
  estimatePriorFromDeterministicMatches,
} from "./comparison-space.js";
export {
  clampProbability,
  type EstimationWarning,
  floorAndNormalise,
  PROBABILITY_FLOOR,
} from "./estimation-warning.js";
export {
  type EmResult,
  type ExpectationMaximisationOptions,
  monotoneLikelihoodRatio,
  runExpectationMaximisation,
} from "./expectation-maximisation.js";
export {
  DEFAULT_PSEUDO_COUNT,
  estimateMFromLabels,
  estimateUFromLabels,
  estimateUFromSample,
  type LevelFrequencyOptions,
} from "./level-frequencies.js";
export { poolAdjacentViolators } from "./pool-adjacent-violators.js";
export {
  DEFAULT_STARTING_PRIOR,
  STARTING_TOP_LEVEL_M,
  type StartingParametersInput,
  startingM,
  startingParameters,
  startingU,
} from "./starting-parameters.js";
export type { ComparisonParameters, ModelParameters } from "./types.js";
