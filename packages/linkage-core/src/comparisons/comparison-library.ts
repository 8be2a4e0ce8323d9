// The comparison vocabulary: factories returning plain ComparisonSpecs (null → most similar … → else).
import type { PhoneticAlgorithm } from "../french/phonetics.js";
import type {
  ComparisonSpec,
  DateUnit,
  EditDistanceComparator,
  ExactLevel,
  LevelSpec,
  SimilarityComparator,
} from "./types.js";

/** Options shared by every factory. */
export interface ComparisonOptions {
  /** Name of the comparison; defaults to its column(s). */
  readonly name?: string;
}

/** Options of factories whose exact level may carry a term-frequency adjustment. */
export interface TermFrequencyOptions extends ComparisonOptions {
  /** Weigh an exact agreement on a rare value more than one on a common value. */
  readonly termFrequency?: boolean;
  /** Strength of that adjustment in [0, 1] (default 1). */
  readonly termFrequencyWeight?: number;
}

export interface QgramOptions extends TermFrequencyOptions {
  /** q-gram length (default 2). */
  readonly q?: number;
}

export interface DateDifferenceThreshold {
  readonly unit: DateUnit;
  readonly threshold: number;
}

export interface DateDifferenceOptions extends TermFrequencyOptions {
  /** Add a level for full dates equal once day and month are swapped (a common keying error). */
  readonly dayMonthSwap?: boolean;
}

export interface NameComparisonOptions extends TermFrequencyOptions {
  /** Add a level for equal phonetic codes between exact and Jaro–Winkler. */
  readonly phonetic?: PhoneticAlgorithm;
  /** Jaro–Winkler thresholds, most similar first (default [0.92, 0.88]). */
  readonly thresholds?: readonly number[];
}

export interface ForenameSurnameOptions extends ComparisonOptions {
  /** Jaro–Winkler thresholds applied to both columns at once, most similar first (default [0.92, 0.88]). */
  readonly thresholds?: readonly number[];
}

export const defaultJaroWinklerThresholds: readonly number[] = [0.92, 0.88];
export const defaultJaroThresholds: readonly number[] = [0.9, 0.7];
export const defaultEditDistanceThresholds: readonly number[] = [1, 2];
export const defaultQgramThresholds: readonly number[] = [0.9, 0.7];
export const defaultDistanceKmThresholds: readonly number[] = [1, 10, 50];
export const defaultDateDifferenceThresholds: readonly DateDifferenceThreshold[] = [
  { unit: "days", threshold: 1 },
  { unit: "months", threshold: 1 },
  { unit: "years", threshold: 1 },
];

/** null → exact → else. */
export function exactMatch(column: string, options: TermFrequencyOptions = {}): ComparisonSpec {
  return singleColumn(column, options, []);
}

/** null → exact → Jaro–Winkler ≥ each threshold → else. */
export function jaroWinklerAtThresholds(
  column: string,
  thresholds: readonly number[] = defaultJaroWinklerThresholds,
  options: TermFrequencyOptions = {},
): ComparisonSpec {
  return singleColumn(column, options, similarityLevels("jaroWinkler", thresholds));
}

/** null → exact → Jaro ≥ each threshold → else. */
export function jaroAtThresholds(
  column: string,
  thresholds: readonly number[] = defaultJaroThresholds,
  options: TermFrequencyOptions = {},
): ComparisonSpec {
  return singleColumn(column, options, similarityLevels("jaro", thresholds));
}

/** null → exact → Jaccard of q-grams ≥ each threshold → else. */
export function jaccardAtThresholds(
  column: string,
  thresholds: readonly number[] = defaultQgramThresholds,
  options: QgramOptions = {},
): ComparisonSpec {
  return singleColumn(column, options, similarityLevels("jaccard", thresholds, options.q));
}

/** null → exact → Dice of q-grams ≥ each threshold → else. */
export function diceAtThresholds(
  column: string,
  thresholds: readonly number[] = defaultQgramThresholds,
  options: QgramOptions = {},
): ComparisonSpec {
  return singleColumn(column, options, similarityLevels("dice", thresholds, options.q));
}

/** null → exact → Levenshtein ≤ each threshold → else. */
export function levenshteinAtThresholds(
  column: string,
  thresholds: readonly number[] = defaultEditDistanceThresholds,
  options: TermFrequencyOptions = {},
): ComparisonSpec {
  return singleColumn(column, options, editDistanceLevels("levenshtein", thresholds));
}

/** null → exact → Damerau–Levenshtein ≤ each threshold → else. */
export function damerauLevenshteinAtThresholds(
  column: string,
  thresholds: readonly number[] = defaultEditDistanceThresholds,
  options: TermFrequencyOptions = {},
): ComparisonSpec {
  return singleColumn(column, options, editDistanceLevels("damerauLevenshtein", thresholds));
}

/** null → exact → |a − b| ≤ each threshold → else (values parsed as numbers). */
export function absoluteDifferenceAtThresholds(
  column: string,
  thresholds: readonly number[],
  options: ComparisonOptions = {},
): ComparisonSpec {
  return singleColumn(
    column,
    options,
    thresholds.map((threshold) => ({ kind: "numericDifference", mode: "absolute", threshold })),
  );
}

