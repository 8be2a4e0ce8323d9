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
  | { readonly kind: "phonetic"; readonly algorithm: PhoneticAlgorithm };

export type KeyTransformKind = KeyTransform["kind"];

/** One part of a blocking rule: a column, optionally transformed. Null keys never match. */
export interface BlockingKey {
  readonly column: string;
  readonly transform?: KeyTransform;
}

/** Records are compared when all keys of the rule are equal (and non-null) on both sides. */
export interface BlockingRuleSpec {
  /** Name used in outputs; defaults to a description of the keys. */
  readonly name?: string;
  readonly keys: readonly BlockingKey[];
}
