// Agreement between the hospital stays of two records: how many stays match one-to-one (same establishment,
// admission and discharge within a tolerance), and the (FINESS, admission day) keys for blocking on stays.
import { formatDayNumber } from "../calendar/day-number.js";
import type { HospitalStays } from "./hospital-stays.js";

export interface StayMatchingOptions {
  /** Largest difference, in days, between admission days and between discharge days of matching stays. */
  readonly toleranceDays: number;
  /** Stop counting once this many matches are found (levels only need "at least n"). */
  readonly stopAt?: number;
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
let leftCodesInRight: Int32Array | null = null;

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

function compatible(leftStay: number, rightStay: number): boolean {
  const leftIndex = leftStart + leftStay;
  const rightIndex = rightStart + rightStay;
  const establishment = leftStays.establishments[leftIndex]!;
  return (
    (leftCodesInRight === null ? establishment : leftCodesInRight[establishment]!) ===
      rightStays.establishments[rightIndex] &&
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
 * and admission and discharge days each within ±toleranceDays: a maximum bipartite matching (greedy in
 * admission order, then augmenting paths), so that one stay never counts twice.
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
  leftCodesInRight = translation(left.establishmentDictionary, right.establishmentDictionary);
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
