import { describe, expect, it } from "vitest";
import { jaroWinkler } from "../src/comparators/index.js";
import {
  absoluteDifferenceAtThresholds,
  dateDifferenceAtThresholds,
  distanceKmAtThresholds,
  exactMatch,
  forenameSurnameComparison,
  jaroWinklerAtThresholds,
  levenshteinAtThresholds,
  nameComparison,
  relativeDifferenceAtThresholds,
} from "../src/comparisons/comparison-library.js";
import { type CompiledComparison, compileComparisons } from "../src/comparisons/compile-comparisons.js";
import type { ComparisonSpec, CustomLevelPredicate } from "../src/comparisons/types.js";
import { datasetFromRecords } from "../src/data/dataset.js";
import { SpecError } from "../src/errors.js";
import { phoneticCode } from "../src/french/phonetics.js";
import { NULL_LEVEL } from "../src/vectors/types.js";

type Row = Record<string, string | null>;

/** Level of each pair (row i, row j) of a one-comparison dataset. */
function compileOne(
  spec: ComparisonSpec,
  rows: readonly Row[],
  options: Parameters<typeof compileComparisons>[2] = {},
): { comparison: CompiledComparison; level: (rowA: number, rowB: number) => number } {
  const dataset = datasetFromRecords(
    "test",
    rows.map((row, index) => ({ id: String(index), ...row })),
    { idColumn: "id" },
  );
  const [comparison] = compileComparisons([spec], dataset, options);
  const level = (rowA: number, rowB: number) => {
    const keyA = comparison.rowKeys[rowA];
    const keyB = comparison.rowKeys[rowB];
    const cached = comparison.levelOfKeys(keyA, keyB);
    expect(comparison.levelOfKeys(keyB, keyA)).toBe(cached);
    expect(comparison.levelOfKeysUncached(keyA, keyB)).toBe(cached);
    return cached;
  };
  return { comparison, level };
}

/** Levels of row 0 against each other row. */
function levelsAgainstFirst(
  spec: ComparisonSpec,
  column: string,
  values: readonly (string | null)[],
): number[] {
  const { level } = compileOne(
    spec,
    values.map((value) => ({ [column]: value })),
  );
  return values.slice(1).map((_, index) => level(0, index + 1));
}

describe("exact and null levels", () => {
  it("gives null = -1, exact = highest, else = 0, whatever the order of the rows", () => {
    const { comparison, level } = compileOne(exactMatch("sex"), [
      { sex: "F" },
      { sex: "F" },
      { sex: "M" },
      { sex: null },
    ]);
    expect(comparison.levelCount).toBe(2);
    expect(comparison.levelLabels).toEqual(["else", "exact"]);
    expect(level(0, 1)).toBe(1);
    expect(level(0, 2)).toBe(0);
    expect(level(0, 3)).toBe(NULL_LEVEL);
    expect(level(3, 3)).toBe(NULL_LEVEL);
  });

  it("sends missing values to else when the comparison has no null level", () => {
    const spec: ComparisonSpec = {
      name: "sex",
      columns: ["sex"],
      levels: [{ kind: "exact" }, { kind: "else" }],
    };
    const { level } = compileOne(spec, [{ sex: "F" }, { sex: null }, { sex: null }]);
    expect(level(0, 1)).toBe(0);
    expect(level(1, 2)).toBe(0);
    expect(level(0, 0)).toBe(1);
  });
});

