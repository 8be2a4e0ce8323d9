import { describe, expect, it } from "vitest";
import { patternCountsOf } from "../../test/estimation-simulation.js";
import type { ModelParameters } from "../estimation/types.js";
import {
  matchProbabilityFromWeight,
  partialMatchWeights,
  patternMatchWeights,
  priorMatchWeight,
  weightFromMatchProbability,
} from "./match-weights.js";

const parameters: ModelParameters = {
  priorMatchProbability: 1 / 9,
  comparisons: [
    { name: "surname", levelLabels: ["else", "fuzzy", "exact"], m: [0.1, 0.1, 0.8], u: [0.8, 0.1, 0.1] },
    { name: "sex", levelLabels: ["different", "same"], m: [0.25, 0.75], u: [0.5, 0.5] },
  ],
};

describe("match weights", () => {
  it("takes log2(m/u) per level and log2(λ/(1−λ)) for the prior", () => {
    expect(partialMatchWeights(parameters)).toEqual([
      [-3, 0, 3],
      [-1, Math.log2(1.5)],
    ]);
    expect(priorMatchWeight(1 / 9)).toBeCloseTo(-3, 12);
    expect(priorMatchWeight(0.5)).toBe(0);
  });

  it("adds the prior and the non-null partial weights of each pattern", () => {
    const patterns = patternCountsOf(
      [3, 2],
      [
        [[2, 1], 1],
        [[0, 0], 1],
        [[2, -1], 1],
        [[-1, -1], 1],
      ],
    );
    const weights = patternMatchWeights(patterns, parameters);
    expect(weights[0]).toBeCloseTo(-3 + 3 + Math.log2(1.5), 12);
    expect(weights[1]).toBeCloseTo(-3 - 3 - 1, 12);
    expect(weights[2]).toBeCloseTo(0, 12);
    expect(weights[3]).toBeCloseTo(-3, 12);
  });

  it("converts weights to probabilities and back", () => {
    expect(matchProbabilityFromWeight(0)).toBe(0.5);
    expect(matchProbabilityFromWeight(3)).toBeCloseTo(8 / 9, 15);
    expect(matchProbabilityFromWeight(-3)).toBeCloseTo(1 / 9, 15);
    for (const weight of [-40, -7.5, -1, 0.25, 6, 30]) {
      expect(weightFromMatchProbability(matchProbabilityFromWeight(weight))).toBeCloseTo(weight, 6);
    }
  });

  it("stays finite and ordered for huge weights in both directions", () => {
    expect(matchProbabilityFromWeight(5000)).toBe(1);
    expect(matchProbabilityFromWeight(-5000)).toBe(0);
    expect(matchProbabilityFromWeight(-1000)).toBeGreaterThan(0);
    expect(matchProbabilityFromWeight(-1000)).toBeCloseTo(2 ** -1000, 300);
    expect(Number.isNaN(matchProbabilityFromWeight(Number.NEGATIVE_INFINITY))).toBe(false);
    expect(Number.isNaN(matchProbabilityFromWeight(Number.POSITIVE_INFINITY))).toBe(false);
    expect(weightFromMatchProbability(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(weightFromMatchProbability(1)).toBe(Number.POSITIVE_INFINITY);
  });
});