/** null → exact → |a − b| / max(|a|, |b|) ≤ each threshold → else. */
export function relativeDifferenceAtThresholds(
  column: string,
  thresholds: readonly number[],
  options: ComparisonOptions = {},
): ComparisonSpec {
  return singleColumn(
    column,
    options,
    thresholds.map((threshold) => ({ kind: "numericDifference", mode: "relative", threshold })),
  );
}

/**
 * null → exact → (day/month swapped) → within each threshold → else, on canonical dates (`YYYY-MM-DD`,
 * `YYYY-MM`, `YYYY`). Thresholds go from the tightest to the loosest, for example 1 day, 1 month, 1 year.
 */
export function dateDifferenceAtThresholds(
  column: string,
  thresholds: readonly DateDifferenceThreshold[] = defaultDateDifferenceThresholds,
  options: DateDifferenceOptions = {},
): ComparisonSpec {
  const swap: LevelSpec[] = options.dayMonthSwap ? [{ kind: "dayMonthSwap" }] : [];
  const within: LevelSpec[] = thresholds.map(({ unit, threshold }) => ({
    kind: "dateDifference",
    unit,
    threshold,
  }));
  return singleColumn(column, options, [...swap, ...within]);
}

/** null → great-circle distance ≤ each threshold (km) → else. Null when any coordinate is missing. */
export function distanceKmAtThresholds(
  latitudeColumn: string,
  longitudeColumn: string,
  thresholds: readonly number[] = defaultDistanceKmThresholds,
  options: ComparisonOptions = {},
): ComparisonSpec {
  return {
    name: options.name ?? `${latitudeColumn}_${longitudeColumn}`,
    columns: [latitudeColumn, longitudeColumn],
    levels: [
      { kind: "null" },
      ...thresholds.map(
        (threshold): LevelSpec => ({ kind: "distanceKm", latitudeColumn, longitudeColumn, threshold }),
      ),
      { kind: "else" },
    ],
  };
}

/** A name: null → exact → (same phonetic code) → Jaro–Winkler ≥ each threshold → else. */
export function nameComparison(column: string, options: NameComparisonOptions = {}): ComparisonSpec {
  const phonetic: LevelSpec[] = options.phonetic ? [{ kind: "phonetic", algorithm: options.phonetic }] : [];
  const thresholds = options.thresholds ?? defaultJaroWinklerThresholds;
  return singleColumn(column, options, [...phonetic, ...similarityLevels("jaroWinkler", thresholds)]);
}

/**
 * Forename and surname together, so that swapped names and a missing forename are handled:
 * null (both missing) → both exact → swapped → Jaro–Winkler ≥ t on both, per threshold → surname exact →
 * forename exact → else. The pair is null only when each column is missing on at least one side.
 */
export function forenameSurnameComparison(
  forenameColumn: string,
  surnameColumn: string,
  options: ForenameSurnameOptions = {},
): ComparisonSpec {
  const both = [forenameColumn, surnameColumn];
  const thresholds = options.thresholds ?? defaultJaroWinklerThresholds;
  return {
    name: options.name ?? `${forenameColumn}_${surnameColumn}`,
    columns: both,
    levels: [
      { kind: "null", columnsMissing: "all" },
      { kind: "exact", columns: both, label: "exact forename and surname" },
      {
        kind: "columnsReversed",
        columns: [forenameColumn, surnameColumn],
        label: "forename and surname swapped",
      },
      ...thresholds.map(
        (threshold): LevelSpec => ({
          kind: "similarity",
          comparator: "jaroWinkler",
          threshold,
          columns: both,
          label: `Jaro–Winkler ≥ ${threshold} on forename and surname`,
        }),
      ),
      { kind: "exact", column: surnameColumn, label: "exact surname only" },
      { kind: "exact", column: forenameColumn, label: "exact forename only" },
      { kind: "else" },
    ],
  };
}

function singleColumn(
  column: string,
  options: TermFrequencyOptions,
  middle: readonly LevelSpec[],
): ComparisonSpec {
  return {
    name: options.name ?? column,
    columns: [column],
    levels: [{ kind: "null" }, exactLevel(options), ...middle, { kind: "else" }],
  };
}

function exactLevel(options: TermFrequencyOptions): ExactLevel {
  if (!options.termFrequency) return { kind: "exact" };
  return options.termFrequencyWeight === undefined
    ? { kind: "exact", termFrequency: true }
    : { kind: "exact", termFrequency: true, termFrequencyWeight: options.termFrequencyWeight };
}

function similarityLevels(
  comparator: SimilarityComparator,
  thresholds: readonly number[],
  q?: number,
): LevelSpec[] {
  return thresholds.map((threshold) =>
    q === undefined
      ? { kind: "similarity", comparator, threshold }
      : { kind: "similarity", comparator, threshold, q },
  );
}

function editDistanceLevels(comparator: EditDistanceComparator, thresholds: readonly number[]): LevelSpec[] {
  return thresholds.map((threshold) => ({ kind: "editDistance", comparator, threshold }));
}
