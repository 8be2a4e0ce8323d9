import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { poolAdjacentViolators } from "./pool-adjacent-violators.js";

describe("poolAdjacentViolators", () => {
  it("pools violating neighbours into their mean", () => {
    expect(poolAdjacentViolators([0.75, 0.25])).toEqual([0.5, 0.5]);
    expect(poolAdjacentViolators([1, 3, 2, 4])).toEqual([1, 2.5, 2.5, 4]);
    expect(poolAdjacentViolators([3, 2, 1])).toEqual([2, 2, 2]);
    expect(poolAdjacentViolators([1, 3, 2], [1, 3, 1])).toEqual([1, 2.75, 2.75]);
  });

  it("leaves ordered input unchanged", () => {
    expect(poolAdjacentViolators([0.1, 0.2, 0.7])).toEqual([0.1, 0.2, 0.7]);
  });

  it("returns a non-decreasing sequence with the same sum (unit weights)", () => {
    const random = seedrandom("pava");
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 8) }, () => random());
      const pooled = poolAdjacentViolators(values);
      for (let index = 1; index < pooled.length; index++)
        expect(pooled[index]!).toBeGreaterThanOrEqual(pooled[index - 1]! - 1e-12);
      const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
      expect(sum(pooled)).toBeCloseTo(sum(values), 12);
    }
  });
});
