// Per-distinct-value data computed once per column and shared by every level that needs it: flat strings,
// parsed numbers and dates, phonetic codes, and memoised similarity scorers.

import { dayNumber } from "../calendar/index.js";
import {
  type CalendarDate,
  damerauLevenshteinFlat,
  type FlatStrings,
  flattenStrings,
  jaroFlat,
  jaroWinklerFlat,
  levenshteinWithinFlat,
  parseCanonicalDate,
  similarityComparators,
} from "../comparators/index.js";
import type { EncodedColumn } from "../data/dataset.js";
import { parseDeathDate } from "../french/death-dates.js";
import { type PartialDate, parsePartialDate } from "../french/french-dates.js";
import { type FrenchNameForms, frenchNameForms } from "../french/french-names.js";
import { type ResolvedCommune, resolveCommune } from "../french/geography.js";
import { buildStaysOfValues, type HospitalStays } from "../french/hospital-stays.js";
import type { PhoneticAlgorithm, PhoneticEncoder } from "../french/phonetics.js";
import { type PmsiFacts, pmsiFacts } from "../french/pmsi-geography.js";
import type { EditDistanceComparator, SimilarityComparator } from "./types.js";

// The SNDS writes unknown birth months as 1600-01: a value of that year is no date at all.
const SNDS_PLACEHOLDER_YEAR = 1600;

/** Score of two distinct values of one column, by their codes. */
export type CodeScorer = (codeA: number, codeB: number) => number;

/** Lazily computed, memoised per-value data of a dataset's columns, for one compilation. */
export class ColumnValues {
  private readonly memo = new Map<string, unknown>();

  constructor(private readonly phoneticEncoder: PhoneticEncoder) {}

  flat(column: EncodedColumn): FlatStrings {
    return this.remember(`flat\u0000${column.name}`, () => flattenStrings(column.dictionary));
  }

  /** Each value parsed as a number (NaN when it is not one). */
  numbers(column: EncodedColumn): Float64Array {
    return this.remember(`numbers\u0000${column.name}`, () =>
      Float64Array.from(column.dictionary, parseNumber),
    );
  }

  /** Each value parsed as a canonical date (null when it is not one). */
  dates(column: EncodedColumn): readonly (CalendarDate | null)[] {
    return this.remember(`dates\u0000${column.name}`, () => column.dictionary.map(parseCanonicalDate));
  }

  /** Each value's day number (days since 1970-01-01), NaN unless it is a full date: days levels subtract these. */
  dayNumbers(column: EncodedColumn): Float64Array {
    return this.remember(`dayNumbers\u0000${column.name}`, () =>
      Float64Array.from(this.dates(column), (date) =>
        date === null || date.day === 0 ? Number.NaN : dayNumber(date.year, date.month, date.day),
      ),
    );
  }

  /** Each value's phonetic code as a small integer (equal codes, equal integers); -1 when it has none. */
  phoneticIds(column: EncodedColumn, algorithm: PhoneticAlgorithm): Int32Array {
    return this.remember(`phonetic\u0000${algorithm}\u0000${column.name}`, () => {
      const idOfCode = new Map<string, number>();
      return Int32Array.from(column.dictionary, (value) => {
        const code = this.phoneticEncoder(algorithm, value);
        if (code === "") return -1;
        let id = idOfCode.get(code);
        if (id === undefined) {
          id = idOfCode.size;
          idOfCode.set(code, id);
        }
        return id;
      });
    });
  }

  /** Each value's French-name forms (normalised, joined, first token, without particles). */
  frenchNames(column: EncodedColumn): readonly FrenchNameForms[] {
    return this.remember(`frenchNames\u0000${column.name}`, () => column.dictionary.map(frenchNameForms));
  }

  /**
   * Each value read as a birth date that may be partial; null when unreadable or the SNDS placeholder year
   * (1600), so that two placeholders never agree.
   */
  birthDates(column: EncodedColumn): readonly (PartialDate | null)[] {
    return this.remember(`birthDates\u0000${column.name}`, () =>
      column.dictionary.map((value) => {
        const date = parsePartialDate(value);
        return date === null || date.year === SNDS_PLACEHOLDER_YEAR ? null : date;
      }),
    );
  }

