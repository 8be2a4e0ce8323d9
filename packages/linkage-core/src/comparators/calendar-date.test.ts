import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { daysInMonth } from "../calendar/day-number.js";
import {
  type CalendarDate,
  dateDifferenceDays,
  dateDifferenceMonths,
  dateDifferenceYears,
  isDayMonthTransposition,
  parseCanonicalDate,
} from "./calendar-date.js";

function date(text: string): CalendarDate {
  const parsed = parseCanonicalDate(text);
  if (parsed === null) throw new Error(`test date ${text} is not canonical`);
  return parsed;
}

describe("parseCanonicalDate", () => {
  it("keeps the precision of the text", () => {
    expect(parseCanonicalDate("1984-07-23")).toEqual({ year: 1984, month: 7, day: 23 });
    expect(parseCanonicalDate("1984-07")).toEqual({ year: 1984, month: 7, day: 0 });
    expect(parseCanonicalDate("1984")).toEqual({ year: 1984, month: 0, day: 0 });
    expect(parseCanonicalDate("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it("returns null for non-canonical or impossible dates", () => {
    for (const text of [
      "",
      "84",
      "1984-7-23",
      "23/07/1984",
      "1984-07-23T00:00",
      "1984-13",
      "1984-00",
      "1984-07-00",
      "1984-04-31",
      "1900-02-29",
      "2023-02-29",
      "1984/07/23",
      "198a",
      " 1984",
      "1984-07-2x",
    ]) {
      expect(parseCanonicalDate(text), text).toBeNull();
    }
  });
});

describe("date differences", () => {
  it("count days between full dates only", () => {
    expect(dateDifferenceDays(date("2020-02-28"), date("2020-03-01"))).toBe(2);
    expect(dateDifferenceDays(date("2021-03-01"), date("2021-02-28"))).toBe(1);
    expect(dateDifferenceDays(date("1999-12-31"), date("2000-01-01"))).toBe(1);
    expect(dateDifferenceDays(date("2020-02"), date("2020-02-01"))).toBeNaN();
  });

  it("count complete months, using days when both dates have one", () => {
    expect(dateDifferenceMonths(date("2020-01-15"), date("2020-02-15"))).toBe(1);
    expect(dateDifferenceMonths(date("2020-01-15"), date("2020-02-14"))).toBe(0);
    expect(dateDifferenceMonths(date("2020-02-14"), date("2020-01-15"))).toBe(0);
    expect(dateDifferenceMonths(date("2020-01-31"), date("2020-02-29"))).toBe(0);
    expect(dateDifferenceMonths(date("2019-11-30"), date("2020-02-01"))).toBe(2);
    expect(dateDifferenceMonths(date("2019-11"), date("2020-02-01"))).toBe(3);
    expect(dateDifferenceMonths(date("2019-11"), date("2020-02"))).toBe(3);
    expect(dateDifferenceMonths(date("2020-05"), date("2020-05-31"))).toBe(0);
    expect(dateDifferenceMonths(date("2020"), date("2020-05"))).toBeNaN();
  });

  it("count complete years at the finest shared precision", () => {
    expect(dateDifferenceYears(date("1980-12-31"), date("1981-01-01"))).toBe(0);
    expect(dateDifferenceYears(date("1980-05-10"), date("1985-05-10"))).toBe(5);
    expect(dateDifferenceYears(date("1985-05-09"), date("1980-05-10"))).toBe(4);
    expect(dateDifferenceYears(date("1980-05"), date("1985-05-01"))).toBe(5);
    expect(dateDifferenceYears(date("1980-06"), date("1985-05"))).toBe(4);
    expect(dateDifferenceYears(date("1980"), date("1981-01-01"))).toBe(1);
    expect(dateDifferenceYears(date("1981"), date("1981-12-31"))).toBe(0);
  });

  it("are symmetric and consistent with one another on random dates", () => {
    const random = seedrandom("date-differences");
    const randomDate = (): CalendarDate => {
      const year = 1900 + Math.floor(random() * 130);
      const month = 1 + Math.floor(random() * 12);
      return { year, month, day: 1 + Math.floor(random() * daysInMonth(year, month)) };
    };
    for (let trial = 0; trial < 3000; trial++) {
      const a = randomDate();
      const b = randomDate();
      const months = dateDifferenceMonths(a, b);
      expect(dateDifferenceDays(a, b)).toBe(dateDifferenceDays(b, a));
      expect(months).toBe(dateDifferenceMonths(b, a));
      expect(dateDifferenceYears(a, b)).toBe(dateDifferenceYears(b, a));
      // Complete years are complete twelve-month runs; each complete month spans at least 28 days.
      expect(dateDifferenceYears(a, b)).toBe(Math.floor(months / 12));
      expect(dateDifferenceDays(a, b)).toBeGreaterThanOrEqual(28 * months);
      expect(dateDifferenceDays(a, b)).toBeLessThan(31 * (months + 1) + 1);
    }
  });
});

describe("isDayMonthTransposition", () => {
  it("detects day and month swapped within the same year", () => {
    expect(isDayMonthTransposition(date("2001-03-04"), date("2001-04-03"))).toBe(true);
    expect(isDayMonthTransposition(date("2001-04-03"), date("2001-03-04"))).toBe(true);
    expect(isDayMonthTransposition(date("2001-03-03"), date("2001-03-03"))).toBe(false);
    expect(isDayMonthTransposition(date("2001-03-04"), date("2002-04-03"))).toBe(false);
    expect(isDayMonthTransposition(date("2001-03-04"), date("2001-04-05"))).toBe(false);
    expect(isDayMonthTransposition(date("2001-03"), date("2001-03"))).toBe(false);
    // A day above 12 cannot be a month, so 2001-03-25 has no transposed twin.
    expect(isDayMonthTransposition(date("2001-03-25"), date("2001-12-03"))).toBe(false);
  });
});
