// Date formatting for the generators: `YYYY-MM-DD` and `YYYY-MM` of day numbers, memoised, because they format
// millions of dates drawn from a few tens of thousands of days. Calendar arithmetic lives in `../calendar/`.
import {
  civilDateFromDayNumber,
  dayNumber,
  formatDayNumber,
  formatYear,
  twoDigits,
} from "../calendar/day-number.js";

/** Formatted dates are memoised for 1600–2199, which covers every date the generators draw. */
const FIRST_CACHED_DAY = dayNumber(1600, 1, 1);
const LAST_CACHED_DAY = dayNumber(2199, 12, 31);
// Filled with "" (not holes) so that V8 keeps fast packed arrays; "" means not formatted yet.
const isoDateCache: string[] = Array.from({ length: LAST_CACHED_DAY - FIRST_CACHED_DAY + 1 }, () => "");
const yearMonthCache: string[] = Array.from({ length: LAST_CACHED_DAY - FIRST_CACHED_DAY + 1 }, () => "");

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function formatDay(day: number): string {
  if (day < FIRST_CACHED_DAY || day > LAST_CACHED_DAY) return formatDayNumber(day);
  const slot = day - FIRST_CACHED_DAY;
  if (isoDateCache[slot] === "") isoDateCache[slot] = formatDayNumber(day);
  return isoDateCache[slot];
}

/** `YYYY-MM` of a day number (days since 1970-01-01). */
export function formatYearMonth(day: number): string {
  if (day < FIRST_CACHED_DAY || day > LAST_CACHED_DAY) return yearMonthOf(day);
  const slot = day - FIRST_CACHED_DAY;
  if (yearMonthCache[slot] === "") yearMonthCache[slot] = yearMonthOf(day);
  return yearMonthCache[slot];
}

function yearMonthOf(day: number): string {
  const date = civilDateFromDayNumber(day);
  return `${formatYear(date.year)}-${twoDigits(date.month)}`;
}
