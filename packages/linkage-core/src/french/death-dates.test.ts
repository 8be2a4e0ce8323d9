import { describe, expect, it } from "vitest";
import { compareDeathDates, type DeathDateCategory, deathDatesAgree, parseDeathDate } from "./death-dates.js";

describe("compareDeathDates", () => {
  it.each<[string | null, string | null, DeathDateCategory]>([
    ["2020-03-15", "2020-03-15", "exact"],
    ["2020-03-15", "15/03/2020", "exact"],
    ["2020-03-15", "2020-03-16", "withinOneDay"],
    ["2020-02-29", "2020-03-01", "withinOneDay"],
    ["2020-03-15", "2020-03-22", "withinSevenDays"],
    ["2020-01-30", "2020-02-04", "withinSevenDays"],
    ["2020-03-01", "2020-03-31", "sameMonth"],
    ["2020-03", "2020-03-15", "sameMonth"],
    ["2020-03", "2020-03", "sameMonth"],
    ["2020-03-15", null, "deadOnOneSideOnly"],
    [null, "2020-03-15", "deadOnOneSideOnly"],
    [null, null, "bothAlive"],
    ["", null, "bothAlive"],
    ["2020-03-15", "2020-04-15", "else"],
    ["2020-03", "2021-03", "else"],
  ])("%s / %s → %s", (left, right, category) => {
    expect(compareDeathDates(left, right)).toBe(category);
  });

  it.each(["1600-01-01", "1600-01", "160001", "16000101"])(
    "reads the SNDS placeholder %s as no death",
    (placeholder) => {
      expect(parseDeathDate(placeholder)).toBeNull();
      expect(compareDeathDates(placeholder, null)).toBe("bothAlive");
      expect(compareDeathDates(placeholder, "2019-05-02")).toBe("deadOnOneSideOnly");
    },
  );
});

describe("deathDatesAgree", () => {
  it("tests each category on its own terms", () => {
    expect(deathDatesAgree("2020-03-15", "2020-03-15", "withinSevenDays")).toBe(true);
    expect(deathDatesAgree("2020-03-15", "2020-03-15", "sameMonth")).toBe(true);
    expect(deathDatesAgree("2020-01-30", "2020-02-04", "sameMonth")).toBe(false);
    expect(deathDatesAgree(null, null, "deadOnOneSideOnly")).toBe(false);
    expect(deathDatesAgree(null, "1600-01-01", "bothAlive")).toBe(true);
    expect(deathDatesAgree("2020-03", "2020-03-02", "withinOneDay")).toBe(false);
  });
});
