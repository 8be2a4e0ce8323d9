// Reading of the date shapes found in French health data as partial dates: every shape standardisation reads
// by default (ISO, compact, French day-first…) plus SAS DATE9 ("15JUN1950"). Calendar checks and day numbers
// come from the calendar module, the shapes from the data layer's date parser.
import { dayNumber } from "../calendar/day-number.js";
import { parseDateParts } from "../data/dates.js";

/** A date known to the year, the month or the day. Missing parts are null (month null implies day null). */
export interface PartialDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

/** SAS DATE9: day, English month abbreviation, four-digit year, as SAS exports of the SNDS write dates. */
const SAS_DATE9 = /^(\d{1,2})([A-Z]{3})(\d{4})$/i;
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

/**
 * Parses YYYY, YYYY-MM, YYYY-MM-DD, YYYYMM, YYYYMMDD, MM/YYYY, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYY/MM/DD
 * (the default formats of parseDate) and DDMONYYYY (SAS DATE9, English month abbreviations, any case). A zero
 * month or day ("1950-00-00", "1950-06-00") means that part is unknown. A time after a full date
 * ("2020-01-02T10:00", "2020-01-02 10:00:00") is ignored. Returns null for anything else, including impossible
 * dates such as 2021-02-29 and the year 0000.
 */
export function parsePartialDate(value: string): PartialDate | null {
  const text = value.trim();
  const result = parseDateParts(sasDate9AsIso(text) ?? text);
  if (result.kind !== "date") return null;
  const { year, month, day } = result.date;
  return { year, month: month === 0 ? null : month, day: day === 0 ? null : day };
}

/** "15JUN1950" → "1950-6-15" for the ISO reader (which checks the day); null when not SAS DATE9. */
function sasDate9AsIso(text: string): string | null {
  const match = SAS_DATE9.exec(text);
  if (match === null) return null;
  const month = MONTH_ABBREVIATIONS.indexOf(match[2]!.toUpperCase());
  // An unknown abbreviation cannot be a date: an impossible month makes the reader refuse it.
  return `${match[3]}-${month < 0 ? 13 : month + 1}-${match[1]}`;
}

/** Days since 1970-01-01 of a value holding a full date, or null when it is not one (partial or invalid). */
export function parseDayNumber(value: string): number | null {
  const date = parsePartialDate(value);
  if (date === null || date.month === null || date.day === null) return null;
  return dayNumber(date.year, date.month, date.day);
}