describe("similarity and edit-distance levels", () => {
  it("holds exactly at the Jaro–Winkler threshold and not just above it", () => {
    const score = jaroWinkler("MARTHA", "MARHTA");
    const values = ["MARTHA", "MARHTA"];
    expect(levelsAgainstFirst(jaroWinklerAtThresholds("name", [score]), "name", values)).toEqual([1]);
    expect(levelsAgainstFirst(jaroWinklerAtThresholds("name", [score + 1e-9]), "name", values)).toEqual([0]);
  });

  it("assigns the first Jaro–Winkler level reached", () => {
    // DWAYNE/DUANE ≈ 0.84, DIXON/DICKSONX ≈ 0.813, MARTHA/MARHTA ≈ 0.961 (Winkler's published examples).
    const { level } = compileOne(jaroWinklerAtThresholds("name", [0.95, 0.83]), [
      { name: "MARTHA" },
      { name: "MARHTA" },
      { name: "DWAYNE" },
      { name: "DUANE" },
      { name: "DIXON" },
      { name: "DICKSONX" },
    ]);
    expect(level(0, 1)).toBe(2);
    expect(level(2, 3)).toBe(1);
    expect(level(4, 5)).toBe(0);
    expect(level(0, 0)).toBe(3);
  });

  it("counts Levenshtein edits, and Damerau–Levenshtein transpositions as one", () => {
    const values = ["MARTIN", "MARTIN", "MARTAN", "MATRIN", "MARTINEZ", "DURAND"];
    expect(levelsAgainstFirst(levenshteinAtThresholds("name", [1, 2]), "name", values)).toEqual([
      3, 2, 1, 1, 0,
    ]);
    const damerau: ComparisonSpec = {
      name: "name",
      columns: ["name"],
      levels: [{ kind: "editDistance", comparator: "damerauLevenshtein", threshold: 1 }, { kind: "else" }],
    };
    expect(levelsAgainstFirst(damerau, "name", values)).toEqual([1, 1, 1, 0, 0]);
  });

  it("uses q for Jaccard levels", () => {
    const spec = (q: number): ComparisonSpec => ({
      name: "name",
      columns: ["name"],
      levels: [{ kind: "similarity", comparator: "jaccard", threshold: 0.5, q }, { kind: "else" }],
    });
    // Bigrams of ABCD/ABCE: {AB, BC, CD} vs {AB, BC, CE} → 2/4; trigrams: 1/3.
    expect(levelsAgainstFirst(spec(2), "name", ["ABCD", "ABCE"])).toEqual([1]);
    expect(levelsAgainstFirst(spec(3), "name", ["ABCD", "ABCE"])).toEqual([0]);
  });
});

describe("numeric levels", () => {
  it("compares absolute differences, parses decimal commas, and sends unparseable values to else", () => {
    const values = ["10", "10", "11.5", "12,5", "15", "ten", "1e1"];
    expect(levelsAgainstFirst(absoluteDifferenceAtThresholds("weight", [2, 3]), "weight", values)).toEqual([
      3, 2, 1, 0, 0, 2,
    ]);
  });

  it("compares relative differences", () => {
    const values = ["100", "104", "110", "200"];
    expect(
      levelsAgainstFirst(relativeDifferenceAtThresholds("amount", [0.05, 0.1]), "amount", values),
    ).toEqual([2, 1, 0]);
  });
});

describe("date levels", () => {
  const spec = dateDifferenceAtThresholds("birth", undefined, { dayMonthSwap: true });
  // Levels: exact 5, swap 4, ≤ 1 day 3, ≤ 1 month 2, ≤ 1 year 1, else 0.

  it("measures days, complete months and complete years", () => {
    const values = [
      "1980-05-12",
      "1980-05-12",
      "1980-05-13",
      "1980-06-11",
      "1981-05-11",
      "1985-01-01",
      "1980-12-05",
    ];
    expect(levelsAgainstFirst(spec, "birth", values)).toEqual([5, 3, 2, 1, 0, 4]);
  });

  it("compares partial dates at the precision they share", () => {
    // 1980-05 vs 1980-05-12: no day difference, 0 months; 1980 vs 1980-05-12: only years.
    const values = ["1980-05-12", "1980-05", "1980", "1982"];
    expect(levelsAgainstFirst(spec, "birth", values)).toEqual([2, 1, 0]);
  });

  it("treats invalid dates as not within any difference", () => {
    expect(levelsAgainstFirst(spec, "birth", ["1980-05-12", "1980-02-30", "12/05/1980"])).toEqual([0, 0]);
  });

  it("needs full dates for a day/month swap", () => {
    expect(levelsAgainstFirst(spec, "birth", ["1980-03-04", "1980-04-03", "1980-04"])).toEqual([4, 2]);
  });
});

