import { describe, expect, it } from "vitest";
import {
  comparePartialBirthDates,
  type PartialDateCategory,
  partialBirthDatesAgree,
  partialDateCategories,
} from "./partial-dates.js";

describe("comparePartialBirthDates", () => {
  it.each<[string, string, PartialDateCategory]>([
    ["1950-06-15", "1950-06-15", "exactDay"],
    ["1950-06-15", "19500615", "exactDay"],
    ["1950-06", "1950-06-15", "exactYearMonth"],
    ["1950-06", "1950-06", "exactYearMonth"],
    ["1950-06-15", "1950-06-16", "exactYearMonth"],
    ["1950-03-05", "1950-05-03", "dayMonthSwap"],
    ["1950-03-05", "1950-05", "dayMonthSwap"],
    ["1950-03-15", "1950-05", "sameYear"],
    ["1950-06", "1951-06", "sameMonthYearPlusMinusOne"],
    ["1950-06-15", "1949-06-01", "sameMonthYearPlusMinusOne"],
    ["1950-01", "1950-12", "sameYear"],
    ["1950-03-05", "1950-05-04", "sameYear"],
    ["1950", "1950-07", "sameYear"],
    ["1950-12", "1951-11", "within12Months"],
    ["1950-12", "1951-12-31", "sameMonthYearPlusMinusOne"],
    ["1950-06", "1952-06", "else"],
    ["1950", "1951-01", "else"],
  ])("%s / %s → %s", (left, right, category) => {
    expect(comparePartialBirthDates(left, right)).toBe(category);
    expect(comparePartialBirthDates(right, left)).toBe(category);
  });

  it("is null when a date is missing or unreadable", () => {
    expect(comparePartialBirthDates(null, "1950-06")).toBeNull();
    expect(comparePartialBirthDates("1950-13", "1950-06")).toBeNull();
  });

  it("does not call equal days with day = month a swap", () => {
    expect(partialBirthDatesAgree("1950-05-05", "1950-05-05", "dayMonthSwap")).toBe(false);
  });
});

describe("partialBirthDatesAgree", () => {
  it("tests each category literally, so that levels may come in any order", () => {
    // Same month a year apart: not the same year, even though sameMonthYearPlusMinusOne is listed before it.
    expect(partialBirthDatesAgree("1950-06", "1951-06", "sameYear")).toBe(false);
    expect(partialBirthDatesAgree("1950-06-15", "1950-06-15", "sameYear")).toBe(true);
    expect(partialBirthDatesAgree("1950-06-15", "1950-06-15", "within12Months")).toBe(true);
    expect(partialBirthDatesAgree("1950", "1950-06", "within12Months")).toBe(false);
    expect(partialBirthDatesAgree(null, "1950-06", "else")).toBe(false);
  });

  it("holds for the category comparePartialBirthDates reports and for no stronger one", () => {
    const dates = [
      "1950-06-15",
      "1950-06",
      "1950-15-06",
      "1950-05-03",
      "1950-03-05",
      "1951-06",
      "1950",
      "1949-07",
    ];
    for (const left of dates) {
      for (const right of dates) {
        const category = comparePartialBirthDates(left, right);
        if (category === null) continue;
        expect(partialBirthDatesAgree(left, right, category)).toBe(true);
        for (const stronger of partialDateCategories.slice(0, partialDateCategories.indexOf(category))) {
          expect(partialBirthDatesAgree(left, right, stronger)).toBe(false);
        }
      }
    }
  });
});
