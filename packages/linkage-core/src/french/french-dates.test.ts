import { describe, expect, it } from "vitest";
import { formatDayNumber } from "../calendar/day-number.js";
import { parseDayNumber, parsePartialDate } from "./french-dates.js";

describe("parsePartialDate", () => {
  it.each([
    ["1950-06-15", { year: 1950, month: 6, day: 15 }],
    ["19500615", { year: 1950, month: 6, day: 15 }],
    ["15/06/1950", { year: 1950, month: 6, day: 15 }],
    ["15JUN1950", { year: 1950, month: 6, day: 15 }],
    ["15jun1950", { year: 1950, month: 6, day: 15 }],
    ["2020-01-02T10:30:00", { year: 2020, month: 1, day: 2 }],
    ["2020-01-02 10:30:00", { year: 2020, month: 1, day: 2 }],
    ["15.06.1950", { year: 1950, month: 6, day: 15 }],
    ["1950-06", { year: 1950, month: 6, day: null }],
    ["195006", { year: 1950, month: 6, day: null }],
    ["06/1950", { year: 1950, month: 6, day: null }],
    ["1950-06-00", { year: 1950, month: 6, day: null }],
    ["1950", { year: 1950, month: null, day: null }],
    ["1950-00-00", { year: 1950, month: null, day: null }],
  ])("%s", (value, date) => {
    expect(parsePartialDate(value)).toEqual(date);
  });

  it.each([
    "",
    "1950-13",
    "2021-02-29",
    "1950-00-12",
    "31/04/2020",
    "15XYZ1950",
    "31FEB2020",
    "0000-01-01",
    "hier",
  ])("rejects %s", (value) => {
    expect(parsePartialDate(value)).toBeNull();
  });

  it("accepts 29 February of a leap year", () => {
    expect(parsePartialDate("2020-02-29")).toEqual({ year: 2020, month: 2, day: 29 });
  });
});

describe("parseDayNumber", () => {
  it("counts days from 1970-01-01 for full dates only", () => {
    expect(parseDayNumber("1970-01-01")).toBe(0);
    expect(parseDayNumber("31/12/1969")).toBe(-1);
    expect(parseDayNumber("2020-03-01")! - parseDayNumber("2020-02-28")!).toBe(2);
    expect(formatDayNumber(parseDayNumber("02JAN2020")!)).toBe("2020-01-02");
    expect(parseDayNumber("2020-03")).toBeNull();
  });
});
