import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { randomString } from "../../test/random-strings.js";
import { LinkageError } from "../errors.js";
import { qgramDice, qgramJaccard } from "./qgram-similarity.js";

/** Multiset q-grams by substring counting: the reference for the allocation-free kernel. */
function referenceShared(a: string, b: string, q: number): [shared: number, countA: number, countB: number] {
  const grams = (text: string) => {
    if (text.length === 0) return [];
    if (text.length < q) return [text];
    return Array.from({ length: text.length - q + 1 }, (_, start) => text.slice(start, start + q));
  };
  const gramsA = grams(a);
  const remaining = new Map<string, number>();
  for (const gram of grams(b)) remaining.set(gram, (remaining.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of gramsA) {
    const count = remaining.get(gram) ?? 0;
    if (count > 0) {
      shared++;
      remaining.set(gram, count - 1);
    }
  }
  return [shared, gramsA.length, grams(b).length];
}

describe("qgramJaccard and qgramDice", () => {
  it("count bigrams as multisets without padding", () => {
    // NIGHT / NACHT (a classic Dice example): bigrams NI IG GH HT vs NA AC CH HT share HT only.
    expect(qgramDice("NIGHT", "NACHT")).toBeCloseTo(0.25, 12);
    expect(qgramJaccard("NIGHT", "NACHT")).toBeCloseTo(1 / 7, 12);
    // ANNA {AN, NN, NA} vs ANA {AN, NA}: 2 shared; sets of distinct characters would call them equal.
    expect(qgramJaccard("ANNA", "ANA")).toBeCloseTo(2 / 3, 12);
    expect(qgramDice("ANNA", "ANA")).toBeCloseTo(4 / 5, 12);
    // Repeated bigrams count as often as both strings hold them: AAA {AA, AA} vs AA {AA}.
    expect(qgramJaccard("AAA", "AA")).toBeCloseTo(1 / 2, 12);
  });

  it("handle empty strings and strings shorter than q", () => {
    expect(qgramJaccard("", "")).toBe(1);
    expect(qgramDice("", "")).toBe(1);
    expect(qgramJaccard("", "AB")).toBe(0);
    expect(qgramDice("AB", "")).toBe(0);
    expect(qgramJaccard("A", "A")).toBe(1);
    expect(qgramJaccard("A", "B")).toBe(0);
    expect(qgramJaccard("A", "AB")).toBe(0);
    expect(qgramDice("AB", "AB", 3)).toBe(1);
  });

  it("agree with substring counting for q = 1 to 5", () => {
    const random = seedrandom("qgram-reference");
    for (let trial = 0; trial < 3000; trial++) {
      const q = 1 + (trial % 5);
      const alphabet = trial % 2 === 0 ? "AB" : "ABCDÉÈÇ -";
      const a = randomString(random, 24, alphabet);
      const b = randomString(random, 24, alphabet);
      const [shared, countA, countB] = referenceShared(a, b, q);
      const expectedJaccard =
        countA === 0 || countB === 0 ? (countA === countB ? 1 : 0) : shared / (countA + countB - shared);
      const expectedDice =
        countA === 0 || countB === 0 ? (countA === countB ? 1 : 0) : (2 * shared) / (countA + countB);
      expect(qgramJaccard(a, b, q), `${a} / ${b} q=${q}`).toBeCloseTo(expectedJaccard, 12);
      expect(qgramDice(a, b, q), `${a} / ${b} q=${q}`).toBeCloseTo(expectedDice, 12);
    }
  });

  it("are symmetric, bounded, 1 on identity, and Dice ≥ Jaccard", () => {
    const random = seedrandom("qgram-properties");
    for (let trial = 0; trial < 2000; trial++) {
      const a = randomString(random, 30, "ABCDEÉÈ");
      const b = randomString(random, 30, "ABCDEÉÈ");
      const jaccard = qgramJaccard(a, b);
      expect(jaccard).toBe(qgramJaccard(b, a));
      expect(qgramDice(a, b)).toBe(qgramDice(b, a));
      expect(jaccard).toBeGreaterThanOrEqual(0);
      expect(qgramDice(a, b)).toBeLessThanOrEqual(1);
      expect(qgramDice(a, b)).toBeGreaterThanOrEqual(jaccard);
      expect(qgramJaccard(a, a, 3)).toBe(1);
    }
  });

  it("rejects a q that is not a positive integer", () => {
    expect(() => qgramJaccard("AB", "AB", 0)).toThrow(LinkageError);
    expect(() => qgramDice("AB", "AB", 1.5)).toThrow(/q must be an integer/);
  });
});
