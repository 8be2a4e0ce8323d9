// Public API of the pipeline: the stages composed, and each stage for callers who need control.

export {
  type CountTrainingPatternsOptions,
  countTrainingPatterns,
  type PatternTally,
  TRAINING_CANDIDATES_STEP,
  type TrainingPatterns,
} from "./count-training-patterns.js";
export { estimateUFromRandomPairs, type RandomPairsU } from "./estimate-u.js";
export { type LinkDecisions, linkRecords, type OneToOneLinks, type RecordClusters } from "./link-records.js";
export {
  createOneToOneEvidence,
  decidesOnOneToOne,
  estimateOneToOneShare,
  type OneToOneScoring,
  oneToOneErrorRates,
  oneToOneKeepWeight,
  oneToOneReachWeight,
  scoreOneToOne,
} from "./one-to-one-scoring.js";
export {
  type Predictions,
  type PredictOptions,
  predictPairs,
  scoringModel,
  termFrequencyAdjustments,
} from "./predict-pairs.js";
export {
  type PairScoring,
  type PredictStreamingOptions,
  predictStreaming,
  SCORING_STEP,
  type StreamedPredictions,
} from "./predict-streaming.js";
export { type LinkageContext, type PrepareLinkageOptions, prepareLinkage } from "./prepare-linkage.js";
export type { ProgressEvent, ProgressListener } from "./progress.js";
export {
  DEFAULT_ERROR_RATE_THRESHOLDS,
  type LinkageResult,
  type RunLinkageOptions,
  runLinkage,
  type StageTimings,
} from "./run-linkage.js";
export { type ScoredPairBatch, ScoredPairList } from "./scored-pair-list.js";
export { type StreamedLinkageResult, type StreamLinkageOptions, streamLinkage } from "./stream-linkage.js";
export { type TrainFromLabelsOptions, trainModelFromLabels } from "./train-from-labels.js";
export {
  type PipelineTrainingSummary,
  type TrainedModel,
  type TrainModelOptions,
  trainModel,
} from "./train-model.js";
export type { LinkageWarning } from "./warnings.js";
