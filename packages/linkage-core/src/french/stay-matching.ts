// Agreement between the hospital stays of two records: how many stays match one-to-one (same establishment or
// same département, admission and discharge within a tolerance), and the (FINESS, admission day) blocking keys.
import { formatDayNumber } from "../calendar/day-number.js";
import type { HospitalStays } from "./hospital-stays.js";

/**
 * Which establishments two matching stays may have. "same": the same FINESS. "sameDepartement": FINESS numbers
 * of the same département, for sources that record one stay under different FINESS numbers (the legal entity
 * in one, the geographic establishment or another site of the hospital group in the other).
 */
export type StayEstablishmentMatch = "same" | "sameDepartement";

export interface StayMatchingOptions {
  /** Largest difference, in days, between admission days and between discharge days of matching stays. */
  readonly toleranceDays: number;
  /** Stop counting once this many matches are found (levels only need "at least n"). */
  readonly stopAt?: number;
  /** Which establishments matching stays may have (default "same"). */
  readonly establishment?: StayEstablishmentMatch;
}

// State of the pair being counted, in module scope so that a comparison allocates nothing (no closures, no
// arrays) once the scratch arrays are large enough; JavaScript runs one comparison at a time.
let matchOfRight = new Int32Array(64);
let matchOfLeft = new Int32Array(64);
let visitStamp = new Int32Array(64);
let windowStart = new Int32Array(64);
let currentStamp = 0;
let leftStays: HospitalStays;
let rightStays: HospitalStays;
let leftStart = 0;
let rightStart = 0;
let rightCount = 0;
let tolerance = 0;
// Two stays have compatible establishments when their keys are equal. A key is the establishment code itself
// (null array), its code in the other side's dictionary, or its département code.
let leftEstablishmentKeys: Int32Array | null = null;
let rightEstablishmentKeys: Int32Array | null = null;

function ensureScratch(leftCount: number, rightSize: number): void {
  if (matchOfRight.length < rightSize) {
    matchOfRight = new Int32Array(rightSize * 2);
    visitStamp = new Int32Array(rightSize * 2);
    currentStamp = 0;
  }
  if (matchOfLeft.length < leftCount) {
    matchOfLeft = new Int32Array(leftCount * 2);
    windowStart = new Int32Array(leftCount * 2);
  }
}

interface Translation {
  readonly leftSize: number;
  readonly rightSize: number;
  readonly codes: Int32Array;
}

// Codes of the left establishments in the right dictionary, when the two sides were built with different
// EstablishmentCodes. Cached per pair of dictionaries and rebuilt if either grew since.
const translations = new WeakMap<readonly string[], WeakMap<readonly string[], Translation>>();

function translation(left: readonly string[], right: readonly string[]): Int32Array | null {
  if (left === right) return null;
  let byRight = translations.get(left);
  if (!byRight) translations.set(left, (byRight = new WeakMap()));
  const cached = byRight.get(right);
  if (cached && cached.leftSize === left.length && cached.rightSize === right.length) return cached.codes;
  const rightIndex = new Map(right.map((finess, code) => [finess, code]));
  const codes = Int32Array.from(left, (finess) => rightIndex.get(finess) ?? -1);
  byRight.set(right, { leftSize: left.length, rightSize: right.length, codes });
  return codes;
}

// Département keys are interned across all dictionaries, so that two dictionaries' codes compare as integers.
const departementKeyCodes = new Map<string, number>();

interface DepartementCodes {
  readonly size: number;
  readonly codes: Int32Array;
}

// Département code of each establishment of a dictionary, rebuilt if the dictionary grew since.
const departementCodesByDictionary = new WeakMap<readonly string[], DepartementCodes>();

function departementCodes(dictionary: readonly string[]): Int32Array {
  const cached = departementCodesByDictionary.get(dictionary);
  if (cached && cached.size === dictionary.length) return cached.codes;
  const codes = Int32Array.from(dictionary, (finess) => {
    const key = finessDepartement(finess);
    let code = departementKeyCodes.get(key);
    if (code === undefined) departementKeyCodes.set(key, (code = departementKeyCodes.size));
    return code;
  });
  departementCodesByDictionary.set(dictionary, { size: dictionary.length, codes });
  return codes;
}

