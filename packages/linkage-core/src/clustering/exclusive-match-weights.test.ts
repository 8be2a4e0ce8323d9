import { describe, expect, it } from "vitest";
import { exclusiveMatchWeights } from "./exclusive-match-weights.js";

const pairs = (list: readonly (readonly [number, number, number])[]) => ({
  left: Int32Array.from(list, ([left]) => left),
  right: Int32Array.from(list, ([, right]) => right),
  matchWeight: Float64Array.from(list, ([, , weight]) => weight),
});

describe("exclusiveMatchWeights", () => {
  it("keeps the weight of a pair without competitors", () => {
    const result = exclusiveMatchWeights(
      pairs([
        [0, 1, 5],
        [2, 3, -3],
      ]),
    );
    expect([...result.matchWeight]).toEqual([5, -3]);
    expect(result.matchProbability[0]).toBeCloseTo(32 / 33, 12);
  });

  it("gives two identical look-alikes o / (1 + o) each: below one half however strong", () => {
    for (const weight of [3, 20, 40]) {
      const result = exclusiveMatchWeights(
        pairs([
          [0, 1, weight],
          [0, 2, weight],
        ]),
      );
      const odds = 2 ** weight;
      expect(result.matchWeight[0]).toBeCloseTo(Math.log2(odds / (1 + odds)), 9);
      expect(result.matchProbability[1]!).toBeLessThan(0.5);
      expect(result.matchProbability[1]).toBeCloseTo(odds / (1 + 2 * odds), 9);
    }
  });

  it("counts the competitors of both records, and a weak competitor barely matters", () => {
    // Pair 0 (rows 0–1) competes with 0–2 (odds 2) on row 0 and with 3–1 (odds 4) on row 1.
    const result = exclusiveMatchWeights(
      pairs([
        [0, 1, 3],
        [0, 2, 1],
        [3, 1, 2],
        [5, 6, 10],
        [5, 7, -20],
      ]),
    );
    expect(result.matchWeight[0]).toBeCloseTo(3 - Math.log2(1 + 2 + 4), 12);
    expect(result.matchWeight[3]).toBeCloseTo(10, 5);
    expect(result.matchWeight[3]!).toBeLessThan(10);
  });

  it("stays exact for a dominant pair with a tiny competitor, where total − own would cancel", () => {
    const result = exclusiveMatchWeights(
      pairs([
        [0, 1, 80],
        [0, 2, -10],
      ]),
    );
    expect(result.matchWeight[0]).toBeCloseTo(80 - Math.log2(1 + 2 ** -10), 9);
    expect(result.matchWeight[1]).toBeCloseTo(-10 - Math.log2(1 + 2 ** 80), 9);
  });

  it("lets a record match one record of each other source", () => {
    const sourceOf = Uint8Array.from([0, 1, 2]);
    const result = exclusiveMatchWeights({
      ...pairs([
        [0, 1, 4],
        [0, 2, 4],
      ]),
      sourceOf,
    });
    expect([...result.matchWeight]).toEqual([4, 4]);
  });

  it("refuses arrays of different lengths", () => {
    expect(() =>
      exclusiveMatchWeights({
        left: new Int32Array(2),
        right: new Int32Array(1),
        matchWeight: new Float64Array(2),
      }),
    ).toThrow(/give one of each per pair/);
  });
});
