import { describe, expect, it } from "vitest";
import { ScoredPairList } from "./scored-pair-list.js";

describe("ScoredPairList", () => {
  it("retains the pairs at or above a weight, in order, with all their columns", () => {
    const list = new ScoredPairList(2);
    const count = 10_000;
    const pairs = {
      count,
      left: Int32Array.from({ length: count }, (_, pair) => pair),
      right: Int32Array.from({ length: count }, (_, pair) => pair + 1),
      ruleIndex: Uint8Array.from({ length: count }, (_, pair) => pair % 3),
      ruleNames: ["a", "b", "c"],
    };
    const matchWeight = Float64Array.from({ length: count }, (_, pair) => (pair * 7919) % 101);
    const vectors = {
      pairCount: count,
      comparisonNames: ["x", "y"],
      levelCounts: [3, 3],
      levels: [
        Int8Array.from({ length: count }, (_, pair) => pair % 3),
        Int8Array.from({ length: count }, (_, pair) => (pair + 1) % 3),
      ],
    };
    list.appendWhere(pairs, 0, vectors, { matchWeight, matchProbability: matchWeight }, () => true);
    list.retainAtLeast(60);
    const kept = list.finish();
    const expected = [...matchWeight.keys()].filter((pair) => matchWeight[pair]! >= 60);
    expect(expected.length).toBeGreaterThan(3000);
    expect([...kept.left]).toEqual(expected);
    expect([...kept.right]).toEqual(expected.map((pair) => pair + 1));
    expect([...kept.ruleIndex]).toEqual(expected.map((pair) => pair % 3));
    expect([...kept.matchWeight]).toEqual(expected.map((pair) => matchWeight[pair]));
    expect([...kept.levels[1]!]).toEqual(expected.map((pair) => (pair + 1) % 3));
  });
});
