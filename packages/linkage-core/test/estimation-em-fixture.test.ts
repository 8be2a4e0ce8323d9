import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExpectationMaximisationOptions } from "../src/estimation/expectation-maximisation.js";
import { runExpectationMaximisation } from "../src/estimation/expectation-maximisation.js";
import type { ModelParameters } from "../src/estimation/types.js";
import { patternCountsOf } from "./estimation-simulation.js";

interface Fixture {
  readonly levelCounts: number[];
  readonly patterns: { levels: number[]; count: number }[];
  readonly start: ModelParameters;
  readonly options: ExpectationMaximisationOptions;
  readonly expected: {
    iterations: number;
    converged: boolean;
    logLikelihood: number;
    parameters: ModelParameters;
  };
}

const fixture = JSON.parse(
  readFileSync(new URL("./estimation-em-fixture.json", import.meta.url), "utf8"),
) as Fixture;

describe("EM known-parameter fixture", () => {
  it("reproduces the pinned estimates, iterations and log-likelihood", () => {
    const patterns = patternCountsOf(
      fixture.levelCounts,
      fixture.patterns.map((row) => [row.levels, row.count] as const),
    );
    const result = runExpectationMaximisation(patterns, fixture.start, fixture.options);
    expect(result.converged).toBe(fixture.expected.converged);
    expect(result.iterations).toBe(fixture.expected.iterations);
    expect(result.logLikelihood).toBeCloseTo(fixture.expected.logLikelihood, 6);
    expect(result.parameters.priorMatchProbability).toBeCloseTo(
      fixture.expected.parameters.priorMatchProbability,
      9,
    );
    result.parameters.comparisons.forEach((comparison, index) => {
      const expected = fixture.expected.parameters.comparisons[index]!;
      expect(comparison.levelLabels).toEqual(expected.levelLabels);
      comparison.m.forEach((value, level) => {
        expect(value).toBeCloseTo(expected.m[level]!, 9);
      });
      comparison.u.forEach((value, level) => {
        expect(value).toBeCloseTo(expected.u[level]!, 9);
      });
    });
  });
});
