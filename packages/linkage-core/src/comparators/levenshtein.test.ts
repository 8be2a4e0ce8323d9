import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NAME_ALPHABET, randomString } from "../../test/random-strings.js";
import { LinkageError } from "../errors.js";
import { flattenStrings } from "./flat-strings.js";
import { levenshtein, levenshteinFlat, levenshteinWithin, levenshteinWithinFlat } from "./levenshtein.js";

/** Plain Wagner–Fischer dynamic programme, the reference the fast kernels must agree with. */
function referenceLevenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, column) => column);
  for (let row = 1; row <= a.length; row++) {
    const current = [row];
    for (let column = 1; column <= b.length; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      current.push(Math.min(previous[column - 1] + cost, previous[column] + 1, current[column - 1] + 1));
    }
    previous = current;
  }
  return previous[b.length];
}

describe("levenshtein", () => {
  it("matches textbook values", () => {
    // Levenshtein (1966) / Wikipedia "Levenshtein distance": kitten → sitting takes 3 edits.
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("flaw", "lawn")).toBe(2);
    expect(levenshtein("", "")).toBe(0);
    expect(levenshtein("", "DUPONT")).toBe(6);
    expect(levenshtein("DUPONT", "")).toBe(6);
    expect(levenshtein("DUPONT", "DUPOND")).toBe(1);
    expect(levenshtein("LEFÈVRE", "LEFEVRE")).toBe(1);
    // A transposition costs two plain edits.
    expect(levenshtein("MARTHA", "MARHTA")).toBe(2);
  });

  it("agrees with the plain dynamic programme on random strings of 0–40 code units", () => {
    const random = seedrandom("levenshtein-reference");
    for (let trial = 0; trial < 3000; trial++) {
      // A small alphabet makes long shared runs and partial matches common.
      const alphabet = trial % 2 === 0 ? "ABC" : NAME_ALPHABET;
      const a = randomString(random, 40, alphabet);
      const b = randomString(random, 40, alphabet);
      expect(levenshtein(a, b), `${a} / ${b}`).toBe(referenceLevenshtein(a, b));
    }
  });

  it("crosses the 32-unit boundary of the bit-parallel kernel", () => {
    const base = "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF"; // 32 units
    expect(levenshtein(base, `${base}G`)).toBe(1);
    expect(levenshtein(`X${base}`, `${base}Y`)).toBe(2);
    expect(levenshtein(`${base}${base}`, `${base}Z${base}`)).toBe(1);
    const a = `Q${base}Q`;
    const b = `R${base.slice(1)}RR`;
    expect(levenshtein(a, b)).toBe(referenceLevenshtein(a, b));
  });

  it("is a metric: identity, symmetry and the triangle inequality", () => {
    const random = seedrandom("levenshtein-metric");
    for (let trial = 0; trial < 1500; trial++) {
      const a = randomString(random, 14);
      const b = randomString(random, 14);
      const c = randomString(random, 14);
      expect(levenshtein(a, a)).toBe(0);
      expect(levenshtein(a, b)).toBe(levenshtein(b, a));
      expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
      expect(levenshtein(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      expect(levenshtein(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
    }
  });

  it("gives the same result on flat buffers as on strings", () => {
    const random = seedrandom("levenshtein-flat");
    const values = Array.from({ length: 200 }, () => randomString(random, 40));
    const flat = flattenStrings(values);
    for (let trial = 0; trial < 2000; trial++) {
      const indexA = Math.floor(random() * values.length);
      const indexB = Math.floor(random() * values.length);
      expect(levenshteinFlat(flat, indexA, indexB)).toBe(levenshtein(values[indexA], values[indexB]));
    }
  });

  it("rejects indices outside the flat buffer", () => {
    const flat = flattenStrings(["MARTIN", "DURAND"]);
    expect(() => levenshteinFlat(flat, 0, 2)).toThrow(LinkageError);
    expect(() => levenshteinFlat(flat, -1, 0)).toThrow(/indexA/);
    expect(() => levenshteinFlat(flat, 0.5, 0)).toThrow(/COMPARATOR|not a value index/);
  });
});

describe("levenshteinWithin", () => {
  it("returns the distance up to the bound and bound + 1 beyond it", () => {
    expect(levenshteinWithin("kitten", "sitting", 3)).toBe(3);
    expect(levenshteinWithin("kitten", "sitting", 2)).toBe(3);
    expect(levenshteinWithin("kitten", "sitting", 1)).toBe(2);
    expect(levenshteinWithin("kitten", "sitting", 0)).toBe(1);
    expect(levenshteinWithin("DUPONT", "DUPONT", 0)).toBe(0);
    expect(levenshteinWithin("A", "ABCDEFGH", 2.7)).toBe(3);
  });

  it("agrees with the full distance on long and short random strings", () => {
    const random = seedrandom("levenshtein-within");
    for (let trial = 0; trial < 3000; trial++) {
      const alphabet = trial % 2 === 0 ? "AB" : NAME_ALPHABET;
      const a = randomString(random, 80, alphabet);
      const b = trial % 3 === 0 ? mutate(a, random) : randomString(random, 80, alphabet);
      const limit = Math.floor(random() * 12);
      const distance = referenceLevenshtein(a, b);
      expect(levenshteinWithin(a, b, limit), `${a} / ${b} within ${limit}`).toBe(
        distance <= limit ? distance : limit + 1,
      );
    }
  });

  it("works on flat buffers and validates the bound", () => {
    const flat = flattenStrings(["MARTIN", "MARTINEZ", "DURAND"]);
    expect(levenshteinWithinFlat(flat, 0, 1, 2)).toBe(2);
    expect(levenshteinWithinFlat(flat, 0, 2, 2)).toBe(3);
    expect(() => levenshteinWithin("A", "B", -1)).toThrow(/maxDistance/);
    expect(() => levenshteinWithin("A", "B", Number.NaN)).toThrow(LinkageError);
  });
});

/** A few random edits of `text`, so that bounded runs see distances near their limit. */
function mutate(text: string, random: () => number): string {
  let result = text;
  const edits = Math.floor(random() * 8);
  for (let edit = 0; edit < edits; edit++) {
    const position = Math.floor(random() * (result.length + 1));
    const letter = NAME_ALPHABET[Math.floor(random() * NAME_ALPHABET.length)];
    const kind = Math.floor(random() * 3);
    if (kind === 0) result = result.slice(0, position) + letter + result.slice(position);
    else if (kind === 1) result = result.slice(0, position) + result.slice(position + 1);
    else result = result.slice(0, position) + letter + result.slice(position + 1);
  }
  return result;
}
