// What blocking rules are, as JSON-serialisable data.
import type { PhoneticAlgorithm } from "../french/phonetics.js";

/** A transformation of a column value into a blocking key, computed once per distinct value. */
export type KeyTransform =
  | { readonly kind: "prefix"; readonly length: number }
  | { readonly kind: "substring"; readonly start: number; readonly length?: number }
  /** Year of a canonical date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
  | { readonly kind: "year" }
  /** Year-month of a canonical date; null for year-only dates. */
  | { readonly kind: "yearMonth" }
  | { readonly kind: "phonetic"; readonly algorithm: PhoneticAlgorithm }
  /**
   * A list-valued stays column ("FINESS|admission|discharge;…") read as several keys per record, one per stay:
   * (FINESS, admission day). Two records share a key when they have stays in the same establishment admitted
   * at most `admissionWindowDays` days apart (default 0: the same day).
   */
  | { readonly kind: "hospitalStays"; readonly admissionWindowDays?: number };

export type KeyTransformKind = KeyTransform["kind"];

/** Transforms giving a record several keys: a rule using one pairs records whose key sets meet. */
export type SetKeyTransformKind = "hospitalStays";

/** Transforms giving a record at most one key. */
export type SingleKeyTransformKind = Exclude<KeyTransformKind, SetKeyTransformKind>;

/** One part of a blocking rule: a column, optionally transformed. Null keys never match. */
export interface BlockingKey {
  readonly column: string;
  readonly transform?: KeyTransform;
}

/**
 * Records are compared when all keys of the rule are equal (and non-null) on both sides; for a key with several
 * values per record (hospital stays), when the records share one of them.
 */
export interface BlockingRuleSpec {
  /** Name used in outputs; defaults to a description of the keys. */
  readonly name?: string;
  readonly keys: readonly BlockingKey[];
}
