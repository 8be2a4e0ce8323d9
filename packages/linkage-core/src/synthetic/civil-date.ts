// Calendar dates as integer day numbers (days since 1970-01-01), formatted without Date objects so that
// generating millions of dates allocates only the output strings.

/** Day number of a proleptic Gregorian date (month 1–12, day 1–31). */
export function dayFromCivil(year: number, month: number, day: number): number {
  // Counting years from March puts the leap day last, which makes the month lengths a simple formula.
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Year, month (1–12) and day (1–31) of a day number. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function pad4(value: number): string {
  return value < 1000 ? String(value).padStart(4, "0") : String(value);
}

/** `YYYY-MM-DD`. */
export function formatIsoDate(date: CivilDate): string {
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;
}

/**
 * Formatted dates are memoised by day number for 1600–2199: generators format millions of dates drawn from
 * a few tens of thousands of days, and reusing the strings spares the allocations.
 */
const FIRST_CACHED_DAY = dayFromCivil(1600, 1, 1);
const LAST_CACHED_DAY = dayFromCivil(2199, 12, 31);
// Filled with "" (not holes) so that V8 keeps fast packed arrays; "" means not formatted yet.
const isoDateCache: string[] = Array.from({ length: LAST_CACHED_DAY - FIRST_CACHED_DAY + 1 }, () => "");
const yearMonthCache: string[] = Array.from({ length: LAST_CACHED_DAY - FIRST_CACHED_DAY + 1 }, () => "");

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: number): string {
  if (dayNumber < FIRST_CACHED_DAY || dayNumber > LAST_CACHED_DAY)
    return formatIsoDate(civilFromDay(dayNumber));
  const slot = dayNumber - FIRST_CACHED_DAY;
  if (isoDateCache[slot] === "") isoDateCache[slot] = formatIsoDate(civilFromDay(dayNumber));
  return isoDateCache[slot];
}

/** `YYYY-MM` of a day number. */
export function formatYearMonth(dayNumber: number): string {
  const format = () => {
    const date = civilFromDay(dayNumber);
    return `${pad4(date.year)}-${pad2(date.month)}`;
  };
  if (dayNumber < FIRST_CACHED_DAY || dayNumber > LAST_CACHED_DAY) return format();
  const slot = dayNumber - FIRST_CACHED_DAY;
  if (yearMonthCache[slot] === "") yearMonthCache[slot] = format();
  return yearMonthCache[slot];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
