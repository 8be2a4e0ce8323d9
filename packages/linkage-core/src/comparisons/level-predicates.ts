// One predicate per level kind, over two comparison keys: the exhaustive dispatch table of level semantics.
// A level whose input value is missing on either side does not hold (only the null level looks at nulls).
import {
  type CalendarDate,
  dateDifferenceDays,
  dateDifferenceMonths,
  dateDifferenceYears,
  greatCircleDistanceKm,
  isDayMonthTransposition,
  relativeDifference,
} from "../comparators/index.js";
import { type EncodedColumn, NULL_CODE } from "../data/dataset.js";
import type { ColumnValues } from "./column-values.js";
import type { ComparisonValues, CustomLevelPredicate, DateUnit, LevelKind, LevelSpec } from "./types.js";

/** Whether a level holds for the pair of keys (each in [0, keyCount)). */
export type KeyPredicate = (keyA: number, keyB: number) => boolean;

/** Whether a level holds for two non-null codes of one column. */
type CodePredicate = (codeA: number, codeB: number) => boolean;

/** What compiling a level needs to know about its comparison. */
export interface LevelContext {
  /** The comparison's input columns, in order. */
  readonly columns: readonly EncodedColumn[];
  /** keyColumnCodes[c][key]: code of the key's value in column c, NULL_CODE when null. */
  readonly keyColumnCodes: readonly Int32Array[];
  /** Index of a column among the comparison's columns. */
  readonly columnIndex: (column: string) => number;
  readonly values: ColumnValues;
  /** The registered predicate of a custom level (validated before compiling). */
  readonly customLevel: (name: string) => CustomLevelPredicate;
  /** Decoded input values of a key, in column order (for custom predicates; cached per key). */
  readonly valuesOfKey: (key: number) => ComparisonValues;
}

// Similarities are floating point: a value meant to equal the threshold may land a hair below it.
const SIMILARITY_TOLERANCE = 1e-12;

/** Months and years count complete calendar periods; days need both dates at day precision. */
const dateDifferences: Record<DateUnit, (a: CalendarDate, b: CalendarDate) => number> = {
  days: dateDifferenceDays,
  months: dateDifferenceMonths,
  years: dateDifferenceYears,
};

type PredicateCompilers = {
  readonly [K in LevelKind]: (level: Extract<LevelSpec, { kind: K }>, context: LevelContext) => KeyPredicate;
};

