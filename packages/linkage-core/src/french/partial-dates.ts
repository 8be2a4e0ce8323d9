// Comparison of birth dates that may be partial: the SNDS holds the birth year and month only (YYYY-MM), other
// sources the full date. Each category is a plain predicate so that levels can be listed in any order.
import { monthIndex } from "../calendar/day-number.js";
import { BoundedCache } from "./bounded-cache.js";
import { type PartialDate, parsePartialDate } from "./french-dates.js";

const parsedDates = new BoundedCache<PartialDate | null>();

function parsed(value: string | null): PartialDate | null {
  return value === null ? null : parsedDates.get(value, parsePartialDate);
}

/** How two birth dates agree, strongest first (the order in which comparePartialBirthDates reports them). */
export type PartialDateCategory =
  | "exactDay"
  | "exactYearMonth"
  | "dayMonthSwap"
  | "sameMonthYearPlusMinusOne"
  | "sameYear"
  | "within12Months"
  | "else";

export const partialDateCategories: readonly PartialDateCategory[] = [
  "exactDay",
  "exactYearMonth",
  "dayMonthSwap",
  "sameMonthYearPlusMinusOne",
  "sameYear",
  "within12Months",
  "else",
];

const agreements: Record<PartialDateCategory, (left: PartialDate, right: PartialDate) => boolean> = {
  // Both full and equal.
  exactDay: (left, right) =>
    left.day !== null && left.year === right.year && left.month === right.month && left.day === right.day,
  // Same year and month, whatever the day (or when a side has no day, as in the SNDS).
  exactYearMonth: (left, right) =>
    left.month !== null && left.year === right.year && left.month === right.month,
  // Same year, day and month swapped (03/05 typed as 05/03); equal dates are not a swap. Against a date known
  // only to the month (SNDS), the swap shows as that month being the full date's day.
  dayMonthSwap: (left, right) => swapped(left, right) || swapped(right, left),
  // Same month, years equal or one apart (a year typed wrong by one).
  sameMonthYearPlusMinusOne: (left, right) =>
    left.month !== null && left.month === right.month && Math.abs(left.year - right.year) <= 1,
  sameYear: (left, right) => left.year === right.year,
  // At most 12 months apart, counted in months (days ignored so that partial and full dates compare alike).
  within12Months: (left, right) =>
    left.month !== null &&
    right.month !== null &&
    Math.abs(monthIndex(left.year, left.month) - monthIndex(right.year, right.month)) <= 12,
  else: () => true,
};

function swapped(full: PartialDate, other: PartialDate): boolean {
  if (full.day === null || other.month === null || full.year !== other.year || full.day === full.month)
    return false;
  return other.day === null ? other.month === full.day : other.month === full.day && other.day === full.month;
}

/**
 * The strongest category between two birth dates, each YYYY-MM, YYYY-MM-DD or any shape parsePartialDate reads.
 * Null when either is missing or unreadable (the comparison's null level).
 */
export function comparePartialBirthDates(
  left: string | null,
  right: string | null,
): PartialDateCategory | null {
  const leftDate = parsed(left);
  const rightDate = parsed(right);
  if (leftDate === null || rightDate === null) return null;
  for (const category of partialDateCategories) {
    if (agreements[category](leftDate, rightDate)) return category;
  }
  return "else";
}

/**
 * Whether this category holds between two birth dates, on its own terms (exactYearMonth holds for equal full
 * dates too). False when either date is missing or unreadable.
 */
export function partialBirthDatesAgree(
  left: string | null,
  right: string | null,
  category: PartialDateCategory,
): boolean {
  const leftDate = parsed(left);
  const rightDate = parsed(right);
  if (leftDate === null || rightDate === null) return false;
  return agreements[category](leftDate, rightDate);
}

/**
 * `partialBirthDatesAgree` on dates already parsed by `parsePartialDate` (the comparison engine parses each
 * distinct value once). False when either is null.
 */
export function parsedBirthDatesAgree(
  left: PartialDate | null,
  right: PartialDate | null,
  category: PartialDateCategory,
): boolean {
  return left !== null && right !== null && agreements[category](left, right);
}
