// Public API of evaluation: pairwise and cluster metrics against known entities, curves, label-free error rates.
export { ErrorRateAccumulator } from "./error-rate-accumulator.js";
export {
  type ErrorRateOptions,
  type EstimatedErrorRate,
  estimateErrorRates,
} from "./estimate-error-rates.js";
export { type ClusterEvaluation, evaluateClusters } from "./evaluate-clusters.js";
export {
  type ConfusionAtThresholdInput,
  confusionAtThreshold,
  type EvaluateLinksInput,
  evaluateLinks,
  type LinkEvaluation,
} from "./evaluate-links.js";
export {
  type PrecisionRecallCurve,
  type PrecisionRecallInput,
  type PrecisionRecallPoint,
  precisionRecallCurve,
} from "./precision-recall-curve.js";
export { countTruePairs, inComparisonSpace } from "./true-pairs.js";
export { type TruthFromPairs, truthFromPairs } from "./truth-from-pairs.js";
