// What the Cnam deterministic baseline takes and returns, as plain readonly data.
import type { BlockingKey } from "../blocking/types.js";

/**
 * A criterion read from columns: two records agree on it when every key is equal and non-null on both
 * sides (keys as in blocking rules, so `yearMonth` turns a full birth date into the SNDS birth year-month).
 */
export interface ColumnCriterion {
  /** Unique among the criteria; used in the step descriptions. */
  readonly name: string;
  readonly keys: readonly BlockingKey[];
  /** Never dropped when relaxing (sex, for example). Default false. */
  readonly required?: boolean;
}

/**
 * Key lists of every row in columnar form, without strings: the keys of row r are codes[offsets[r]] …
 * codes[offsets[r + 1] - 1]; equal integers are equal keys. `hospitalStayCriterion` builds this form.
 */
export interface EncodedKeySets {
  /** rowCount + 1 non-decreasing offsets into `codes`, from 0. */
  readonly offsets: Int32Array;
  readonly codes: Int32Array;
}

/**
 * A set-valued criterion, such as the hospital stays of a record: two records agree on it when their key
 * sets share at least one key. An empty set, like a null, never agrees.
 */
export interface KeySetCriterion {
  readonly name: string;
  /**
   * One key list per row of the combined dataset, in row order (source 0 first): plain strings (empty strings
   * ignored), or integer codes in columnar form, which spares interning one string per key.
   */
  readonly keySets: readonly (readonly string[])[] | EncodedKeySets;
  readonly required?: boolean;
}

export type DeterministicCriterion = ColumnCriterion | KeySetCriterion;

export interface CnamBaselineOptions {
  /** Criteria listed from the most to the least trusted: relaxation drops the least trusted first. */
  readonly criteria: readonly DeterministicCriterion[];
  /** Most criteria dropped at once when relaxing: 0 for the exact join only. Default 1 (0 with one criterion). */
  readonly maxDroppedCriteria?: number;
  /** Called after each step with the number of steps done and the number of steps. */
  readonly onProgress?: (step: number, steps: number) => void;
}

/** One join of the procedure: the criteria it required, and what it found among still-unlinked records. */
export interface DeterministicStep {
  /** Names of the criteria joined on, in the order given. */
  readonly criteria: readonly string[];
  /** Names of the criteria left out, in the order given (empty for the first, exact step). */
  readonly dropped: readonly string[];
  /** Pairs linked at this step. */
  readonly links: number;
  /**
   * Still-unlinked records, of either source, that agreed with at least one record of the other source at
   * this step but were left unlinked because the agreement was not one-to-one.
   */
  readonly ambiguousRecords: number;
}

/** Links as parallel arrays: pair p links row left[p] (source 0) to row right[p] (source 1), found at step[p]. */
export interface DeterministicLinks {
  /** Rows of the combined dataset from source 0, by step then ascending row. */
  readonly left: Int32Array;
  /** Rows of the combined dataset from source 1. */
  readonly right: Int32Array;
  /** Index into `steps` of the step that made each link. */
  readonly step: Uint16Array;
  readonly steps: readonly DeterministicStep[];
}
