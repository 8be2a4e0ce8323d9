// Dates parsed from the formats French and international exports use, keeping their precision. The canonical
// output — YYYY-MM-DD, YYYY-MM or YYYY — is the contract the date comparators rely on. Calendar rules (month
// lengths, leap years) come from the calendar module.
import { formatYear, isValidCivilDate, twoDigits } from "../calendar/day-number.js";
import type { CalendarDate } from "../calendar/types.js";

export type DateFormat =
  | "YYYY-MM-DD"
  | "YYYYMMDD"
  | "DD/MM/YYYY"
  | "DD-MM-YYYY"
  | "DD.MM.YYYY"
  | "YYYY/MM/DD"
  | "MM/DD/YYYY"
  | "YYYY-MM"
  | "YYYYMM"
  | "MM/YYYY"
  | "YYYY";

export type DatePrecision = "day" | "month" | "year";

/** Every format but the American MM/DD/YYYY, which cannot be told apart from DD/MM/YYYY. */
export const defaultDateFormats: readonly DateFormat[] = [
  "YYYY-MM-DD",
  "YYYYMMDD",
  "DD/MM/YYYY",
  "DD-MM-YYYY",
  "DD.MM.YYYY",
  "YYYY/MM/DD",
  "YYYY-MM",
  "YYYYMM",
  "MM/YYYY",
  "YYYY",
];

export const dateFormats: readonly DateFormat[] = [...defaultDateFormats, "MM/DD/YYYY"];

/**
 * Values meaning "unknown date" in French health data (SNDS writes 1600-01-01) and in common exports.
 * They become null without a warning.
 */
export const defaultDateSentinels: readonly string[] = [
  "1600-01-01",
  "1600-01",
  "160001",
  "16000101",
  "0000-00-00",
  "00/00/0000",
  "00000000",
  "000000",
  "9999-12-31",
  "31/12/9999",
];

export type DateParseResult =
  | { readonly kind: "date"; readonly canonical: string; readonly precision: DatePrecision }
  /** Shaped like a date of an accepted format but impossible (2023-02-30, month 13). */
  | { readonly kind: "invalid" }
  /** Not shaped like any accepted format. */
  | { readonly kind: "unrecognised" };

/** A time of day after a full date, as spreadsheets and databases write it; ignored. */
const timeSuffix = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const dayOrMonth = String.raw`(\d{1,2})`;

/** For each format: its pattern and which capture groups hold year, month and day. */
const formatPatterns: Readonly<
  Record<DateFormat, { pattern: RegExp; year: number; month?: number; day?: number }>
> = {
  "YYYY-MM-DD": {
    pattern: new RegExp(`^(\\d{4})-${dayOrMonth}-${dayOrMonth}${timeSuffix}$`),
    year: 1,
    month: 2,
    day: 3,
  },
  YYYYMMDD: { pattern: /^(\d{4})(\d{2})(\d{2})$/, year: 1, month: 2, day: 3 },
  "DD/MM/YYYY": {
    pattern: new RegExp(`^${dayOrMonth}/${dayOrMonth}/(\\d{4})${timeSuffix}$`),
    year: 3,
    month: 2,
    day: 1,
  },
  "DD-MM-YYYY": {
    pattern: new RegExp(`^${dayOrMonth}-${dayOrMonth}-(\\d{4})${timeSuffix}$`),
    year: 3,
    month: 2,
    day: 1,
  },
  "DD.MM.YYYY": {
    pattern: new RegExp(`^${dayOrMonth}\\.${dayOrMonth}\\.(\\d{4})${timeSuffix}$`),
    year: 3,
    month: 2,
    day: 1,
  },
  "YYYY/MM/DD": {
    pattern: new RegExp(`^(\\d{4})/${dayOrMonth}/${dayOrMonth}${timeSuffix}$`),
    year: 1,
    month: 2,
    day: 3,
  },
  "MM/DD/YYYY": {
    pattern: new RegExp(`^${dayOrMonth}/${dayOrMonth}/(\\d{4})${timeSuffix}$`),
    year: 3,
    month: 1,
    day: 2,
  },
  "YYYY-MM": { pattern: /^(\d{4})-(\d{1,2})$/, year: 1, month: 2 },
  YYYYMM: { pattern: /^(\d{4})(\d{2})$/, year: 1, month: 2 },
  "MM/YYYY": { pattern: /^(\d{1,2})\/(\d{4})$/, year: 2, month: 1 },
  YYYY: { pattern: /^(\d{4})$/, year: 1 },
};

/** A value read as date parts, before canonical formatting (see {@link parseDate} for the other outcomes). */
export type DatePartsResult =
  | { readonly kind: "date"; readonly date: CalendarDate }
  | { readonly kind: "invalid" }
  | { readonly kind: "unrecognised" };

/**
 * Reads `value` with the first of `formats` whose shape it has, into year, month and day (0 when the value
 * does not give them). A day of 00 means "day unknown" and gives a year-month; a month of 00 with day 00
 * gives a year (some registries code unknown parts with zeros).
 */
export function parseDateParts(
  value: string,
  formats: readonly DateFormat[] = defaultDateFormats,
): DatePartsResult {
  const text = value.trim();
  for (const format of formats) {
    const { pattern, year: yearGroup, month: monthGroup, day: dayGroup } = formatPatterns[format];
    const match = pattern.exec(text);
    if (!match) continue;
    const year = Number(match[yearGroup]);
    const month = monthGroup === undefined ? 0 : Number(match[monthGroup]);
    const day = dayGroup === undefined ? 0 : Number(match[dayGroup]);
    return checkDate(year, month, day);
  }
  return { kind: "unrecognised" };
}

/**
 * Parses `value` with the first of `formats` whose shape it has, into canonical text at the precision the
 * value gives (zeros for unknown parts as in {@link parseDateParts}).
 */
export function parseDate(
  value: string,
  formats: readonly DateFormat[] = defaultDateFormats,
): DateParseResult {
  const result = parseDateParts(value, formats);
  if (result.kind !== "date") return result;
  const { year, month, day } = result.date;
  if (month === 0) return { kind: "date", canonical: formatYear(year), precision: "year" };
  const yearMonth = `${formatYear(year)}-${twoDigits(month)}`;
  if (day === 0) return { kind: "date", canonical: yearMonth, precision: "month" };
  return { kind: "date", canonical: `${yearMonth}-${twoDigits(day)}`, precision: "day" };
}

/** Checks the parts against the calendar. Year 0000 is how some exports write "unknown", so it is refused. */
function checkDate(year: number, month: number, day: number): DatePartsResult {
  if (year === 0) return { kind: "invalid" };
  if (month === 0)
    return day === 0 ? { kind: "date", date: { year, month: 0, day: 0 } } : { kind: "invalid" };
  if (day === 0) return month <= 12 ? { kind: "date", date: { year, month, day: 0 } } : { kind: "invalid" };
  return isValidCivilDate(year, month, day)
    ? { kind: "date", date: { year, month, day } }
    : { kind: "invalid" };
}

/** A canonical date cut to at most `precision`: 1980-05-17 at "month" → 1980-05. */
export function truncateDate(canonical: string, precision: DatePrecision): string {
  const length = precision === "year" ? 4 : precision === "month" ? 7 : 10;
  return canonical.slice(0, length);
}

/** Precision of a canonical date string, or null when it is not one. */
export function canonicalDatePrecision(canonical: string): DatePrecision | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(canonical)) return "day";
  if (/^\d{4}-\d{2}$/.test(canonical)) return "month";
  if (/^\d{4}$/.test(canonical)) return "year";
  return null;
}
