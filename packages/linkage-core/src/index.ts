// Public surface of linkage-core. If it is not exported here, it is not public.
export {
  DataError,
  type ErrorLocation,
  EstimationError,
  formatLocation,
  LinkageError,
  type LinkageErrorOptions,
  ModelError,
  SpecError,
  type SpecIssue,
} from "./errors.js";
