// Comparisons for French health data (names, partial birth dates, death dates, communes, hospital stays):
// factories returning plain ComparisonSpecs built from the French level kinds, with documented default levels.
import type { PhoneticAlgorithm } from "../french/phonetics.js";
import type { ComparisonOptions } from "./comparison-library.js";
import type { CommuneLevel, ComparisonSpec, DeathDateLevel, LevelSpec, PartialDateLevel } from "./types.js";

export interface FrenchNameComparisonOptions extends ComparisonOptions {
  /** Phonetic code of the phonetic level (default "phonex"). */
  readonly phoneticAlgorithm?: PhoneticAlgorithm;
  /** Jaro–Winkler thresholds on the normalised names, after the phonetic level, most similar first (default [0.92]). */
  readonly thresholds?: readonly number[];
  /**
   * One column only: start with an exact level carrying the term-frequency adjustment, so that sharing a rare
   * name weighs more than sharing MARTIN or MARIE. Default false.
   */
  readonly termFrequency?: boolean;
}

export interface PartialBirthDateOptions extends ComparisonOptions {
  /** Categories to use as levels, most similar first (default: all six, in partialDateCategories order). */
  readonly categories?: readonly PartialDateLevel["category"][];
}

export interface DeathDateOptions extends ComparisonOptions {
  /** Categories to use as levels, most similar first (default: defaultDeathDateCategories). */
  readonly categories?: readonly DeathDateLevel["category"][];
}

export interface CommuneComparisonOptions extends ComparisonOptions {
  /** Categories to use as levels, most similar first (default: all five). */
  readonly categories?: readonly CommuneLevel["category"][];
  /**
   * The column may hold PMSI geographic codes (postal-code based, as in SNDS extracts): add a level "PMSI code
   * serves the commune" after the postal-code level, checked either way round. Default false.
   */
  readonly pmsiCodes?: boolean;
  /**
   * Start with an exact level on the code carrying the term-frequency adjustment, so that living in a large
   * city weighs less than living in a village. Default false.
   */
  readonly termFrequency?: boolean;
}

export interface HospitalStaysComparisonOptions extends ComparisonOptions {
  /** Largest difference of admission days and of discharge days of matching stays (default 1). */
  readonly toleranceDays?: number;
  /** Least numbers of matching stays, one level each, largest first (default [2, 1]). */
  readonly minimumMatches?: readonly number[];
  /**
   * How records without any stay count. "levels" (default): two levels, no stay on either side (more likely
   * for a match) and stays on one side only (less likely), since a person with stays in the SNDS whose
   * registry record has none is less likely the same person. "null": a null level, as if stays were missing at
   * random.
   */
  readonly missingStays?: "levels" | "null";
  /**
   * Add, right after the same-FINESS levels, a level for at least one stay matching in an establishment of the
   * same département, for sources that record a stay under different FINESS numbers (legal entity and
   * geographic establishment, or two sites of one hospital group). Default false.
   */
  readonly sameDepartementLevel?: boolean;
}

export const defaultFrenchNameThresholds: readonly number[] = [0.92];

export const defaultPartialBirthDateCategories: readonly PartialDateLevel["category"][] = [
  "exactDay",
  "exactYearMonth",
  "dayMonthSwap",
  "sameMonthYearPlusMinusOne",
  "sameYear",
  "within12Months",
];

/**
 * Both alive weighs more than dead on one side only, which weighs more than two different death dates (else):
 * the order of their Bayes factors when registries miss some deaths and the SNDS misses none.
 */
export const defaultDeathDateCategories: readonly DeathDateLevel["category"][] = [
  "exact",
  "withinOneDay",
  "withinSevenDays",
  "sameMonth",
  "bothAlive",
  "deadOnOneSideOnly",
];

export const defaultCommuneCategories: readonly CommuneLevel["category"][] = [
  "sameCommune",
  "sameCity",
  "compatiblePostalCode",
  "sameDepartement",
  "sameRegion",
];

export const defaultStayMinimumMatches: readonly number[] = [2, 1];

/**
 * French names, on one column or on several (birth name and usage name, where any name of one record may match
 * any of the other): null → (same spelling, term-frequency adjusted) → same name → compound variant → without
 * particles → same phonetic code → Jaro–Winkler ≥ each threshold → else. With several columns the pair is null only when every column is
 * missing on one side.
 */
