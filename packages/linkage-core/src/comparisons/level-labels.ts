// Default human labels of levels ("Jaro–Winkler ≥ 0.92", "exact", "else"), used when a level has none.
import type { PhoneticAlgorithm } from "../french/phonetics.js";
import { columnsReadByLevel } from "./level-columns.js";
import type {
  ComparisonSpec,
  DateUnit,
  EditDistanceComparator,
  LevelKind,
  LevelSpec,
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
