import { describe, expect, it } from "vitest";
import { dayNumber } from "../calendar/day-number.js";
import { formatDay, formatYearMonth } from "./civil-date.js";

describe("memoised date formatting", () => {
  it("formats with padding, inside and outside the memoised years, and again from the cache", () => {
    expect(formatDay(dayNumber(1600, 1, 1))).toBe("1600-01-01");
    expect(formatDay(dayNumber(2004, 2, 9))).toBe("2004-02-09");
    expect(formatDay(dayNumber(2004, 2, 9))).toBe("2004-02-09");
    expect(formatDay(dayNumber(1599, 12, 31))).toBe("1599-12-31");
    expect(formatDay(dayNumber(2200, 1, 1))).toBe("2200-01-01");
    expect(formatYearMonth(dayNumber(1985, 11, 30))).toBe("1985-11");
    expect(formatYearMonth(dayNumber(1985, 11, 30))).toBe("1985-11");
    expect(formatYearMonth(dayNumber(812, 3, 4))).toBe("0812-03");
  });

  it("agrees with Date#toISOString on every day of the memoised range's edges and a sample inside", () => {
    const days = [dayNumber(1600, 1, 1), dayNumber(2199, 12, 31), 0, -1, 10_957, 18_321];
    for (let day = dayNumber(1999, 12, 1); day <= dayNumber(2000, 3, 31); day++) days.push(day);
    for (const day of days) {
      const iso = new Date(day * 86_400_000).toISOString();
      expect(formatDay(day)).toBe(iso.slice(0, 10));
      expect(formatYearMonth(day)).toBe(iso.slice(0, 7));
    }
  });
});