export function frenchNameComparison(
  columns: string | readonly string[],
  options: FrenchNameComparisonOptions = {},
): ComparisonSpec {
  const list = typeof columns === "string" ? [columns] : [...columns];
  const several = list.length > 1;
  const where = several ? { columns: list } : {};
  const thresholds = options.thresholds ?? defaultFrenchNameThresholds;
  return {
    name: options.name ?? list.join("_"),
    columns: list,
    levels: [
      several ? { kind: "null", columnsMissing: "all" } : { kind: "null" },
      ...(options.termFrequency && !several
        ? [{ kind: "exact", termFrequency: true, label: "same spelling" } as const]
        : []),
      { kind: "frenchName", category: "exact", ...where },
      { kind: "frenchName", category: "compoundVariant", ...where },
      { kind: "frenchName", category: "particleVariant", ...where },
      {
        kind: "frenchName",
        category: "phonetic",
        phoneticAlgorithm: options.phoneticAlgorithm ?? "phonex",
        ...where,
      },
      ...thresholds.map(
        (threshold): LevelSpec => ({ kind: "frenchName", category: "jaroWinkler", threshold, ...where }),
      ),
      { kind: "else" },
    ],
  };
}

/**
 * A birth date that may be partial (the SNDS keeps the year and month): null → each category → else. Default
 * categories: exactDay, exactYearMonth, dayMonthSwap, sameMonthYearPlusMinusOne, sameYear, within12Months.
 */
export function partialBirthDateComparison(
  column: string,
  options: PartialBirthDateOptions = {},
): ComparisonSpec {
  const categories = options.categories ?? defaultPartialBirthDateCategories;
  return {
    name: options.name ?? column,
    columns: [column],
    levels: [
      { kind: "null" },
      ...categories.map((category): LevelSpec => ({ kind: "partialDate", category })),
      { kind: "else" },
    ],
  };
}

/**
 * A death date, where a missing value means no death date (no null level): same date → ±1 day → ±7 days →
 * same month → no death date on either side → dead on one side only → else (two different deaths).
 */
export function deathDateComparison(column: string, options: DeathDateOptions = {}): ComparisonSpec {
  const categories = options.categories ?? defaultDeathDateCategories;
  return {
    name: options.name ?? column,
    columns: [column],
    levels: [...categories.map((category): LevelSpec => ({ kind: "deathDate", category })), { kind: "else" }],
  };
}

/**
 * An INSEE commune code: null → (same code, term-frequency adjusted) → same commune → same city (arrondissements)
 * → communes sharing a postal code → (PMSI code serving the commune) → same département → same région → else.
 */
export function communeComparison(column: string, options: CommuneComparisonOptions = {}): ComparisonSpec {
  const categories = options.categories ?? defaultCommuneCategories;
  const levels: LevelSpec[] = categories.map((category) => ({ kind: "commune", category }));
  if (options.pmsiCodes) {
    // A postal code serving the commune says as much as two communes sharing one: right after that level, or
    // else before the first département or région level.
    const after = categories.indexOf("compatiblePostalCode");
    const before = categories.findIndex(
      (category) => category === "sameDepartement" || category === "sameRegion",
    );
    const position = after >= 0 ? after + 1 : before >= 0 ? before : categories.length;
    levels.splice(position, 0, { kind: "pmsiGeography", category: "compatiblePostalCode" });
  }
  if (options.termFrequency) levels.unshift({ kind: "exact", termFrequency: true, label: "same code" });
  levels.unshift({ kind: "null" });
  levels.push({ kind: "else" });
  return { name: options.name ?? column, columns: [column], levels };
}

/**
 * Hospital stays in a list-valued column: at least each number of stays matching one-to-one (same FINESS,
 * admission and discharge within ±toleranceDays) → with `sameDepartementLevel`, at least one stay matching in
 * the same département → no stay on either side → stays on one side only → else (stays on both sides, none
 * shared). With `missingStays: "null"`: null (no stay on a side) → the matching-stay levels → else.
 */
export function hospitalStaysComparison(
  column: string,
  options: HospitalStaysComparisonOptions = {},
): ComparisonSpec {
  const toleranceDays = options.toleranceDays ?? 1;
  const minimumMatches = options.minimumMatches ?? defaultStayMinimumMatches;
  const matching = minimumMatches.map(
    (matches): LevelSpec => ({ kind: "hospitalStays", minimumMatches: matches, toleranceDays }),
  );
  if (options.sameDepartementLevel) {
    matching.push({
      kind: "hospitalStays",
      minimumMatches: 1,
      toleranceDays,
      establishment: "sameDepartement",
    });
  }
  const levels: LevelSpec[] =
    options.missingStays === "null"
      ? [{ kind: "null" }, ...matching, { kind: "else" }]
      : [
          ...matching,
          { kind: "missingValues", sides: "both", label: "no stay on either side" },
          { kind: "missingValues", sides: "oneOnly", label: "stays on one side only" },
          { kind: "else", label: "stays on both sides, none shared" },
        ];
  return { name: options.name ?? column, columns: [column], levels };
}
