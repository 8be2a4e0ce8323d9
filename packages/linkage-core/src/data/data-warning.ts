// A problem found in the data that did not stop the run: returned with results, never printed.

/** Counted so that users see how much data a problem touched, without any record value in the message. */
export interface DataWarning {
  /** Stable UPPER_SNAKE code, for example `STANDARDISE_INVALID_DATE`. */
  readonly code: string;
  /** Column concerned, when the warning is about one column. */
  readonly column?: string;
  /** Number of rows (cells) affected. */
  readonly count: number;
  /** Number of distinct values affected, when the work was done per distinct value. */
  readonly distinctValues?: number;
  readonly message: string;
}
