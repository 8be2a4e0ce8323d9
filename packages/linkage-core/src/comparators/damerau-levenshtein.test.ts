import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NAME_ALPHABET, randomString } from "../../test/random-strings.js";
import { damerauLevenshtein, damerauLevenshteinFlat } from "./damerau-levenshtein.js";
import { flattenStrings } from "./flat-strings.js";
import { levenshtein } from "./levenshtein.js";

/** Plain optimal-string-alignment dynamic programme over a full matrix: the reference. */
function referenceOptimalAlignment(a: string, b: string): number {
  const matrix = Array.from({ length: a.length + 1 }, (_, row) =>
    Array.from({ length: b.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  for (let row = 1; row <= a.length; row++) {
    for (let column = 1; column <= b.length; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let value = Math.min(
        matrix[row - 1][column - 1] + cost,
        matrix[row - 1][column] + 1,
        matrix[row][column - 1] + 1,
      );
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        value = Math.min(value, matrix[row - 2][column - 2] + 1);
      }
      matrix[row][column] = value;
    }
  }
  return matrix[a.length][b.length];
}

describe("damerauLevenshtein (optimal string alignment)", () => {
  it("matches published values", () => {
    // Wikipedia "Damerau–Levenshtein distance", OSA section: d(CA, ABC) = 3 under OSA, whereas the
    // unrestricted Damerau–Levenshtein distance is 2 (CA → AC → ABC edits the transposed pair again).
    expect(damerauLevenshtein("CA", "ABC")).toBe(3);
    expect(damerauLevenshtein("MARTHA", "MARHTA")).toBe(1);
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
    expect(damerauLevenshtein("", "")).toBe(0);
    expect(damerauLevenshtein("", "AB")).toBe(2);
    expect(damerauLevenshtein("AB", "BA")).toBe(1);
    expect(damerauLevenshtein("ABCD", "BADC")).toBe(2);
  });

  it("agrees with the plain dynamic programme on random strings of 0–40 code units", () => {
    const random = seedrandom("osa-reference");
    for (let trial = 0; trial < 3000; trial++) {
      const alphabet = trial % 2 === 0 ? "ABC" : NAME_ALPHABET;
      const a = randomString(random, 40, alphabet);
      const b = randomString(random, 40, alphabet);
      expect(damerauLevenshtein(a, b), `${a} / ${b}`).toBe(referenceOptimalAlignment(a, b));
    }
  });

  it("agrees with the reference on strings with adjacent swaps, around the 32-unit boundary", () => {
    const random = seedrandom("osa-swaps");
    for (let trial = 0; trial < 1500; trial++) {
      const a = randomString(random, 40, "ABCD");
      const units = [...a];
      for (let swap = Math.floor(random() * 4); swap > 0 && units.length > 1; swap--) {
        const position = Math.floor(random() * (units.length - 1));
        [units[position], units[position + 1]] = [units[position + 1], units[position]];
      }
      const b = units.join("");
      expect(damerauLevenshtein(a, b), `${a} / ${b}`).toBe(referenceOptimalAlignment(a, b));
    }
  });

  it("is symmetric, zero on identity and never above Levenshtein", () => {
    const random = seedrandom("osa-properties");
    for (let trial = 0; trial < 1500; trial++) {
      const a = randomString(random, 16);
      const b = randomString(random, 16);
      expect(damerauLevenshtein(a, a)).toBe(0);
      expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
      expect(damerauLevenshtein(a, b)).toBeLessThanOrEqual(levenshtein(a, b));
    }
  });

  it("is not a metric: the triangle inequality fails on CA, AC, ABC", () => {
    const direct = damerauLevenshtein("CA", "ABC");
    const throughAC = damerauLevenshtein("CA", "AC") + damerauLevenshtein("AC", "ABC");
    expect(direct).toBeGreaterThan(throughAC);
  });

  it("gives the same result on flat buffers as on strings", () => {
    const random = seedrandom("osa-flat");
    const values = Array.from({ length: 200 }, () => randomString(random, 40));
    const flat = flattenStrings(values);
    for (let trial = 0; trial < 2000; trial++) {
      const indexA = Math.floor(random() * values.length);
      const indexB = Math.floor(random() * values.length);
      expect(damerauLevenshteinFlat(flat, indexA, indexB)).toBe(
        damerauLevenshtein(values[indexA], values[indexB]),
      );
    }
  });
});
