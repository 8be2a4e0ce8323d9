import { describe, expect, it } from "vitest";
import { civilFromDay, dayFromCivil, formatDay, formatYearMonth, isLeapYear } from "./civil-date.js";

describe("civil dates", () => {
  it("numbers days from 1970-01-01 like Date.UTC", () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    for (const [year, month, day] of [
      [1600, 1, 1],
      [1900, 3, 1],
      [2000, 2, 29],
      [2022, 12, 31],
      [1969, 12, 31],
    ] as const) {
      expect(dayFromCivil(year, month, day)).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
    }
  });

  it("round-trips every day from 1890 to 2030 and formats with padding", () => {
    const start = dayFromCivil(1890, 1, 1);
    const end = dayFromCivil(2030, 12, 31);
    for (let day = start; day <= end; day++) {
      const date = civilFromDay(day);
      expect(dayFromCivil(date.year, date.month, date.day)).toBe(day);
    }
    expect(formatDay(dayFromCivil(1600, 1, 1))).toBe("1600-01-01");
    expect(formatDay(dayFromCivil(2004, 2, 9))).toBe("2004-02-09");
    expect(formatYearMonth(dayFromCivil(1985, 11, 30))).toBe("1985-11");
  });

  it("knows Gregorian leap years", () => {
    expect([1900, 2000, 2004, 2023].map(isLeapYear)).toEqual([false, true, true, false]);
  });
});