/**
 * The département part of a FINESS number: its first two characters ("75", "2A", "2B"), three overseas.
 * Real overseas FINESS numbers write "97" (or "98"), a 0, then the département's last digit (970100228 is in
 * Guadeloupe, 971; 970211207 in Martinique, 972), while the synthetic SNDS generator writes the three-character
 * INSEE code, then a 0 ("9710…"): after "97"/"98", the département digit is the third character unless that is
 * a 0, then the fourth. Both schemes thus keep each overseas département apart. A text shorter than 4
 * characters is no FINESS number and is kept whole, so that the same FINESS always means the same département.
 */
export function finessDepartement(finess: string): string {
  const upper = finess.toUpperCase();
  if (upper.length < 4) return upper;
  if (upper.startsWith("97") || upper.startsWith("98")) {
    return upper.slice(0, 2) + (upper[2] === "0" ? upper[3] : upper[2]);
  }
  return upper.slice(0, 2);
}

function compatible(leftStay: number, rightStay: number): boolean {
  const leftIndex = leftStart + leftStay;
  const rightIndex = rightStart + rightStay;
  const leftEstablishment = leftStays.establishments[leftIndex]!;
  const rightEstablishment = rightStays.establishments[rightIndex]!;
  return (
    (leftEstablishmentKeys === null ? leftEstablishment : leftEstablishmentKeys[leftEstablishment]!) ===
      (rightEstablishmentKeys === null ? rightEstablishment : rightEstablishmentKeys[rightEstablishment]!) &&
    Math.abs(leftStays.dischargeDays[leftIndex]! - rightStays.dischargeDays[rightIndex]!) <= tolerance
  );
}

/** Kuhn's augmenting path from one left stay, within its admission window. */
function augment(leftStay: number): boolean {
  const admission = leftStays.admissionDays[leftStart + leftStay]!;
  for (let rightStay = windowStart[leftStay]!; rightStay < rightCount; rightStay++) {
    if (rightStays.admissionDays[rightStart + rightStay]! > admission + tolerance) break;
    if (visitStamp[rightStay] === currentStamp || !compatible(leftStay, rightStay)) continue;
    visitStamp[rightStay] = currentStamp;
    const previous = matchOfRight[rightStay]!;
    if (previous === -1 || augment(previous)) {
      matchOfRight[rightStay] = leftStay;
      matchOfLeft[leftStay] = rightStay;
      return true;
    }
  }
  return false;
}

/**
 * Number of stays of `leftRecord` and `rightRecord` that can be paired one-to-one with the same establishment
 * (or, with `establishment: "sameDepartement"`, establishments of the same département) and admission and
 * discharge days each within ±toleranceDays: a maximum bipartite matching (greedy in admission order, then
 * augmenting paths), so that one stay never counts twice.
 */
