import { describe, expect, it } from "vitest";
import { runExpectationMaximisation } from "../src/estimation/expectation-maximisation.js";
import { estimateUFromSample } from "../src/estimation/level-frequencies.js";
import { startingParameters } from "../src/estimation/starting-parameters.js";
import type { ModelParameters } from "../src/estimation/types.js";
import { countPatterns, type SimulatedModel, simulatePairs } from "./estimation-simulation.js";

const TRUE_MODEL: SimulatedModel = {
  priorMatchProbability: 0.05,
  comparisons: [
    { name: "surname", m: [0.05, 0.15, 0.8], u: [0.85, 0.1, 0.05], nullRate: 0.1 },
    { name: "first name", m: [0.03, 0.07, 0.2, 0.7], u: [0.7, 0.2, 0.07, 0.03], nullRate: 0.05 },
    { name: "birth date", m: [0.1, 0.2, 0.7], u: [0.6, 0.3, 0.1], nullRate: 0.2 },
    { name: "postcode", m: [0.02, 0.08, 0.1, 0.8], u: [0.9, 0.05, 0.03, 0.02], nullRate: 0 },
  ],
};

function largestError(estimated: ModelParameters, truth: SimulatedModel): number {
  let error = Math.abs(estimated.priorMatchProbability - truth.priorMatchProbability);
  estimated.comparisons.forEach((comparison, index) => {
    const expected = truth.comparisons[index]!;
    comparison.m.forEach((m, level) => {
      error = Math.max(error, Math.abs(m - expected.m[level]!));
    });
    comparison.u.forEach((u, level) => {
      error = Math.max(error, Math.abs(u - expected.u[level]!));
    });
  });
  return error;
}

describe("runExpectationMaximisation on simulated pairs", () => {
  const { vectors } = simulatePairs(TRUE_MODEL, 1_000_000, "em-recovery");
  const patterns = countPatterns(vectors);

  it("recovers λ, m and u within 0.01 from the default starting values", () => {
    const start = startingParameters({
      comparisonNames: vectors.comparisonNames,
      levelCounts: vectors.levelCounts,
      priorMatchProbability: 0.01,
    });
    const result = runExpectationMaximisation(patterns, start, {
      maxIterations: 500,
      tolerance: 1e-7,
      estimateU: true,
      estimatePrior: true,
    });
    expect(result.converged).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(largestError(result.parameters, TRUE_MODEL)).toBeLessThan(0.01);
  });

  it("recovers λ and m within 0.01 when u is fixed from a random sample", () => {
    // Random pairs are almost all non-matches: their level frequencies estimate u.
    const sample = simulatePairs({ ...TRUE_MODEL, priorMatchProbability: 0 }, 200_000, "u-sample");
    const u = estimateUFromSample(sample.vectors);
    const start = startingParameters({
      comparisonNames: vectors.comparisonNames,
      levelCounts: vectors.levelCounts,
      u,
      priorMatchProbability: 0.01,
    });
    const result = runExpectationMaximisation(patterns, start, { maxIterations: 500, tolerance: 1e-7 });
    expect(result.converged).toBe(true);
    expect(result.parameters.comparisons.map((comparison) => comparison.u)).toEqual(u);
    expect(largestError(result.parameters, TRUE_MODEL)).toBeLessThan(0.01);
  });

  it("keeps the same estimates when the monotonic constraint already holds in the truth", () => {
    const start = startingParameters({
      comparisonNames: vectors.comparisonNames,
      levelCounts: vectors.levelCounts,
    });
    const result = runExpectationMaximisation(patterns, start, {
      maxIterations: 500,
      tolerance: 1e-7,
      estimateU: true,
      monotonic: true,
    });
    expect(largestError(result.parameters, TRUE_MODEL)).toBeLessThan(0.01);
  });
});