describe("multi-column levels", () => {
  it("recognises forename and surname swapped, and a missing forename", () => {
    const { comparison, level } = compileOne(forenameSurnameComparison("forename", "surname"), [
      { forename: "JEAN", surname: "MARTIN" },
      { forename: "JEAN", surname: "MARTIN" },
      { forename: "MARTIN", surname: "JEAN" },
      { forename: "JEANNE", surname: "MARTINS" },
      { forename: null, surname: "MARTIN" },
      { forename: "JEAN", surname: null },
      { forename: null, surname: null },
      { forename: "PAUL", surname: "DURAND" },
      { forename: "JEAN", surname: "DURAND" },
    ]);
    expect(comparison.levelLabels).toEqual([
      "else",
      "exact forename only",
      "exact surname only",
      "Jaro–Winkler ≥ 0.88 on forename and surname",
      "Jaro–Winkler ≥ 0.92 on forename and surname",
      "forename and surname swapped",
      "exact forename and surname",
    ]);
    expect(level(0, 1)).toBe(6);
    expect(level(0, 2)).toBe(5);
    expect(level(2, 0)).toBe(5);
    expect(level(0, 3)).toBe(4);
    expect(level(0, 4)).toBe(2);
    expect(level(0, 5)).toBe(1);
    expect(level(4, 5)).toBe(NULL_LEVEL);
    expect(level(0, 6)).toBe(NULL_LEVEL);
    expect(level(0, 7)).toBe(0);
    expect(level(0, 8)).toBe(1);
    expect(level(4, 4)).toBe(2);
  });

  it("makes the pair null when any coordinate is missing, and measures great-circle distance", () => {
    const { level } = compileOne(distanceKmAtThresholds("latitude", "longitude", [1, 10, 50]), [
      { latitude: "48.8566", longitude: "2.3522" }, // Paris
      { latitude: "48.8049", longitude: "2.1204" }, // Versailles, about 17.8 km
      { latitude: "48.8570", longitude: "2.3530" }, // about 70 m away
      { latitude: "45.7640", longitude: "4.8357" }, // Lyon, about 390 km
      { latitude: "48.8566", longitude: null },
      { latitude: "north", longitude: "2.3522" },
    ]);
    expect(level(0, 1)).toBe(1);
    expect(level(0, 2)).toBe(3);
    expect(level(0, 3)).toBe(0);
    expect(level(0, 4)).toBe(NULL_LEVEL);
    expect(level(0, 5)).toBe(0);
  });

  it("treats a null in any column as null by default", () => {
    const spec: ComparisonSpec = {
      name: "place",
      columns: ["city", "postcode"],
      levels: [{ kind: "null" }, { kind: "exact", columns: ["city", "postcode"] }, { kind: "else" }],
    };
    const { level } = compileOne(spec, [
      { city: "LYON", postcode: "69001" },
      { city: "LYON", postcode: "69001" },
      { city: "LYON", postcode: null },
      { city: "LYON", postcode: "69002" },
    ]);
    expect(level(0, 1)).toBe(1);
    expect(level(0, 2)).toBe(NULL_LEVEL);
    expect(level(0, 3)).toBe(0);
  });
});

