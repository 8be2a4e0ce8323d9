// Default human labels of levels ("Jaro–Winkler ≥ 0.92", "exact", "else"), used when a level has none.
import type { PhoneticAlgorithm } from "../french/phonetics.js";
import { columnsReadByLevel } from "./level-columns.js";
import type {
  CommuneLevel,
  ComparisonSpec,
  DateUnit,
  DeathDateLevel,
  EditDistanceComparator,
  FrenchNameLevelCategory,
  LevelKind,
  LevelSpec,
  PartialDateLevel,
  PmsiGeographyLevel,
  SimilarityComparator,
} from "./types.js";

const similarityNames: Record<SimilarityComparator, string> = {
  jaroWinkler: "Jaro–Winkler",
  jaro: "Jaro",
  jaccard: "Jaccard",
  dice: "Dice",
  tokenJaccard: "token Jaccard",
  tokenDice: "token Dice",
};

const editDistanceNames: Record<EditDistanceComparator, string> = {
  levenshtein: "Levenshtein",
  damerauLevenshtein: "Damerau–Levenshtein",
};

const phoneticNames: Record<PhoneticAlgorithm, string> = {
  soundexFr: "French Soundex",
  phonex: "Phonex",
  fonem: "FONEM",
  doubleMetaphone: "Double Metaphone",
};

const unitNames: Record<DateUnit, readonly [singular: string, plural: string]> = {
  days: ["day", "days"],
  months: ["month", "months"],
  years: ["year", "years"],
};

const frenchNameLabels: Record<Exclude<FrenchNameLevelCategory, "phonetic" | "jaroWinkler">, string> = {
  exact: "same name",
  compoundVariant: "compound-name variant",
  particleVariant: "same name without particles",
};

const partialDateLabels: Record<PartialDateLevel["category"], string> = {
  exactDay: "same date",
  exactYearMonth: "same year and month",
  dayMonthSwap: "day and month swapped",
  sameMonthYearPlusMinusOne: "same month, year ±1",
  sameYear: "same year",
  within12Months: "within 12 months",
};

const deathDateLabels: Record<DeathDateLevel["category"], string> = {
  exact: "same death date",
  withinOneDay: "death dates within 1 day",
  withinSevenDays: "death dates within 7 days",
  sameMonth: "same death month",
  deadOnOneSideOnly: "dead on one side only",
  bothAlive: "no death date on either side",
};

const communeLabels: Record<CommuneLevel["category"], string> = {
  sameCommune: "same commune",
  sameCity: "same city",
  compatiblePostalCode: "communes share a postal code",
  sameDepartement: "same département",
  sameRegion: "same région",
};

const pmsiLabels: Record<PmsiGeographyLevel["category"], string> = {
  compatiblePostalCode: "PMSI code serves the commune",
  sameDepartement: "PMSI code in the commune's département",
  sameRegion: "PMSI code in the commune's région",
};

type LabelOf = { [K in LevelKind]: (level: Extract<LevelSpec, { kind: K }>) => string };

const labelOf: LabelOf = {
  null: () => "null",
  exact: () => "exact",
  similarity: (level) => {
    const qgrams =
      level.comparator === "jaccard" || level.comparator === "dice" ? ` (${level.q ?? 2}-grams)` : "";
    return `${similarityNames[level.comparator]}${qgrams} ≥ ${level.threshold}`;
  },
  editDistance: (level) => `${editDistanceNames[level.comparator]} ≤ ${level.threshold}`,
  numericDifference: (level) => `${level.mode} difference ≤ ${level.threshold}`,
  dateDifference: (level) => {
    const [singular, plural] = unitNames[level.unit];
    return `within ${level.threshold} ${level.threshold === 1 ? singular : plural}`;
  },
  dayMonthSwap: () => "day and month swapped",
  phonetic: (level) => `same ${phoneticNames[level.algorithm]} code`,
  columnsReversed: (level) => `${level.columns[0]} and ${level.columns[1]} swapped`,
  distanceKm: (level) => `within ${level.threshold} km`,
  literal: (level) => `both "${level.value}"`,
  custom: (level) => level.name,
  frenchName: (level) => {
    if (level.category === "phonetic")
      return `same ${phoneticNames[level.phoneticAlgorithm ?? "phonex"]} code`;
    if (level.category === "jaroWinkler") return `names Jaro–Winkler ≥ ${level.threshold}`;
    return frenchNameLabels[level.category];
  },
  partialDate: (level) => partialDateLabels[level.category],
  deathDate: (level) => deathDateLabels[level.category],
  commune: (level) => communeLabels[level.category],
  pmsiGeography: (level) => pmsiLabels[level.category],
  hospitalStays: (level) =>
    `≥ ${level.minimumMatches} shared ${level.minimumMatches === 1 ? "stay" : "stays"} (±${level.toleranceDays} ${level.toleranceDays === 1 ? "day" : "days"})${level.establishment === "sameDepartement" ? " in the same département" : ""}`,
  missingValues: (level) => (level.sides === "both" ? "missing on both sides" : "missing on one side only"),
  else: () => "else",
};

/** The label of a level: its own `label`, else one derived from its kind, threshold and column(s). */
export function levelLabel(level: LevelSpec, comparison: Pick<ComparisonSpec, "columns">): string {
  if (level.label !== undefined) return level.label;
  const base = (labelOf[level.kind] as (level: LevelSpec) => string)(level);
  // Name the column only when the comparison has several, so single-column labels stay short.
  if (comparison.columns.length < 2) return base;
  const named = namedColumns(level, comparison.columns);
  return named === undefined ? base : `${base} (${named.join(", ")})`;
}

function namedColumns(level: LevelSpec, comparisonColumns: readonly string[]): readonly string[] | undefined {
  // These labels already name their columns, or read none.
  if (["null", "else", "custom", "columnsReversed", "distanceKm"].includes(level.kind)) return undefined;
  return columnsReadByLevel(level, comparisonColumns).map(({ column }) => column);
}