const predicateCompilers: PredicateCompilers = {
  null: (level, context) => {
    const codes = context.keyColumnCodes;
    if (level.columnsMissing === "all") {
      return (keyA, keyB) => {
        for (const column of codes)
          if (column[keyA] !== NULL_CODE && column[keyB] !== NULL_CODE) return false;
        return true;
      };
    }
    return (keyA, keyB) => {
      for (const column of codes) if (column[keyA] === NULL_CODE || column[keyB] === NULL_CODE) return true;
      return false;
    };
  },
  exact: (level, context) => onEachColumn(level, context, () => (codeA, codeB) => codeA === codeB),
  similarity: (level, context) =>
    onEachColumn(level, context, (column) => {
      const scorer = context.values.similarity(column, level.comparator, level.q ?? 2);
      const threshold = level.threshold - SIMILARITY_TOLERANCE;
      scorer.admit(threshold);
      return (codeA, codeB) => codeA === codeB || scorer.score(codeA, codeB) >= threshold;
    }),
  editDistance: (level, context) =>
    onEachColumn(level, context, (column) => {
      const scorer = context.values.editDistance(column, level.comparator);
      scorer.admit(level.threshold);
      return (codeA, codeB) => codeA === codeB || scorer.score(codeA, codeB) <= level.threshold;
    }),
  phonetic: (level, context) =>
    onEachColumn(level, context, (column) => {
      const ids = context.values.phoneticIds(column, level.algorithm);
      return (codeA, codeB) => ids[codeA] >= 0 && ids[codeA] === ids[codeB];
    }),
  numericDifference: (level, context) =>
    onEachColumn(level, context, (column) => {
      const numbers = context.values.numbers(column);
      const threshold = level.threshold + SIMILARITY_TOLERANCE;
      if (level.mode === "absolute")
        return (codeA, codeB) => Math.abs(numbers[codeA] - numbers[codeB]) <= threshold;
      return (codeA, codeB) => relativeDifference(numbers[codeA], numbers[codeB]) <= threshold;
    }),
  dateDifference: (level, context) =>
    onEachColumn(level, context, (column) => {
      if (level.unit === "days") {
        // Same as dateDifferenceDays, on day numbers computed once per value; NaN (no day) compares false.
        const days = context.values.dayNumbers(column);
        return (codeA, codeB) => Math.abs(days[codeA] - days[codeB]) <= level.threshold;
      }
      const dates = context.values.dates(column);
      const difference = dateDifferences[level.unit];
      return (codeA, codeB) => {
        const dateA = dates[codeA];
        const dateB = dates[codeB];
        // NaN (a date without a month, for months) compares false, so the level does not hold.
        return dateA !== null && dateB !== null && difference(dateA, dateB) <= level.threshold;
      };
    }),
  dayMonthSwap: (level, context) =>
    onEachColumn(level, context, (column) => {
      const dates = context.values.dates(column);
      return (codeA, codeB) => {
        const dateA = dates[codeA];
        const dateB = dates[codeB];
        return dateA !== null && dateB !== null && isDayMonthTransposition(dateA, dateB);
      };
    }),
  literal: (level, context) =>
    onEachColumn(level, context, (column) => {
      const literalCode = column.dictionary.indexOf(level.value);
      return (codeA, codeB) => codeA === literalCode && codeB === literalCode;
    }),
  columnsReversed: (level, context) => {
    const first = context.columnIndex(level.columns[0]);
    const second = context.columnIndex(level.columns[1]);
    const firstCodes = context.keyColumnCodes[first];
    const secondCodes = context.keyColumnCodes[second];
    // Values of one column re-coded in the other's dictionary, so the swap test compares integers.
    const firstInSecond = recode(context.columns[first], context.columns[second]);
    const secondInFirst = recode(context.columns[second], context.columns[first]);
    // Symmetric by construction: A.first = B.second and A.second = B.first read the same from B's side.
    return (keyA: number, keyB: number) => {
      const firstA = firstCodes[keyA];
      const secondA = secondCodes[keyA];
      return (
        firstA !== NULL_CODE &&
        secondA !== NULL_CODE &&
        firstInSecond[firstA] !== NULL_CODE &&
        secondInFirst[secondA] !== NULL_CODE &&
        firstInSecond[firstA] === secondCodes[keyB] &&
        secondInFirst[secondA] === firstCodes[keyB]
      );
    };
  },
  distanceKm: (level, context) => {
    const latitudeIndex = context.columnIndex(level.latitudeColumn);
    const longitudeIndex = context.columnIndex(level.longitudeColumn);
    const latitudeCodes = context.keyColumnCodes[latitudeIndex];
    const longitudeCodes = context.keyColumnCodes[longitudeIndex];
    const latitudes = context.values.numbers(context.columns[latitudeIndex]);
    const longitudes = context.values.numbers(context.columns[longitudeIndex]);
    const coordinate = (numbers: Float64Array, code: number) =>
      code === NULL_CODE ? Number.NaN : numbers[code];
    return (keyA, keyB) =>
      greatCircleDistanceKm(
        coordinate(latitudes, latitudeCodes[keyA]),
        coordinate(longitudes, longitudeCodes[keyA]),
        coordinate(latitudes, latitudeCodes[keyB]),
        coordinate(longitudes, longitudeCodes[keyB]),
      ) <= level.threshold;
  },
  custom: (level, context) => {
    const predicate = context.customLevel(level.name);
    return (keyA, keyB) => predicate(context.valuesOfKey(keyA), context.valuesOfKey(keyB));
  },
  else: () => () => true,
};

/** The predicate of one level over keys. */
export function compileLevelPredicate(level: LevelSpec, context: LevelContext): KeyPredicate {
  return (predicateCompilers[level.kind] as (level: LevelSpec, context: LevelContext) => KeyPredicate)(
    level,
    context,
  );
}

/**
 * A level on one column (`column`, default the comparison's first) or on several (`columns`, all must hold):
 * builds the per-column code predicate and applies it to each key's codes, nulls never holding.
 */
function onEachColumn(
  level: Extract<LevelSpec, { column?: string }>,
  context: LevelContext,
  codePredicate: (column: EncodedColumn) => CodePredicate,
): KeyPredicate {
  const names =
    "columns" in level && level.columns !== undefined ? level.columns : [level.column ?? undefined];
  const parts = names.map((name) => {
    const index = name === undefined ? 0 : context.columnIndex(name);
    return { codes: context.keyColumnCodes[index], holds: codePredicate(context.columns[index]) };
  });
  if (parts.length === 1) {
    const { codes, holds } = parts[0];
    return (keyA, keyB) => {
      const codeA = codes[keyA];
      const codeB = codes[keyB];
      return codeA !== NULL_CODE && codeB !== NULL_CODE && holds(codeA, codeB);
    };
  }
  return (keyA, keyB) => {
    for (const { codes, holds } of parts) {
      const codeA = codes[keyA];
      const codeB = codes[keyB];
      if (codeA === NULL_CODE || codeB === NULL_CODE || !holds(codeA, codeB)) return false;
    }
    return true;
  };
}

/** For each value of `from`, its code in `to`'s dictionary (NULL_CODE when `to` lacks it). */
function recode(from: EncodedColumn, to: EncodedColumn): Int32Array {
  const codeInTarget = new Map<string, number>(to.dictionary.map((value, code) => [value, code]));
  return Int32Array.from(from.dictionary, (value) => codeInTarget.get(value) ?? NULL_CODE);
}
