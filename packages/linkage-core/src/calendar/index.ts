// Public surface of the calendar: date shapes, leap years, month lengths, day numbers and ISO formatting,
// shared by standardisation, the date comparators, the French comparators and synthetic data.
export {
  civilDateFromDayNumber,
  dayNumber,
  daysInMonth,
  formatDayNumber,
  formatIsoDate,
  isLeapYear,
  isValidCivilDate,
  monthIndex,
} from "./day-number.js";
export type { CalendarDate, CivilDate } from "./types.js";
