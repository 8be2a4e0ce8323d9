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
    super("SPEC_INVALID", summariseIssues(issues, "the linkage spec"), {
      jsonPath: issues[0]?.jsonPath,
      ...options,
    });
    this.issues = issues;
  }
}

/** One problem of a JSON document (spec, model file, options), at its JSON path. */
export interface SpecIssue {
  readonly jsonPath: string;
  readonly message: string;
}

/**
 * The message of an error listing issues: the issue itself when there is one, else their count in `subject`
 * ("the linkage spec") followed by one indented line per issue.
 */
export function summariseIssues(issues: readonly SpecIssue[], subject: string): string {
  const first = issues[0];
  if (issues.length === 1 && first) return `${first.jsonPath}: ${first.message}`;
  const lines = issues.map((issue) => `  - ${issue.jsonPath}: ${issue.message}`);
  return `${issues.length} problems in ${subject}:\n${lines.join("\n")}`;
}

/**
 * `base` followed by path segments, as a JSON path: `.key` for identifier keys, `["odd key"]` for others and
 * `[index]` for array positions (zod's issue paths are such segments).
 */
export function jsonPathOf(base: string, segments: readonly PropertyKey[]): string {
  let path = base;
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
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
