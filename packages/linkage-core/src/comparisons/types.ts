// What to compare, as plain JSON-serialisable data. Compiled later into evaluators over typed arrays.

import type { DeathDateCategory } from "../french/death-dates.js";
import type { FrenchNameCategory } from "../french/french-names.js";
import type { CommuneCategory } from "../french/geography.js";
import type { PartialDateCategory } from "../french/partial-dates.js";
import type { PhoneticAlgorithm } from "../french/phonetics.js";
import type { PmsiAgreementCategory } from "../french/pmsi-geography.js";
import type { StayEstablishmentMatch } from "../french/stay-matching.js";

/** Similarity comparators: a level holds when similarity ≥ threshold (values in [0, 1]). */
export type SimilarityComparator = "jaroWinkler" | "jaro" | "jaccard" | "dice" | "tokenJaccard" | "tokenDice";

/** Edit-distance comparators: a level holds when distance ≤ threshold (edits). */
export type EditDistanceComparator = "levenshtein" | "damerauLevenshtein";

export type DateUnit = "days" | "months" | "years";

interface LevelBase {
  /** Human label for outputs and charts; a default is derived from the level when absent. */
  readonly label?: string;
}

/** Any of the comparison's input columns is null on either side. Always the first level when present. */
export interface NullLevel extends LevelBase {
  readonly kind: "null";
  /**
   * "any" (default): null when any input column is missing on either side. "all": only when every input
   * column is missing on at least one side (a forename+surname comparison still has evidence when only the
   * forename is missing).
   */
  readonly columnsMissing?: "any" | "all";
}
/** Values equal (after standardisation). `termFrequency` turns on term-frequency adjustment for this level. */
export interface ExactLevel extends LevelBase {
  readonly kind: "exact";
  readonly column?: string;
  /** Several columns that must all agree (for example forename and surname); exclusive with `column`. */
  readonly columns?: readonly string[];
  readonly termFrequency?: boolean;
  /** Weight of the term-frequency adjustment in [0, 1] (1 = Splink's full adjustment). */
  readonly termFrequencyWeight?: number;
}
export interface SimilarityLevel extends LevelBase {
  readonly kind: "similarity";
  readonly comparator: SimilarityComparator;
  readonly threshold: number;
  /** q-gram length for jaccard/dice (default 2). */
  readonly q?: number;
  readonly column?: string;
  /** Several columns that must all reach the threshold; exclusive with `column`. */
  readonly columns?: readonly string[];
}
export interface EditDistanceLevel extends LevelBase {
  readonly kind: "editDistance";
  readonly comparator: EditDistanceComparator;
  readonly threshold: number;
  readonly column?: string;
  /** Several columns that must all be within the threshold; exclusive with `column`. */
  readonly columns?: readonly string[];
}
export interface NumericDifferenceLevel extends LevelBase {
  readonly kind: "numericDifference";
  readonly mode: "absolute" | "relative";
  readonly threshold: number;
  readonly column?: string;
}
/** Dates within `threshold` units of each other. Partial dates (year-month) compare at their precision. */
export interface DateDifferenceLevel extends LevelBase {
  readonly kind: "dateDifference";
  readonly unit: DateUnit;
  readonly threshold: number;
  readonly column?: string;
}
/** Full dates equal once day and month are swapped on one side. */
export interface DayMonthSwapLevel extends LevelBase {
  readonly kind: "dayMonthSwap";
  readonly column?: string;
}
/** Phonetic codes equal under the given algorithm (French Soundex, Phonex, FONEM, Double Metaphone). */
export interface PhoneticLevel extends LevelBase {
  readonly kind: "phonetic";
  readonly algorithm: PhoneticAlgorithm;
  readonly column?: string;
  /** Several columns whose codes must all be equal; exclusive with `column`. */
  readonly columns?: readonly string[];
}
/** Two columns swapped between the records (first name ↔ surname). */
export interface ColumnsReversedLevel extends LevelBase {
  readonly kind: "columnsReversed";
  readonly columns: readonly [string, string];
}
/** Great-circle distance between two (latitude, longitude) points ≤ threshold km. */
export interface DistanceKmLevel extends LevelBase {
  readonly kind: "distanceKm";
  readonly latitudeColumn: string;
  readonly longitudeColumn: string;
  readonly threshold: number;
}
/** Both records hold this literal value (for example a flag or a category worth its own level). */
export interface LiteralLevel extends LevelBase {
  readonly kind: "literal";
  readonly value: string;
  readonly column?: string;
}
/** A predicate registered by name through the library API (not available from JSON alone). */
export interface CustomLevel extends LevelBase {
  readonly kind: "custom";
  readonly name: string;
}
/**
 * A French-name category ("exact", "compoundVariant", "particleVariant", "phonetic") of `frenchNamesAgree`, or
 * "jaroWinkler": Jaro–Winkler of the normalised names ≥ `threshold` (typing errors).
 */
