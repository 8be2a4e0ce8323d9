// Dates parsed from the formats French and international exports use, keeping their precision. The canonical
// output — YYYY-MM-DD, YYYY-MM or YYYY — is the contract the date comparators rely on.

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

/**
 * Parses `value` with the first of `formats` whose shape it has. A day of 00 means "day unknown" and gives
 * a year-month; a month of 00 with day 00 gives a year (some registries code unknown parts with zeros).
 */
export function parseDate(
  value: string,
  formats: readonly DateFormat[] = defaultDateFormats,
): DateParseResult {
  const text = value.trim();
  for (const format of formats) {
    const { pattern, year: yearGroup, month: monthGroup, day: dayGroup } = formatPatterns[format];
    const match = pattern.exec(text);
    if (!match) continue;
    const year = Number(match[yearGroup]);
    const month = monthGroup === undefined ? undefined : Number(match[monthGroup]);
    const day = dayGroup === undefined ? undefined : Number(match[dayGroup]);
    return checkDate(year, month, day);
  }
  return { kind: "unrecognised" };
}

function checkDate(year: number, month: number | undefined, day: number | undefined): DateParseResult {
  if (year === 0) return { kind: "invalid" };
  if (month === undefined || (month === 0 && (day === undefined || day === 0))) {
    return { kind: "date", canonical: formatYear(year), precision: "year" };
  }
  if (month < 1 || month > 12) return { kind: "invalid" };
  if (day === undefined || day === 0) {
    return { kind: "date", canonical: `${formatYear(year)}-${twoDigits(month)}`, precision: "month" };
  }
  if (day > daysInMonth(year, month)) return { kind: "invalid" };
  return {
    kind: "date",
    canonical: `${formatYear(year)}-${twoDigits(month)}-${twoDigits(day)}`,
    precision: "day",
  };
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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

function formatYear(year: number): string {
  return String(year).padStart(4, "0");
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
