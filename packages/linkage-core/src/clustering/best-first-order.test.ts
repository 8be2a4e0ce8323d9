import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { bestFirstOrder } from "./best-first-order.js";

describe("bestFirstOrder", () => {
  it("equals a comparator sort by weight descending, then left, right and index", () => {
    const random = seedrandom("order");
    for (let trial = 0; trial < 50; trial++) {
      const pairCount = 1 + Math.floor(random() * 300);
      const rowCount = 20;
      const left = Int32Array.from({ length: pairCount }, () => Math.floor(random() * rowCount));
      const right = Int32Array.from({ length: pairCount }, () => Math.floor(random() * rowCount));
      const choices = [Number.NEGATIVE_INFINITY, -3.5, 0, 1, 2, 7.25, Number.POSITIVE_INFINITY];
      const matchWeight = Float64Array.from({ length: pairCount }, () =>
        random() < 0.5 ? choices[Math.floor(random() * choices.length)]! : random() * 10 - 5,
      );
      const candidates = Int32Array.from({ length: pairCount }, (_, pair) => pair).filter(
        () => random() < 0.8,
      );
      const expected = Array.from(candidates).sort((a, b) => {
        if (matchWeight[a] !== matchWeight[b]) return matchWeight[a]! > matchWeight[b]! ? -1 : 1;
        return left[a]! - left[b]! || right[a]! - right[b]! || a - b;
      });
      expect(Array.from(bestFirstOrder(candidates, matchWeight, left, right, rowCount))).toEqual(expected);
    }
  });
});
