import { describe, expect, it } from "vitest";
import {
  absoluteDifferenceAtThresholds,
  damerauLevenshteinAtThresholds,
  dateDifferenceAtThresholds,
  diceAtThresholds,
  distanceKmAtThresholds,
  exactMatch,
  forenameSurnameComparison,
  jaccardAtThresholds,
  jaroAtThresholds,
  jaroWinklerAtThresholds,
  levenshteinAtThresholds,
  nameComparison,
  relativeDifferenceAtThresholds,
} from "./comparison-library.js";
import { levelLabel } from "./level-labels.js";
import type { ComparisonSpec } from "./types.js";
import { validateComparison } from "./validate-comparison.js";

const labels = (comparison: ComparisonSpec) =>
  comparison.levels.map((level) => levelLabel(level, comparison));

describe("comparison library", () => {
  it("expands Jaro–Winkler to null → exact → thresholds → else, Splink's shape", () => {
    expect(jaroWinklerAtThresholds("first_name")).toEqual({
      name: "first_name",
      columns: ["first_name"],
      levels: [
        { kind: "null" },
        { kind: "exact" },
        { kind: "similarity", comparator: "jaroWinkler", threshold: 0.92 },
        { kind: "similarity", comparator: "jaroWinkler", threshold: 0.88 },
        { kind: "else" },
      ],
    });
  });

  it("puts the term-frequency adjustment on the exact level", () => {
    expect(exactMatch("surname", { termFrequency: true }).levels[1]).toEqual({
      kind: "exact",
      termFrequency: true,
    });
    expect(exactMatch("surname", { termFrequency: true, termFrequencyWeight: 0.5 }).levels[1]).toEqual({
      kind: "exact",
      termFrequency: true,
      termFrequencyWeight: 0.5,
    });
    expect(exactMatch("surname").levels[1]).toEqual({ kind: "exact" });
  });

  it("gives every level a default label", () => {
    expect(labels(jaroWinklerAtThresholds("a"))).toEqual([
      "null",
      "exact",
      "Jaro–Winkler ≥ 0.92",
      "Jaro–Winkler ≥ 0.88",
      "else",
    ]);
    expect(labels(jaccardAtThresholds("a", [0.8], { q: 3 }))[2]).toBe("Jaccard (3-grams) ≥ 0.8");
    expect(labels(diceAtThresholds("a", [0.8]))[2]).toBe("Dice (2-grams) ≥ 0.8");
    expect(labels(damerauLevenshteinAtThresholds("a", [1]))[2]).toBe("Damerau–Levenshtein ≤ 1");
    expect(labels(relativeDifferenceAtThresholds("a", [0.1]))[2]).toBe("relative difference ≤ 0.1");
    expect(labels(dateDifferenceAtThresholds("a", undefined, { dayMonthSwap: true }))).toEqual([
      "null",
      "exact",
      "day and month swapped",
      "within 1 day",
      "within 1 month",
      "within 1 year",
      "else",
    ]);
    expect(labels(distanceKmAtThresholds("lat", "lon", [5]))).toEqual(["null", "within 5 km", "else"]);
    expect(labels(nameComparison("a", { phonetic: "soundexFr" }))[2]).toBe("same French Soundex code");
  });

  it("names the column in labels of multi-column comparisons only", () => {
    const comparison: ComparisonSpec = {
      name: "place",
      columns: ["city", "postcode"],
      levels: [{ kind: "exact", column: "postcode" }, { kind: "exact" }, { kind: "else", label: "other" }],
    };
    expect(labels(comparison)).toEqual(["exact (postcode)", "exact (city)", "other"]);
  });

  it("builds forename/surname levels in Splink's order, null only when both are missing", () => {
    const comparison = forenameSurnameComparison("forename", "surname", { thresholds: [0.9] });
    expect(comparison.levels.map((level) => level.kind)).toEqual([
      "null",
      "exact",
      "columnsReversed",
      "similarity",
      "exact",
      "exact",
      "else",
    ]);
    expect(comparison.levels[0]).toEqual({ kind: "null", columnsMissing: "all" });
    expect(comparison.name).toBe("forename_surname");
  });

  it("produces valid comparisons from every factory", () => {
    const all = [
      exactMatch("a"),
      jaroWinklerAtThresholds("a"),
      jaroAtThresholds("a"),
      jaccardAtThresholds("a"),
      diceAtThresholds("a"),
      levenshteinAtThresholds("a"),
      damerauLevenshteinAtThresholds("a"),
      absoluteDifferenceAtThresholds("a", [1, 2]),
      relativeDifferenceAtThresholds("a", [0.1]),
      dateDifferenceAtThresholds("a", undefined, { dayMonthSwap: true }),
      distanceKmAtThresholds("lat", "lon"),
      nameComparison("a", { phonetic: "phonex", termFrequency: true }),
      forenameSurnameComparison("f", "s"),
    ];
    for (const comparison of all) expect(validateComparison(comparison, "$")).toEqual([]);
  });

  it("reports an out-of-order factory call as an unreachable level", () => {
    const issues = validateComparison(levenshteinAtThresholds("a", [2, 1]), "$.comparisons[0]");
    expect(issues.map((issue) => issue.jsonPath)).toEqual(["$.comparisons[0].levels[3]"]);
  });
});
