// The error of an invalid model file: every problem found, each with its JSON path.
import { type LinkageErrorOptions, ModelError, type SpecIssue, summariseIssues } from "../errors.js";

/** Code of a model file that is not valid JSON or does not have the model file's shape. */
export const MODEL_INVALID = "MODEL_INVALID";

/** A ModelError (code MODEL_INVALID) that lists every issue found, like SpecError does for specs. */
export class ModelFileError extends ModelError {
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[], options: LinkageErrorOptions = {}) {
    super(MODEL_INVALID, summariseIssues(issues, "the model file"), {
      jsonPath: issues[0]?.jsonPath,
      ...options,
    });
    this.issues = issues;
  }
}
