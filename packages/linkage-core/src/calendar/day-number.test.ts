import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  civilDateFromDayNumber,
  dayNumber,
  daysInMonth,
  formatDayNumber,
  formatIsoDate,
  isLeapYear,
  isValidCivilDate,
  monthIndex,
} from "./day-number.js";

const MILLISECONDS_PER_DAY = 86_400_000;

/** The day number of a date through Date, which maps years 0–99 to 1900–1999 unless set with setUTCFullYear. */
function dayNumberByDate(year: number, month: number, day: number): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return utc.getTime() / MILLISECONDS_PER_DAY;
}

describe("leap years and month lengths", () => {
  it("knows Gregorian leap years", () => {
    expect([1600, 1900, 2000, 2004, 2023, 2100].map(isLeapYear)).toEqual([
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it("knows Gregorian month lengths", () => {
    expect([1900, 2000, 2023, 2024].map((year) => daysInMonth(year, 2))).toEqual([28, 29, 28, 29]);
    expect(daysInMonth(2023, 11)).toBe(30);
    expect([1, 3, 5, 7, 8, 10, 12].map((month) => daysInMonth(2023, month))).toEqual([
      31, 31, 31, 31, 31, 31, 31,
    ]);
    // Years below 100 follow the same rules (Date.UTC would read year 4 as 1904).
    expect(daysInMonth(4, 2)).toBe(29);
    expect(daysInMonth(100, 2)).toBe(28);
  });

  it("checks that a date exists", () => {
    expect(isValidCivilDate(2024, 2, 29)).toBe(true);
    expect(isValidCivilDate(2023, 2, 29)).toBe(false);
    expect(isValidCivilDate(2023, 4, 31)).toBe(false);
    expect(isValidCivilDate(2023, 0, 1)).toBe(false);
    expect(isValidCivilDate(2023, 13, 1)).toBe(false);
    expect(isValidCivilDate(2023, 1, 0)).toBe(false);
    expect(isValidCivilDate(2023, 1.5, 1)).toBe(false);
  });
});

describe("dayNumber", () => {
  it("counts days from 1970-01-01 in the proleptic Gregorian calendar", () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2000, 3, 1)).toBe(11017);
    expect(dayNumber(1600, 1, 1)).toBe(-135140);
    expect(dayNumber(2020, 3, 1) - dayNumber(2020, 2, 28)).toBe(2);
  });

  it("agrees with Date on random dates from year 1 to 9999", () => {
    const random = seedrandom("day-number");
    for (let trial = 0; trial < 5000; trial++) {
      const year = 1 + Math.floor(random() * 9999);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * daysInMonth(year, month));
      expect(dayNumber(year, month, day), `${year}-${month}-${day}`).toBe(dayNumberByDate(year, month, day));
    }
  });

  it("lets the day run past the end of the month", () => {
    expect(dayNumber(2023, 1, 32)).toBe(dayNumber(2023, 2, 1));
  });
});

describe("civilDateFromDayNumber", () => {
  it("inverts dayNumber on every day from 1890 to 2030", () => {
    const start = dayNumber(1890, 1, 1);
    const end = dayNumber(2030, 12, 31);
    let mismatches = 0;
    for (let day = start; day <= end; day++) {
      const date = civilDateFromDayNumber(day);
      if (
        dayNumber(date.year, date.month, date.day) !== day ||
        !isValidCivilDate(date.year, date.month, date.day)
      )
        mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("inverts dayNumber far from the epoch, before year 0 included", () => {
    for (const date of [
      { year: -1, month: 12, day: 31 },
      { year: 0, month: 2, day: 29 },
      { year: 1, month: 1, day: 1 },
      { year: 1600, month: 1, day: 1 },
      { year: 9999, month: 12, day: 31 },
      { year: 12345, month: 6, day: 7 },
    ]) {
      expect(civilDateFromDayNumber(dayNumber(date.year, date.month, date.day))).toEqual(date);
    }
  });
});

describe("ISO formatting", () => {
  it("writes YYYY-MM-DD with padding", () => {
    expect(formatDayNumber(dayNumber(2020, 1, 2))).toBe("2020-01-02");
    expect(formatDayNumber(dayNumber(1600, 1, 1))).toBe("1600-01-01");
    expect(formatIsoDate({ year: 2004, month: 2, day: 9 })).toBe("2004-02-09");
    expect(formatIsoDate({ year: 42, month: 11, day: 30 })).toBe("0042-11-30");
  });

  it("writes what Date#toISOString writes, outside years 0–9999 too", () => {
    for (const days of [-800_000, -719_529, -1, 0, 18_263, 2_932_896, 2_932_897, 3_000_000]) {
      expect(formatDayNumber(days), String(days)).toBe(
        new Date(days * MILLISECONDS_PER_DAY).toISOString().slice(0, -14),
      );
    }
  });
});

describe("monthIndex", () => {
  it("counts months, so that differences span year ends", () => {
    expect(monthIndex(2021, 1) - monthIndex(2020, 12)).toBe(1);
    expect(monthIndex(2021, 3) - monthIndex(2020, 3)).toBe(12);
  });
});
