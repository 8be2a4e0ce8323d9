// Typed errors with stable codes: every failure a user can cause says what was found, where, and what to do.

/** Where a problem was found: a file position or a JSON path in a spec or model. */
export interface ErrorLocation {
  readonly file?: string;
  /** 1-based line number in `file`. */
  readonly line?: number;
  /** 1-based column (field) number in `file`. */
  readonly column?: number;
  /** JSON path such as `$.comparisons[2].levels[0].threshold`. */
  readonly jsonPath?: string;
}

export interface LinkageErrorOptions extends ErrorLocation {
  /** What the user can do about it. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/** Base class of every error the engine throws on purpose. `code` is stable across versions. */
export class LinkageError extends Error {
  readonly code: string;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: LinkageErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    const { hint, cause: _cause, ...location } = options;
    this.location = location;
    this.hint = hint;
  }

  /** One line for users: code, where, what, and what to do. */
  describe(): string {
    const where = formatLocation(this.location);
    const hint = this.hint ? ` ${this.hint}` : "";
    return `${this.code}: ${where ? `${where}: ` : ""}${this.message}${hint}`;
  }
}

/** Bad input data: unreadable files, missing columns, ragged rows, duplicate ids. */
export class DataError extends LinkageError {}

/** A problem found in a linkage spec, with every issue listed. */
export class SpecError extends LinkageError {
  readonly issues: readonly SpecIssue[];
  constructor(issues: readonly SpecIssue[], options: LinkageErrorOptions = {}) {
    const first = issues[0];
    const summary =
      issues.length === 1 && first
        ? `${first.jsonPath}: ${first.message}`
        : `${issues.length} problems in the linkage spec:\n${issues.map((issue) => `  - ${issue.jsonPath}: ${issue.message}`).join("\n")}`;
    super("SPEC_INVALID", summary, { jsonPath: first?.jsonPath, ...options });
    this.issues = issues;
  }
}

export interface SpecIssue {
  readonly jsonPath: string;
  readonly message: string;
}

/** A model file that is malformed, of an unknown version, or does not fit the data. */
export class ModelError extends LinkageError {}

/** Estimation could not proceed (for example no candidate pairs to train on). */
export class EstimationError extends LinkageError {}

export function formatLocation(location: ErrorLocation): string {
  const parts: string[] = [];
  if (location.file) {
    let place = location.file;
    if (location.line !== undefined) place += `:${location.line}`;
    if (location.column !== undefined) place += `:${location.column}`;
    parts.push(place);
  }
  if (location.jsonPath) parts.push(location.jsonPath);
  return parts.join(" ");
}