export function countMatchingStays(
  left: HospitalStays,
  leftRecord: number,
  right: HospitalStays,
  rightRecord: number,
  options: StayMatchingOptions,
): number {
  const leftCount = left.offsets[leftRecord + 1]! - left.offsets[leftRecord]!;
  const rightSize = right.offsets[rightRecord + 1]! - right.offsets[rightRecord]!;
  if (leftCount === 0 || rightSize === 0) return 0;
  leftStays = left;
  rightStays = right;
  leftStart = left.offsets[leftRecord]!;
  rightStart = right.offsets[rightRecord]!;
  rightCount = rightSize;
  tolerance = options.toleranceDays;
  if (options.establishment === "sameDepartement") {
    leftEstablishmentKeys = departementCodes(left.establishmentDictionary);
    rightEstablishmentKeys = departementCodes(right.establishmentDictionary);
  } else {
    leftEstablishmentKeys = translation(left.establishmentDictionary, right.establishmentDictionary);
    rightEstablishmentKeys = null;
  }
  const stopAt = options.stopAt ?? Number.POSITIVE_INFINITY;
  ensureScratch(leftCount, rightSize);
  matchOfRight.fill(-1, 0, rightSize);
  matchOfLeft.fill(-1, 0, leftCount);

  // Stays are sorted by admission: the right stays whose admission is within tolerance form a window that
  // only moves forward as the left admission grows.
  let matched = 0;
  let start = 0;
  for (let leftStay = 0; leftStay < leftCount; leftStay++) {
    const admission = left.admissionDays[leftStart + leftStay]!;
    while (start < rightSize && right.admissionDays[rightStart + start]! < admission - tolerance) start++;
    windowStart[leftStay] = start;
    for (let rightStay = start; rightStay < rightSize; rightStay++) {
      if (right.admissionDays[rightStart + rightStay]! > admission + tolerance) break;
      if (matchOfRight[rightStay] === -1 && compatible(leftStay, rightStay)) {
        matchOfRight[rightStay] = leftStay;
        matchOfLeft[leftStay] = rightStay;
        matched++;
        break;
      }
    }
    if (matched >= stopAt) return stopAt;
  }
  if (matched === Math.min(leftCount, rightSize)) return matched;

  // Greedy can miss the maximum when a stay took a partner another stay needed: augment from each unmatched
  // left stay (Kuhn's algorithm restricted to the admission windows).
  for (let leftStay = 0; leftStay < leftCount && matched < stopAt; leftStay++) {
    if (matchOfLeft[leftStay] !== -1) continue;
    if (++currentStamp === 2 ** 31 - 1) {
      visitStamp.fill(0);
      currentStamp = 1;
    }
    if (augment(leftStay)) matched++;
  }
  return Math.min(matched, stopAt);
}

/** Level of a pair by its number of matching stays; `noStays` when either record has no stay at all. */
export type StayMatchCategory = "twoOrMore" | "one" | "zero" | "noStays";

export const stayMatchCategories: readonly StayMatchCategory[] = ["twoOrMore", "one", "zero", "noStays"];

/** Number of stays a record has. */
export function stayCount(stays: HospitalStays, record: number): number {
  return stays.offsets[record + 1]! - stays.offsets[record]!;
}

/** The category of a pair of records by their matching stays. */
export function compareHospitalStays(
  left: HospitalStays,
  leftRecord: number,
  right: HospitalStays,
  rightRecord: number,
  options: Omit<StayMatchingOptions, "stopAt">,
): StayMatchCategory {
  if (stayCount(left, leftRecord) === 0 || stayCount(right, rightRecord) === 0) return "noStays";
  const matches = countMatchingStays(left, leftRecord, right, rightRecord, { ...options, stopAt: 2 });
  return matches >= 2 ? "twoOrMore" : matches === 1 ? "one" : "zero";
}

// Formatting a day through Date is the slow part of key building; stays concentrate on a few thousand days.
const dayTexts = new Map<number, string>();

function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size >= 100_000) dayTexts.clear();
    dayTexts.set(day, (text = formatDayNumber(day)));
  }
  return text;
}

export interface StayBlockingKeyOptions {
  /**
   * Also emit keys for admission days up to this many days before and after each stay. Expand one side only
   * (the other keeps 0) so that stays admitted within the window share a key exactly once.
   */
  readonly admissionWindowDays?: number;
}

/**
 * For each record, its distinct blocking keys "FINESS|YYYY-MM-DD" (establishment and admission day), for an
 * inverted index generating the pairs that share a stay. Records without stays get an empty list.
 */
export function stayBlockingKeys(
  stays: HospitalStays,
  options: StayBlockingKeyOptions = {},
): readonly (readonly string[])[] {
  const window = options.admissionWindowDays ?? 0;
  const keys: string[][] = [];
  for (let record = 0; record < stays.recordCount; record++) {
    const recordKeys = new Set<string>();
    for (let stay = stays.offsets[record]!; stay < stays.offsets[record + 1]!; stay++) {
      const finess = stays.establishmentDictionary[stays.establishments[stay]!]!;
      const admission = stays.admissionDays[stay]!;
      for (let day = admission - window; day <= admission + window; day++) {
        recordKeys.add(`${finess}|${dayText(day)}`);
      }
    }
    keys.push([...recordKeys]);
  }
  return keys;
}
