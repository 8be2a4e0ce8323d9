import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  damerauLevenshtein,
  dateDifferenceDays,
  jaro,
  jaroWinkler,
  levenshtein,
  parseCanonicalDate,
} from "../comparators/index.js";
import type { EncodedColumn } from "../data/dataset.js";
import { ColumnValues, parseNumber } from "./column-values.js";

function columnOf(values: readonly string[]): EncodedColumn {
  return { name: "name", dictionary: values, codes: new Int32Array(0) };
}

function randomWords(count: number, seed: string): string[] {
  const random = seedrandom(seed);
  const words = new Set<string>();
  while (words.size < count) {
    const length = 1 + Math.floor(random() * 12);
    let word = "";
    // A small alphabet makes near matches common, so every threshold is exercised.
    for (let index = 0; index < length; index++) word += "AEIMNRST"[Math.floor(random() * 8)];
    words.add(word);
  }
  return [...words];
}

const noPhonetics = () => "";

describe("similarity scorers", () => {
  const words = randomWords(300, "words");
  const column = columnOf(words);

  it.each([
    ["jaroWinkler", jaroWinkler],
    ["jaro", jaro],
  ] as const)(
    "decide %s ≥ threshold exactly as the comparator, despite the upper-bound shortcut",
    (name, compare) => {
      const thresholds = [0.95, 0.9, 0.8, 0.7];
      const scorer = new ColumnValues(noPhonetics).similarity(column, name, 2);
      for (const threshold of thresholds) scorer.admit(threshold);
      const random = seedrandom(name);
      let disagreements = 0;
      let above = 0;
      for (let draw = 0; draw < 20_000; draw++) {
        const codeA = Math.floor(random() * words.length);
        const codeB = Math.floor(random() * words.length);
        const exact = compare(words[codeA], words[codeB]);
        for (const threshold of thresholds) {
          if (exact >= threshold) above++;
          if (scorer.score(codeA, codeB) >= threshold !== exact >= threshold) disagreements++;
        }
      }
      expect(disagreements).toBe(0);
      expect(above).toBeGreaterThan(1000);
    },
  );

  it("returns the exact similarity when it reaches the loosest threshold", () => {
    const scorer = new ColumnValues(noPhonetics).similarity(columnOf(["MARTHA", "MARHTA"]), "jaroWinkler", 2);
    scorer.admit(0.5);
    expect(scorer.score(0, 1)).toBe(jaroWinkler("MARTHA", "MARHTA"));
  });
});

describe("edit-distance scorers", () => {
  const words = randomWords(300, "edits");
  const column = columnOf(words);

  it.each([
    ["levenshtein", levenshtein],
    ["damerauLevenshtein", damerauLevenshtein],
  ] as const)("decide %s ≤ threshold exactly as the comparator", (name, distance) => {
    const thresholds = [1, 2, 3];
    const scorer = new ColumnValues(noPhonetics).editDistance(column, name);
    for (const threshold of thresholds) scorer.admit(threshold);
    const random = seedrandom(name);
    let disagreements = 0;
    let within = 0;
    for (let draw = 0; draw < 20_000; draw++) {
      const codeA = Math.floor(random() * words.length);
      const codeB = Math.floor(random() * words.length);
      const exact = distance(words[codeA], words[codeB]);
      for (const threshold of thresholds) {
        if (exact <= threshold) within++;
        if (scorer.score(codeA, codeB) <= threshold !== exact <= threshold) disagreements++;
      }
    }
    expect(disagreements).toBe(0);
    expect(within).toBeGreaterThan(1000);
  });
});

describe("parseNumber", () => {
  it("accepts plain decimals, exponents, signs, spaces and a French decimal comma", () => {
    expect(parseNumber("42")).toBe(42);
    expect(parseNumber(" -3.5 ")).toBe(-3.5);
    expect(parseNumber("+.5")).toBe(0.5);
    expect(parseNumber("1e3")).toBe(1000);
    expect(parseNumber("12,5")).toBe(12.5);
  });

  it("rejects anything else", () => {
    for (const text of ["", " ", "0x10", "1 000", "1,000.5", "Infinity", "NaN", "12a", "1,2,3"]) {
      expect(parseNumber(text)).toBeNaN();
    }
  });
});

describe("day numbers", () => {
  it("give the same day differences as dateDifferenceDays, including leap days and early years", () => {
    const random = seedrandom("days");
    const texts = ["0004-02-29", "0099-12-31", "1900-02-28", "1900-03-01", "2000-02-29", "1980-05", "1980"];
    for (let index = 0; index < 300; index++) {
      const year = String(1 + Math.floor(random() * 2500)).padStart(4, "0");
      const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
      texts.push(`${year}-${month}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`);
    }
    const days = new ColumnValues(noPhonetics).dayNumbers(columnOf(texts));
    let compared = 0;
    for (let a = 0; a < texts.length; a++) {
      for (let b = 0; b < texts.length; b += 7) {
        const expected = dateDifferenceDays(parseCanonicalDate(texts[a])!, parseCanonicalDate(texts[b])!);
        const found = Math.abs(days[a] - days[b]);
        if (Number.isNaN(expected)) expect(found).toBeNaN();
        else expect(found).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
