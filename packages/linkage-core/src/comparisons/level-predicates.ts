// One predicate per level kind, over two comparison keys: the exhaustive dispatch table of level semantics.
// A level whose input value is missing on either side does not hold (only the null level looks at nulls).
import {
  type CalendarDate,
  dateDifferenceDays,
  dateDifferenceMonths,
  dateDifferenceYears,
  greatCircleDistanceKm,
  isDayMonthTransposition,
  jaroWinkler,
  relativeDifference,
} from "../comparators/index.js";
import { type EncodedColumn, NULL_CODE } from "../data/dataset.js";
import { parsedDeathDatesAgree } from "../french/death-dates.js";
import { type FrenchNameForms, frenchNameFormsAgree } from "../french/french-names.js";
import { resolvedCommunesAgree } from "../french/geography.js";
import { parsedBirthDatesAgree } from "../french/partial-dates.js";
import { pmsiFactsAgree } from "../french/pmsi-geography.js";
import { countMatchingStays } from "../french/stay-matching.js";
import type { ColumnValues } from "./column-values.js";
import type {
  ComparisonValues,
  CustomLevelPredicate,
  DateUnit,
  FrenchNameLevel,
  LevelKind,
  LevelSpec,
} from "./types.js";

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
  frenchName: (level, context) => compileFrenchNamePredicate(level, context),
  partialDate: (level, context) =>
    onEachColumn(level, context, (column) => {
      const dates = context.values.birthDates(column);
      return (codeA, codeB) => parsedBirthDatesAgree(dates[codeA]!, dates[codeB]!, level.category);
    }),
  deathDate: (level, context) => {
    // No null level here: a missing value is "no death date", which two levels are about.
    const index = level.column === undefined ? 0 : context.columnIndex(level.column);
    const codes = context.keyColumnCodes[index]!;
    const dates = context.values.deathDates(context.columns[index]!);
    const dateOf = (key: number) => (codes[key] === NULL_CODE ? null : dates[codes[key]!]!);
    return (keyA, keyB) => parsedDeathDatesAgree(dateOf(keyA), dateOf(keyB), level.category);
  },
  commune: (level, context) =>
    onEachColumn(level, context, (column) => {
      const communes = context.values.communes(column);
      return (codeA, codeB) => {
        const communeA = communes[codeA]!;
        const communeB = communes[codeB]!;
        return (
          communeA !== null && communeB !== null && resolvedCommunesAgree(communeA, communeB, level.category)
        );
      };
    }),
  pmsiGeography: (level, context) => {
    const pmsiIndex = level.pmsiColumn === undefined ? 0 : context.columnIndex(level.pmsiColumn);
    const communeIndex = level.communeColumn === undefined ? 0 : context.columnIndex(level.communeColumn);
    const pmsiCodes = context.keyColumnCodes[pmsiIndex]!;
    const communeCodes = context.keyColumnCodes[communeIndex]!;
    const pmsiFacts = context.values.pmsiCodes(context.columns[pmsiIndex]!);
    const communes = context.values.communes(context.columns[communeIndex]!);
    const agrees = (pmsiKey: number, communeKey: number) => {
      const pmsi = pmsiCodes[pmsiKey]!;
      const commune = communeCodes[communeKey]!;
      if (pmsi === NULL_CODE || commune === NULL_CODE) return false;
      const facts = pmsiFacts[pmsi]!;
      const resolved = communes[commune]!;
      return facts !== null && resolved !== null && pmsiFactsAgree(facts, resolved, level.category);
    };
    // Either record may hold the PMSI code: the level is symmetric.
    return (keyA, keyB) => agrees(keyA, keyB) || agrees(keyB, keyA);
  },
  hospitalStays: (level, context) =>
    onEachColumn(level, context, (column) => {
      const stays = context.values.hospitalStays(column);
      const options = {
        toleranceDays: level.toleranceDays,
        stopAt: level.minimumMatches,
        establishment: level.establishment ?? "same",
      };
      return (codeA, codeB) =>
        countMatchingStays(stays, codeA, stays, codeB, options) >= level.minimumMatches;
    }),
  missingValues: (level, context) => {
    const codes = context.keyColumnCodes[level.column === undefined ? 0 : context.columnIndex(level.column)]!;
    if (level.sides === "both") return (keyA, keyB) => codes[keyA] === NULL_CODE && codes[keyB] === NULL_CODE;
    return (keyA, keyB) => (codes[keyA] === NULL_CODE) !== (codes[keyB] === NULL_CODE);
  },
  else: () => () => true,
};

/**
 * French names at one category. On one column, the names of the pair are compared; on several (birth name,
 * usage name), the level holds when any name of one record agrees with any name of the other.
 */
function compileFrenchNamePredicate(level: FrenchNameLevel, context: LevelContext): KeyPredicate {
  const agree = frenchNameAgreement(level);
  if (level.columns === undefined || level.columns.length === 1) {
    return onEachColumn(
      level.columns === undefined ? level : { ...level, column: level.columns[0], columns: undefined },
      context,
      (column) => {
        const forms = context.values.frenchNames(column);
        return (codeA, codeB) => agree(forms[codeA]!, forms[codeB]!);
      },
    );
  }
  const parts = level.columns.map((name) => {
    const index = context.columnIndex(name);
    return {
      codes: context.keyColumnCodes[index]!,
      forms: context.values.frenchNames(context.columns[index]!),
    };
  });
  return (keyA, keyB) => {
    for (const left of parts) {
      const codeA = left.codes[keyA]!;
      if (codeA === NULL_CODE) continue;
      for (const right of parts) {
        const codeB = right.codes[keyB]!;
        if (codeB !== NULL_CODE && agree(left.forms[codeA]!, right.forms[codeB]!)) return true;
      }
    }
    return false;
  };
}

function frenchNameAgreement(
  level: FrenchNameLevel,
): (left: FrenchNameForms, right: FrenchNameForms) => boolean {
  if (level.category === "jaroWinkler") {
    const threshold = (level.threshold ?? 1) - SIMILARITY_TOLERANCE;
    return (left, right) =>
      left.normalised !== "" &&
      right.normalised !== "" &&
      (left.normalised === right.normalised || jaroWinkler(left.normalised, right.normalised) >= threshold);
  }
  const category = level.category;
  const options = { phoneticAlgorithm: level.phoneticAlgorithm ?? "phonex" } as const;
  return (left, right) => frenchNameFormsAgree(left, right, category, options);
}

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
