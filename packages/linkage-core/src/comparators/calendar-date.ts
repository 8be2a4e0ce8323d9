// Canonical dates ("YYYY-MM-DD", "YYYY-MM", "YYYY") with their precision kept, and the differences used
// by date comparison levels. Months and years count complete calendar periods, as an age does.
import { dayNumber, isValidCivilDate, monthIndex } from "../calendar/day-number.js";
import type { CalendarDate } from "../calendar/types.js";

export type { CalendarDate } from "../calendar/types.js";

/**
 * Parses a canonical standardised date: "YYYY-MM-DD", "YYYY-MM" or "YYYY" (four-digit year, proleptic
 * Gregorian calendar). Returns null for anything else, including impossible dates such as 2023-02-29.
 */
export function parseCanonicalDate(text: string): CalendarDate | null {
  const length = text.length;
  if (length !== 4 && length !== 7 && length !== 10) return null;
  const year = digits(text, 0, 4);
  if (year < 0) return null;
  if (length === 4) return { year, month: 0, day: 0 };
  if (text.charCodeAt(4) !== 0x2d) return null;
  const month = digits(text, 5, 2);
  if (month < 1 || month > 12) return null;
  if (length === 7) return { year, month, day: 0 };
  if (text.charCodeAt(7) !== 0x2d) return null;
  const day = digits(text, 8, 2);
  if (!isValidCivilDate(year, month, day)) return null;
  return { year, month, day };
}

/** The decimal value of `count` ASCII digits at `start`, or −1 if any is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** |days between a and b|; NaN unless both dates have day precision. */
export function dateDifferenceDays(a: CalendarDate, b: CalendarDate): number {
  if (a.day === 0 || b.day === 0) return Number.NaN;
  return Math.abs(dayNumber(a.year, a.month, a.day) - dayNumber(b.year, b.month, b.day));
}

/**
 * Complete months from the earlier date to the later one: the difference of calendar months, less one
 * when both have a day and the later day-of-month is smaller (2020-01-31 → 2020-02-29 is 0 months,
 * 2020-01-15 → 2020-02-15 is 1). With month precision on either side the days are ignored. NaN when
 * either date lacks a month.
 */
export function dateDifferenceMonths(a: CalendarDate, b: CalendarDate): number {
  if (a.month === 0 || b.month === 0) return Number.NaN;
  let earlier = a;
  let later = b;
  if (compareDates(a, b) > 0) {
    earlier = b;
    later = a;
  }
  let months = monthIndex(later.year, later.month) - monthIndex(earlier.year, earlier.month);
  if (earlier.day !== 0 && later.day !== 0 && later.day < earlier.day) months--;
  return months;
}

/**
 * Complete years from the earlier date to the later one, at the finest precision both share: the
 * difference of years, less one when the later date falls earlier in its year (by month, then by day
 * when both have one). 1980-12-31 and 1981-01-01 are 0 years apart; 1980 and 1981-01-01 are 1.
 */
export function dateDifferenceYears(a: CalendarDate, b: CalendarDate): number {
  let earlier = a;
  let later = b;
  if (compareDates(a, b) > 0) {
    earlier = b;
    later = a;
  }
  let years = later.year - earlier.year;
  if (years > 0 && earlier.month !== 0 && later.month !== 0) {
    const bothHaveDays = earlier.day !== 0 && later.day !== 0;
    const sameMonthEarlierDay = bothHaveDays && later.month === earlier.month && later.day < earlier.day;
    if (later.month < earlier.month || sameMonthEarlierDay) years--;
  }
  return years;
}

/** Orders at the finest precision both dates share: negative, 0 or positive. */
function compareDates(a: CalendarDate, b: CalendarDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === 0 || b.month === 0) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === 0 || b.day === 0) return 0;
  return a.day - b.day;
}

/**
 * True when two full dates of the same year differ only by swapped day and month (2001-03-04 vs
 * 2001-04-03), the classic day/month transcription error. Equal dates are not a transposition.
 */
export function isDayMonthTransposition(a: CalendarDate, b: CalendarDate): boolean {
  return (
    a.day !== 0 &&
    b.day !== 0 &&
    a.year === b.year &&
    a.day === b.month &&
    a.month === b.day &&
    a.day !== a.month
  );
}
