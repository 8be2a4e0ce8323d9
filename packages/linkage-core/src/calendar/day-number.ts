// Proleptic Gregorian calendar arithmetic, the one place for leap years, month lengths and day numbers (days
// since 1970-01-01). Pure integer maths, no Date objects: exact for any year, and cheap enough for hot loops.
import type { CivilDate } from "./types.js";

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `year`-`month`-`day` is a date of the calendar (month 1–12, day within the month). */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

// 719,468 days separate 0000-03-01 from 1970-01-01; a 400-year era holds exactly 146,097 days.
const DAYS_FROM_MARCH_ZERO_TO_EPOCH = 719_468;
const DAYS_PER_ERA = 146_097;

/**
 * Days from 1970-01-01 to the given date (negative before). `month` must be 1–12; `day` may run past the
 * month's end and counts on linearly.
 */
export function dayNumber(year: number, month: number, day: number): number {
  // Count from 1 March so that the leap day falls at the end of the counting year; 400-year eras then
  // repeat exactly (the civil-from-days scheme popularised by H. Hinnant).
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - DAYS_FROM_MARCH_ZERO_TO_EPOCH;
}

/** The date of a day number: the inverse of {@link dayNumber}. */
export function civilDateFromDayNumber(days: number): CivilDate {
  const shifted = days + DAYS_FROM_MARCH_ZERO_TO_EPOCH;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  // Years of 365 days, less the leap days of 4-, 100- and 400-year cycles already passed within the era.
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Months since January of year 0 (for month-resolution differences: subtract two of them). */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** `YYYY-MM-DD`; years outside 0–9999 take a sign and six digits, as ISO 8601 and `Date#toISOString` write them. */
export function formatIsoDate(date: CivilDate): string {
  return `${formatYear(date.year)}-${twoDigits(date.month)}-${twoDigits(date.day)}`;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDayNumber(days: number): string {
  return formatIsoDate(civilDateFromDayNumber(days));
}

/** Four digits (0001, 1980), or sign and six digits outside 0–9999 (+010000, -000001). */
export function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${year < 0 ? "-" : "+"}${String(Math.abs(year)).padStart(6, "0")}`;
}

/** 01–12, 01–31. */
export function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
