// Parsing of the date shapes found in French health data: ISO, compact, French day-first, SAS DATE9, and partial
// (year-month) dates such as the SNDS birth year and month. Invalid calendar dates parse to null.

/** A date known to the year, the month or the day. Missing parts are null (month null implies day null). */
export interface PartialDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})?$/;
const DAY_FIRST = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/;
const SAS_DATE9 = /^(\d{1,2})([A-Z]{3})(\d{4})$/;
const MONTH_ABBREVIATIONS = [
  "JAN",
  "FEB",
  "MAR",
  "APR",
  "MAY",
  "JUN",
  "JUL",
  "AUG",
  "SEP",
  "OCT",
  "NOV",
  "DEC",
];
const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * Parses YYYY, YYYY-MM, YYYY-MM-DD, YYYYMM, YYYYMMDD, MM/YYYY, DD/MM/YYYY and DDMONYYYY (SAS DATE9, English
 * month abbreviations). A zero month or day ("1950-00-00", "1950-06-00") means that part is unknown. A time
 * after the date ("2020-01-02T10:00", "2020-01-02 10:00:00") is ignored. Returns null for anything else,
 * including impossible dates such as 2021-02-29.
 */
export function parsePartialDate(value: string): PartialDate | null {
  const text = stripTime(value.trim().toUpperCase());
  let match = ISO.exec(text) ?? COMPACT.exec(text);
  if (match) return checkedDate(match[1], match[2], match[3]);
  match = DAY_FIRST.exec(text);
  if (match) return checkedDate(match[3], match[2], match[1]);
  match = SAS_DATE9.exec(text);
  if (match) {
    const month = MONTH_ABBREVIATIONS.indexOf(match[2]!);
    return month < 0 ? null : checkedDate(match[3], String(month + 1), match[1]);
  }
  return null;
}

function stripTime(text: string): string {
  const separator = text.search(/[T ]\d{1,2}:/);
  return separator > 0 ? text.slice(0, separator) : text;
}

function checkedDate(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
): PartialDate | null {
  const year = Number(yearText);
  const monthNumber = monthText === undefined ? 0 : Number(monthText);
  const dayNumber = dayText === undefined ? 0 : Number(dayText);
  if (monthNumber < 0 || monthNumber > 12 || dayNumber < 0) return null;
  if (monthNumber === 0) return dayNumber === 0 ? { year, month: null, day: null } : null;
  if (dayNumber === 0) return { year, month: monthNumber, day: null };
  if (dayNumber > daysInMonth(year, monthNumber)) return null;
  return { year, month: monthNumber, day: dayNumber };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a full date (negative before). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY);
}

/** Days since 1970-01-01 of a value holding a full date, or null when it is not one (partial or invalid). */
export function parseDayNumber(value: string): number | null {
  const date = parsePartialDate(value);
  if (date === null || date.month === null || date.day === null) return null;
  return dayNumber(date.year, date.month, date.day);
}

/** ISO text (YYYY-MM-DD) of a day number. */
export function formatDayNumber(day: number): string {
  return new Date(day * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** Months since year 0 of a date known to the month (for month-resolution differences). */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}