describe("literal, custom and phonetic levels", () => {
  it("holds a literal level only when both records have the value", () => {
    const spec: ComparisonSpec = {
      name: "twin",
      columns: ["twin"],
      levels: [{ kind: "null" }, { kind: "literal", value: "Y" }, { kind: "exact" }, { kind: "else" }],
    };
    expect(levelsAgainstFirst(spec, "twin", ["Y", "Y", "N"])).toEqual([2, 0]);
    expect(levelsAgainstFirst(spec, "twin", ["N", "N", "Y"])).toEqual([1, 0]);
  });

  it("calls custom predicates with the decoded values, nulls included", () => {
    const sameInitial: CustomLevelPredicate = (left, right) =>
      left[0] !== null && right[0] !== null && left[0][0] === right[0][0];
    const spec: ComparisonSpec = {
      name: "name",
      columns: ["name"],
      levels: [{ kind: "custom", name: "sameInitial" }, { kind: "else" }],
    };
    const { level } = compileOne(
      spec,
      [{ name: "ANNE" }, { name: "ALICE" }, { name: "BOB" }, { name: null }],
      {
        customLevels: { sameInitial },
      },
    );
    expect(level(0, 1)).toBe(1);
    expect(level(0, 2)).toBe(0);
    expect(level(0, 3)).toBe(0);
  });

  it("compares phonetic codes from an injected encoder; an empty code never agrees", () => {
    const consonants = (_algorithm: string, value: string) => value.replace(/[AEIOUY]/g, "");
    const spec = nameComparison("name", { phonetic: "soundexFr" });
    const { level } = compileOne(
      spec,
      [{ name: "MARTIN" }, { name: "MARTYN" }, { name: "DUPONT" }, { name: "AU" }, { name: "EAU" }],
      {
        phoneticEncoder: consonants,
      },
    );
    // Levels: exact 4, phonetic 3, JW ≥ 0.92 2, JW ≥ 0.88 1, else 0.
    expect(level(0, 1)).toBe(3);
    expect(level(0, 2)).toBe(0);
    expect(level(3, 4)).toBe(0);
  });

  it("uses the library's phoneticCode by default", () => {
    const names = ["DUPONT", "DUPOND", "DURAND"];
    const spec: ComparisonSpec = {
      name: "name",
      columns: ["name"],
      levels: [{ kind: "phonetic", algorithm: "phonex" }, { kind: "else" }],
    };
    const expected = names
      .slice(1)
      .map((name) => (phoneticCode("phonex", name) === phoneticCode("phonex", names[0]) ? 1 : 0));
    expect(levelsAgainstFirst(spec, "name", names)).toEqual(expected);
  });
});

describe("compileComparisons errors and metadata", () => {
  const dataset = datasetFromRecords("test", [{ id: "1", first_name: "A", surname: "B" }], {
    idColumn: "id",
  });

  it("reports unknown columns, unknown custom levels and duplicate names together", () => {
    const specs: ComparisonSpec[] = [
      exactMatch("firstname"),
      {
        name: "surname",
        columns: ["surname"],
        levels: [{ kind: "custom", name: "sameSound" }, { kind: "else" }],
      },
      exactMatch("surname"),
    ];
    let error: SpecError | undefined;
    try {
      compileComparisons(specs, dataset, { customLevels: { sameSounds: () => true } });
    } catch (caught) {
      error = caught as SpecError;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect(error?.issues.map((issue) => issue.jsonPath)).toEqual([
      "$.comparisons[0].columns[0]",
      "$.comparisons[1].levels[0].name",
      "$.comparisons[2].name",
    ]);
    expect(error?.issues[0].message).toContain('did you mean "first_name"');
    expect(error?.issues[1].message).toContain('did you mean "sameSounds"');
  });

  it("validates factory-built specs like parsed ones", () => {
    expect(() => compileComparisons([jaroWinklerAtThresholds("surname", [1.5])], dataset)).toThrow(
      /levels\[2\]\.threshold/,
    );
  });

  it("exposes the term-frequency level, its weight and column", () => {
    const [plain, adjusted] = compileComparisons(
      [
        exactMatch("first_name"),
        jaroWinklerAtThresholds("surname", [0.9], { termFrequency: true, termFrequencyWeight: 0.5 }),
      ],
      dataset,
    );
    expect(plain.termFrequency).toBeUndefined();
    expect(adjusted.termFrequency).toEqual({ level: 2, weight: 0.5, column: "surname" });
  });
});