  /** Each value read as a death date; null means no death date (unreadable, empty or the SNDS placeholder). */
  deathDates(column: EncodedColumn): readonly (PartialDate | null)[] {
    return this.remember(`deathDates\u0000${column.name}`, () => column.dictionary.map(parseDeathDate));
  }

  /** Each value resolved as an INSEE commune code (today's commune, city, département, région, postal codes). */
  communes(column: EncodedColumn): readonly (ResolvedCommune | null)[] {
    return this.remember(`communes\u0000${column.name}`, () => column.dictionary.map(resolveCommune));
  }

  /** Each value read as a PMSI geographic code (postal codes, départements, régions); null when it says nothing. */
  pmsiCodes(column: EncodedColumn): readonly (PmsiFacts | null)[] {
    return this.remember(`pmsiCodes\u0000${column.name}`, () =>
      column.dictionary.map((value) => pmsiFacts(value)),
    );
  }

  /** Stays of each value of a list-valued stays column, parsed once (record c = value of code c). */
  hospitalStays(column: EncodedColumn): HospitalStays {
    return this.remember(`hospitalStays\u0000${column.name}`, () => buildStaysOfValues(column));
  }

  /**
   * Similarity scorer of a column, shared by the levels using the same comparator; each level `admit`s its
   * threshold. Scores are exact whenever they can reach the lowest threshold admitted.
   */
  similarity(column: EncodedColumn, comparator: SimilarityComparator, q: number): ThresholdScorer {
    return this.remember(`similarity\u0000${comparator}\u0000${q}\u0000${column.name}`, () => {
      if (comparator === "jaroWinkler" || comparator === "jaro") {
        return new JaroScorer(this.flat(column), this.letterMasks(column), comparator === "jaroWinkler");
      }
      const compare = similarityComparators[comparator];
      const dictionary = column.dictionary;
      return new PlainScorer((codeA, codeB) => compare(dictionary[codeA], dictionary[codeB], q));
    });
  }

  /** Edit-distance scorer, shared like `similarity`: exact whenever the distance is within a threshold admitted. */
  editDistance(column: EncodedColumn, comparator: EditDistanceComparator): ThresholdScorer {
    return this.remember(`editDistance\u0000${comparator}\u0000${column.name}`, () => {
      return new EditDistanceScorer(this.flat(column), comparator);
    });
  }

  /** Per value, a 32-bit set of its code units (unit mod 32), for cheap similarity upper bounds. */
  private letterMasks(column: EncodedColumn): Int32Array {
    return this.remember(`letters\u0000${column.name}`, () =>
      Int32Array.from(column.dictionary, (value) => {
        let mask = 0;
        for (let index = 0; index < value.length; index++) mask |= 1 << (value.charCodeAt(index) & 31);
        return mask;
      }),
    );
  }

  private remember<T>(key: string, compute: () => T): T {
    let value = this.memo.get(key) as T | undefined;
    if (value === undefined) {
      value = compute();
      this.memo.set(key, value);
    }
    return value;
  }
}

/**
 * A symmetric score of two distinct values by code, shared by the levels of one comparator on one column.
 * Each level admits its threshold first; the scorer may then answer "cannot reach the loosest threshold"
 * with any score that fails it, which lets it skip the full computation for clearly dissimilar values.
 */
export interface ThresholdScorer {
  /** Similarity scorers: score ≥ threshold must be decided exactly. Distance scorers: score ≤ threshold. */
  admit(threshold: number): void;
  score(codeA: number, codeB: number): number;
}

/** Remembers the last pair, so consecutive levels (≥ 0.92, then ≥ 0.88) cost one computation. */
abstract class LastPairScorer implements ThresholdScorer {
  private lastLow = -1;
  private lastHigh = -1;
  private lastScore = 0;

  abstract admit(threshold: number): void;
  protected abstract compute(low: number, high: number): number;

  score(codeA: number, codeB: number): number {
    const low = Math.min(codeA, codeB);
    const high = Math.max(codeA, codeB);
    if (low !== this.lastLow || high !== this.lastHigh) {
      this.lastScore = this.compute(low, high);
      this.lastLow = low;
      this.lastHigh = high;
    }
    return this.lastScore;
  }
}

