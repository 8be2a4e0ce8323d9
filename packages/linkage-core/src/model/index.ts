// Public API of model files: create, serialise, parse and check a trained model.
export { checkModelFitsData, columnsReadBySpec, type ModelFitOptions } from "./check-model-fits-data.js";
export {
  type CreateModelFileInput,
  createModelFile,
  DEFAULT_CREATED_BY,
  MODEL_FORMAT_VERSION,
  MODEL_KIND,
  type ModelFile,
  type ModelTrainingSummary,
  type PriorSource,
  type StoredTermFrequencyTable,
  SUPPORTED_MODEL_FORMAT_VERSIONS,
  type TermFrequencyTableInput,
  type TrainingCounts,
  type TrainingSessionSummary,
  type TrainingSummary,
  type TrainingWarningSummary,
} from "./model-file.js";
export { MODEL_INVALID, ModelFileError } from "./model-file-error.js";
export { parseModelFile } from "./parse-model-file.js";
export { serializeModel } from "./serialize-model.js";
