import { describe, expect, it } from "vitest";
import { canonicalDatePrecision, parseDate, parseDateParts, truncateDate } from "./dates.js";

describe("parseDate", () => {
  it.each([
    ["1980-05-17", "1980-05-17", "day"],
    ["1980-5-7", "1980-05-07", "day"],
    ["19800517", "1980-05-17", "day"],
    ["17/05/1980", "1980-05-17", "day"],
    ["7/5/1980", "1980-05-07", "day"],
    ["17-05-1980", "1980-05-17", "day"],
    ["17.05.1980", "1980-05-17", "day"],
    ["1980/05/17", "1980-05-17", "day"],
    ["1980-05-17T00:00:00Z", "1980-05-17", "day"],
    ["17/05/1980 00:00", "1980-05-17", "day"],
    [" 1980-05 ", "1980-05", "month"],
    ["198005", "1980-05", "month"],
    ["05/1980", "1980-05", "month"],
    ["1980", "1980", "year"],
    ["00/05/1980", "1980-05", "month"],
    ["1980-00-00", "1980", "year"],
    ["2024-02-29", "2024-02-29", "day"],
    ["2000-02-29", "2000-02-29", "day"],
  ])("reads %s as %s (%s precision)", (value, canonical, precision) => {
    expect(parseDate(value)).toEqual({ kind: "date", canonical, precision });
  });

  it.each([
    "2023-02-30",
    "2023-02-29",
    "1900-02-29",
    "1980-13-01",
    "1980-04-31",
    "31/06/1980",
    "1980-00-05",
    "0000-01-01",
    "13/1980",
  ])("flags %s as an impossible date", (value) => {
    expect(parseDate(value)).toEqual({ kind: "invalid" });
  });

  it.each(["", "abc", "1980-05-17x", "17/05/80", "1980-5", "12345"])("does not recognise %j", (value) => {
    const result = parseDate(value);
    // "1980-5" is a valid year-month; every other value has no accepted shape.
    if (value === "1980-5")
      expect(result).toEqual({ kind: "date", canonical: "1980-05", precision: "month" });
    else expect(result).toEqual({ kind: "unrecognised" });
  });

  it("tries only the formats given, in order, so MM/DD/YYYY can be chosen explicitly", () => {
    expect(parseDate("05/17/1980", ["MM/DD/YYYY"])).toEqual({
      kind: "date",
      canonical: "1980-05-17",
      precision: "day",
    });
    expect(parseDate("05/17/1980")).toEqual({ kind: "invalid" });
    expect(parseDate("1980-05-17", ["DD/MM/YYYY"])).toEqual({ kind: "unrecognised" });
  });
});

describe("parseDateParts", () => {
  it("gives year, month and day, 0 for the parts the value does not give", () => {
    expect(parseDateParts("17/05/1980")).toEqual({ kind: "date", date: { year: 1980, month: 5, day: 17 } });
    expect(parseDateParts("1980-05-00")).toEqual({ kind: "date", date: { year: 1980, month: 5, day: 0 } });
    expect(parseDateParts("1980")).toEqual({ kind: "date", date: { year: 1980, month: 0, day: 0 } });
    expect(parseDateParts("1980-02-30")).toEqual({ kind: "invalid" });
    expect(parseDateParts("17/05/1980", ["YYYY-MM-DD"])).toEqual({ kind: "unrecognised" });
  });
});

describe("date helpers", () => {
  it("truncates canonical dates and reads their precision", () => {
    expect(truncateDate("1980-05-17", "month")).toBe("1980-05");
    expect(truncateDate("1980-05-17", "year")).toBe("1980");
    expect(truncateDate("1980", "day")).toBe("1980");
    expect(["1980-05-17", "1980-05", "1980", "17/05/1980"].map(canonicalDatePrecision)).toEqual([
      "day",
      "month",
      "year",
      null,
    ]);
  });
});
