// Public API of linkage specs: parsing with defaults and templates, the JSON Schema, and column checks.
export { checkSpecAgainstColumns } from "./check-spec-against-columns.js";
export { linkageSpecJsonSchema } from "./linkage-spec-json-schema.js";
export { parseSpec } from "./parse-spec.js";
export {
  blockingRuleSchema,
  linkageSpecSchema,
  specDefaults,
  thresholdSchema,
  trainingSchema,
} from "./spec-schema.js";
export type {
  LinkageSpec,
  LinkType,
  OneToOneSpec,
  ThresholdSpec,
  TrainingSessionSpec,
  TrainingSpec,
} from "./types.js";
