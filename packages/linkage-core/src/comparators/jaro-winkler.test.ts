import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NAME_ALPHABET, randomString } from "../../test/random-strings.js";
import { LinkageError } from "../errors.js";
import { flattenStrings } from "./flat-strings.js";
import { jaro, jaroFlat, jaroWinkler, jaroWinklerFlat } from "./jaro-winkler.js";

/** Textbook Jaro with boolean arrays, scanning `a` (the reference for the bit-mask kernel). */
function referenceJaro(a: string, b: string): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let indexA = 0; indexA < a.length; indexA++) {
    const high = Math.min(b.length - 1, indexA + window);
    for (let indexB = Math.max(0, indexA - window); indexB <= high; indexB++) {
      if (!matchedB[indexB] && a[indexA] === b[indexB]) {
        matchedA[indexA] = true;
        matchedB[indexB] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let outOfOrder = 0;
  let indexB = 0;
  for (let indexA = 0; indexA < a.length; indexA++) {
    if (!matchedA[indexA]) continue;
    while (!matchedB[indexB]) indexB++;
    if (a[indexA] !== b[indexB]) outOfOrder++;
    indexB++;
  }
  const transpositions = Math.floor(outOfOrder / 2);
  return (matches / a.length + matches / b.length + (matches - transpositions) / matches) / 3;
}

function referenceJaroWinkler(a: string, b: string): number {
  const similarity = referenceJaro(a, b);
  if (similarity < 0.7) return similarity;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return similarity + prefix * 0.1 * (1 - similarity);
}

describe("jaro and jaroWinkler", () => {
  it("reproduce the published examples", () => {
    // Winkler (1990), "String comparator metrics and enhanced decision rules in the Fellegi-Sunter
    // model of record linkage", Table 2 (also reproduced by Cohen, Ravikumar & Fienberg 2003 and in
    // Wikipedia's "Jaro–Winkler distance"): Jaro / Jaro–Winkler to three decimals.
    expect(jaro("MARTHA", "MARHTA")).toBeCloseTo(0.944, 3);
    expect(jaroWinkler("MARTHA", "MARHTA")).toBeCloseTo(0.961, 3);
    expect(jaro("DWAYNE", "DUANE")).toBeCloseTo(0.822, 3);
    expect(jaroWinkler("DWAYNE", "DUANE")).toBeCloseTo(0.84, 3);
    expect(jaro("DIXON", "DICKSONX")).toBeCloseTo(0.767, 3);
    expect(jaroWinkler("DIXON", "DICKSONX")).toBeCloseTo(0.813, 3);
  });

  it("defines empty strings and identity", () => {
    expect(jaro("", "")).toBe(1);
    expect(jaroWinkler("", "")).toBe(1);
    expect(jaro("", "MARTIN")).toBe(0);
    expect(jaroWinkler("MARTIN", "")).toBe(0);
    expect(jaroWinkler("FRANÇOISE", "FRANÇOISE")).toBe(1);
    expect(jaro("ABC", "XYZ")).toBe(0);
  });

  it("applies the prefix boost only from the boost threshold", () => {
    // No common character within the window: Jaro 0, so no boost despite the shared first letter.
    expect(jaroWinkler("AXXXXXXXXX", "AYYYYYYYYY")).toBeCloseTo(jaro("AXXXXXXXXX", "AYYYYYYYYY"), 12);
    const below = jaro("MAXXX", "MAYYY");
    expect(below).toBeLessThan(0.7);
    expect(jaroWinkler("MAXXX", "MAYYY")).toBe(below);
    expect(jaroWinkler("MAXXX", "MAYYY", { boostThreshold: 0.5 })).toBeCloseTo(below + 0.2 * (1 - below), 12);
    // The prefix counts at most four characters by default.
    const similarity = jaro("DUPONTEL", "DUPONTAL");
    expect(jaroWinkler("DUPONTEL", "DUPONTAL")).toBeCloseTo(similarity + 0.4 * (1 - similarity), 12);
    expect(jaroWinkler("DUPONTEL", "DUPONTAL", { maxPrefixLength: 6, prefixScale: 0.15 })).toBeCloseTo(
      similarity + 0.9 * (1 - similarity),
      12,
    );
  });

  it("rejects options that could leave [0, 1]", () => {
    expect(() => jaroWinkler("A", "B", { prefixScale: 0.3 })).toThrow(LinkageError);
    expect(() => jaroWinkler("A", "B", { prefixScale: -0.1 })).toThrow(/prefixScale/);
    expect(() => jaroWinkler("A", "B", { maxPrefixLength: 2.5 })).toThrow(/maxPrefixLength/);
    expect(() => jaroWinkler("A", "B", { boostThreshold: 1.5 })).toThrow(/boostThreshold/);
  });

  it("agree with the textbook algorithm on random strings of 0–40 code units", () => {
    const random = seedrandom("jaro-reference");
    for (let trial = 0; trial < 4000; trial++) {
      const alphabet = trial % 2 === 0 ? "ABC" : NAME_ALPHABET;
      const a = randomString(random, 40, alphabet);
      const b = randomString(random, 40, alphabet);
      expect(jaro(a, b), `${a} / ${b}`).toBeCloseTo(referenceJaro(a, b), 12);
      expect(jaroWinkler(a, b), `${a} / ${b}`).toBeCloseTo(referenceJaroWinkler(a, b), 12);
    }
  });

  it("are symmetric and bounded by [0, 1]", () => {
    const random = seedrandom("jaro-properties");
    for (let trial = 0; trial < 4000; trial++) {
      const alphabet = trial % 2 === 0 ? "AB" : NAME_ALPHABET;
      const a = randomString(random, 20, alphabet);
      const b = randomString(random, 20, alphabet);
      const forward = jaroWinkler(a, b);
      expect(forward).toBe(jaroWinkler(b, a));
      expect(jaro(a, b)).toBe(jaro(b, a));
      // The textbook scan is itself order-independent: scanning b first gives the same value.
      expect(referenceJaro(b, a)).toBeCloseTo(referenceJaro(a, b), 12);
      expect(forward).toBeGreaterThanOrEqual(0);
      expect(forward).toBeLessThanOrEqual(1);
      expect(forward).toBeGreaterThanOrEqual(jaro(a, b));
      expect(jaroWinkler(a, a)).toBe(1);
    }
  });

  it("give the same results on flat buffers as on strings", () => {
    const random = seedrandom("jaro-flat");
    const values = Array.from({ length: 300 }, () => randomString(random, 40));
    const flat = flattenStrings(values);
    const options = { prefixScale: 0.2, maxPrefixLength: 3, boostThreshold: 0.6 };
    for (let trial = 0; trial < 3000; trial++) {
      const indexA = Math.floor(random() * values.length);
      const indexB = Math.floor(random() * values.length);
      const a = values[indexA];
      const b = values[indexB];
      expect(jaroFlat(flat, indexA, indexB)).toBe(jaro(a, b));
      expect(jaroWinklerFlat(flat, indexA, indexB)).toBe(jaroWinkler(a, b));
      expect(jaroWinklerFlat(flat, indexA, indexB, options)).toBe(jaroWinkler(a, b, options));
    }
  });

  it("rejects indices outside the flat buffer", () => {
    const flat = flattenStrings(["MARTIN"]);
    expect(() => jaroWinklerFlat(flat, 0, 1)).toThrow(/indexB/);
    expect(() => jaroFlat(flat, 3, 0)).toThrow(LinkageError);
  });
});