class PlainScorer extends LastPairScorer {
  constructor(private readonly similarity: CodeScorer) {
    super();
  }
  admit(): void {}
  protected compute(low: number, high: number): number {
    return this.similarity(low, high);
  }
}

// Winkler's default boost (prefix scale 0.1 over at most 4 characters), as jaroWinklerFlat applies it.
const WINKLER_PREFIX_SCALE = 0.1;
const WINKLER_MAX_PREFIX = 4;

/**
 * Jaro or Jaro–Winkler with an upper bound first. Matched characters are equal, so their number m is at most
 * the count of the shorter value's characters present in the longer one (tested on 32-bit letter sets);
 * Jaro ≤ (m/|a| + m/|b| + 1) / 3, and the Winkler boost grows with Jaro. Below the loosest threshold the
 * bound is returned instead of the kernel's value: most random name pairs stop here.
 */
class JaroScorer extends LastPairScorer {
  private floor = Number.POSITIVE_INFINITY;

  constructor(
    private readonly strings: FlatStrings,
    private readonly letterMasks: Int32Array,
    private readonly winkler: boolean,
  ) {
    super();
  }

  admit(threshold: number): void {
    this.floor = Math.min(this.floor, threshold);
  }

  protected compute(low: number, high: number): number {
    const bound = this.upperBound(low, high);
    if (bound < this.floor) return bound;
    return this.winkler ? jaroWinklerFlat(this.strings, low, high) : jaroFlat(this.strings, low, high);
  }

  private upperBound(codeA: number, codeB: number): number {
    const { codeUnits, offsets } = this.strings;
    const startA = offsets[codeA];
    const lengthA = offsets[codeA + 1] - startA;
    const startB = offsets[codeB];
    const lengthB = offsets[codeB + 1] - startB;
    if (lengthA === 0 || lengthB === 0) return 1;
    let shortStart = startA;
    let shortLength = lengthA;
    let otherMask = this.letterMasks[codeB];
    if (lengthB < lengthA) {
      shortStart = startB;
      shortLength = lengthB;
      otherMask = this.letterMasks[codeA];
    }
    let present = 0;
    for (let index = 0; index < shortLength; index++) {
      if ((otherMask >>> (codeUnits[shortStart + index] & 31)) & 1) present++;
    }
    const jaroBound = present === 0 ? 0 : (present / lengthA + present / lengthB + 1) / 3;
    if (!this.winkler) return jaroBound;
    let prefix = 0;
    const prefixLimit = Math.min(WINKLER_MAX_PREFIX, lengthA, lengthB);
    while (prefix < prefixLimit && codeUnits[startA + prefix] === codeUnits[startB + prefix]) prefix++;
    return jaroBound + prefix * WINKLER_PREFIX_SCALE * (1 - jaroBound);
  }
}

/**
 * Levenshtein or Damerau–Levenshtein, skipping values whose lengths alone differ by more than the largest
 * threshold, and bounding Levenshtein's work by that threshold.
 */
class EditDistanceScorer extends LastPairScorer {
  private ceiling = 0;

  constructor(
    private readonly strings: FlatStrings,
    private readonly comparator: EditDistanceComparator,
  ) {
    super();
  }

  admit(threshold: number): void {
    this.ceiling = Math.max(this.ceiling, threshold);
  }

  protected compute(low: number, high: number): number {
    const offsets = this.strings.offsets;
    const lengthGap = Math.abs(offsets[low + 1] - offsets[low] - (offsets[high + 1] - offsets[high]));
    if (lengthGap > this.ceiling) return lengthGap;
    return this.comparator === "levenshtein"
      ? levenshteinWithinFlat(this.strings, low, high, this.ceiling)
      : damerauLevenshteinFlat(this.strings, low, high);
  }
}

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA_PATTERN = /^[+-]?\d+,\d+$/;

/**
 * A decimal number, strictly: optional sign, digits, optional fraction and exponent, surrounding spaces
 * ignored; a French decimal comma ("12,5") is accepted. Anything else (including "", "0x10", "1 000") is NaN.
 */
export function parseNumber(text: string): number {
  let trimmed = text.trim();
  if (DECIMAL_COMMA_PATTERN.test(trimmed)) trimmed = trimmed.replace(",", ".");
  return NUMBER_PATTERN.test(trimmed) ? Number(trimmed) : Number.NaN;
}