export type FrenchNameLevelCategory = Exclude<FrenchNameCategory, "none"> | "jaroWinkler";

/**
 * French names agree at this category. With several `columns` (birth name and usage name), the level holds
 * when any name of one record agrees with any name of the other (a married woman's usage name against her
 * birth name elsewhere).
 */
export interface FrenchNameLevel extends LevelBase {
  readonly kind: "frenchName";
  readonly category: FrenchNameLevelCategory;
  /** Phonetic code of the "phonetic" category (default "phonex"). */
  readonly phoneticAlgorithm?: PhoneticAlgorithm;
  /** Jaro–Winkler threshold of the "jaroWinkler" category, in (0, 1]. */
  readonly threshold?: number;
  readonly column?: string;
  readonly columns?: readonly string[];
}

/** Birth dates that may be partial (SNDS year-month against a full date) agree at this category. */
export interface PartialDateLevel extends LevelBase {
  readonly kind: "partialDate";
  readonly category: Exclude<PartialDateCategory, "else">;
  readonly column?: string;
}

/**
 * Death dates agree at this category. A missing value, an empty one and the SNDS placeholder (year 1600)
 * all mean "no death date": "bothAlive" and "deadOnOneSideOnly" are levels, so a death comparison has no
 * null level.
 */
export interface DeathDateLevel extends LevelBase {
  readonly kind: "deathDate";
  readonly category: Exclude<DeathDateCategory, "else">;
  readonly column?: string;
}

/** INSEE commune codes agree at this category, former codes of merged communes carried to today's commune. */
export interface CommuneLevel extends LevelBase {
  readonly kind: "commune";
  readonly category: Exclude<CommuneCategory, "else">;
  readonly column?: string;
}

/**
 * A PMSI geographic code (postal-code based) of one record agrees with the commune code of the other at this
 * category, either way round. The two columns may be one column holding either kind of code.
 */
export interface PmsiGeographyLevel extends LevelBase {
  readonly kind: "pmsiGeography";
  readonly category: PmsiAgreementCategory;
  /** Column of PMSI codes; defaults to the comparison's first column. */
  readonly pmsiColumn?: string;
  /** Column of commune codes; defaults to the comparison's first column. */
  readonly communeColumn?: string;
}

/**
 * At least `minimumMatches` hospital stays pair up one-to-one between the records: same establishment (FINESS),
 * or with `establishment: "sameDepartement"` establishments of the same département, and admission and
 * discharge days each within ±`toleranceDays`. The column is list-valued: "FINESS|admission|discharge;…" (see
 * `attachEventColumn`).
 */
export interface HospitalStaysLevel extends LevelBase {
  readonly kind: "hospitalStays";
  readonly minimumMatches: number;
  readonly toleranceDays: number;
  /** Which establishments matching stays may have (default "same": the same FINESS). */
  readonly establishment?: StayEstablishmentMatch;
  readonly column?: string;
}

/**
 * The value is missing on both sides, or on one side only: for columns whose absence says something (a record
 * without any hospital stay), where a null level would throw that evidence away. Not after a null level.
 */
export interface MissingValuesLevel extends LevelBase {
  readonly kind: "missingValues";
  readonly sides: "both" | "oneOnly";
  readonly column?: string;
}

/** Everything else: the least similar level. Always last. */
export interface ElseLevel extends LevelBase {
  readonly kind: "else";
}

export type LevelSpec =
  | NullLevel
  | ExactLevel
  | SimilarityLevel
  | EditDistanceLevel
  | NumericDifferenceLevel
  | DateDifferenceLevel
  | DayMonthSwapLevel
  | PhoneticLevel
  | ColumnsReversedLevel
  | DistanceKmLevel
  | LiteralLevel
  | CustomLevel
  | FrenchNameLevel
  | PartialDateLevel
  | DeathDateLevel
  | CommuneLevel
  | PmsiGeographyLevel
  | HospitalStaysLevel
  | MissingValuesLevel
  | ElseLevel;

export type LevelKind = LevelSpec["kind"];

/**
 * A comparison: an ordered list of levels, most similar first (after an optional null level), ending with
 * `else`. The first level whose condition holds is the pair's level. Level indices are assigned by
 * position: null = -1, else = 0, and higher = more similar.
 */
export interface ComparisonSpec {
  readonly name: string;
  /** Input columns; levels without an explicit `column` use the first. */
  readonly columns: readonly string[];
  readonly levels: readonly LevelSpec[];
}

/** Values of a comparison's input columns for one record, in `columns` order (null = missing). */
export type ComparisonValues = readonly (string | null)[];

/** A custom level predicate (library API only). Must be symmetric and pure. */
export type CustomLevelPredicate = (left: ComparisonValues, right: ComparisonValues) => boolean;
