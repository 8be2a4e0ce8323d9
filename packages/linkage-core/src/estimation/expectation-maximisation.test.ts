import { describe, expect, it } from "vitest";
import { patternCountsOf } from "../../test/estimation-simulation.js";
import type { PatternCounts } from "../vectors/types.js";
import { PROBABILITY_FLOOR } from "./estimation-warning.js";
import { monotoneLikelihoodRatio, runExpectationMaximisation } from "./expectation-maximisation.js";
import type { ModelParameters } from "./types.js";

function parameters(prior: number, comparisons: [m: number[], u: number[]][]): ModelParameters {
  return {
    priorMatchProbability: prior,
    comparisons: comparisons.map(([m, u], index) => ({
      name: `comparison ${index}`,
      levelLabels: m.map((_, level) => `level ${level}`),
      m,
      u,
    })),
  };
}

/** Textbook EM in probability space over every pattern: an independent oracle for the log-space version. */
function naiveIterations(
  patterns: PatternCounts,
  start: ModelParameters,
  iterations: number,
): ModelParameters {
  let prior = start.priorMatchProbability;
  let m = start.comparisons.map((comparison) => [...comparison.m]);
  let u = start.comparisons.map((comparison) => [...comparison.u]);
  const comparisonCount = patterns.levelCounts.length;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const matchAt = m.map((levels) => levels.map(() => 0));
    const nonMatchAt = m.map((levels) => levels.map(() => 0));
    let matches = 0;
    let total = 0;
    for (let pattern = 0; pattern < patterns.patternCount; pattern++) {
      let likelihoodMatch = prior;
      let likelihoodNonMatch = 1 - prior;
      for (let comparison = 0; comparison < comparisonCount; comparison++) {
        const level = patterns.patterns[pattern * comparisonCount + comparison]!;
        if (level < 0) continue;
        likelihoodMatch *= m[comparison]![level]!;
        likelihoodNonMatch *= u[comparison]![level]!;
      }
      const posterior = likelihoodMatch / (likelihoodMatch + likelihoodNonMatch);
      const count = patterns.counts[pattern]!;
      matches += count * posterior;
      total += count;
      for (let comparison = 0; comparison < comparisonCount; comparison++) {
        const level = patterns.patterns[pattern * comparisonCount + comparison]!;
        if (level < 0) continue;
        matchAt[comparison]![level]! += count * posterior;
        nonMatchAt[comparison]![level]! += count * (1 - posterior);
      }
    }
    prior = matches / total;
    const normalise = (levels: number[]) => {
      const sum = levels.reduce((a, b) => a + b, 0);
      return levels.map((value) => value / sum);
    };
    m = matchAt.map(normalise);
    u = nonMatchAt.map(normalise);
  }
  return parameters(
    prior,
    m.map((levels, index) => [levels, u[index]!]),
  );
}

describe("runExpectationMaximisation", () => {
  it("matches a hand computation of one iteration", () => {
    // Posterior of level 1: 0.2·0.8 / (0.2·0.8 + 0.8·0.1) = 2/3; of level 0: 0.2·0.2 / (0.04 + 0.72) = 1/19.
    const patterns = patternCountsOf(
      [2],
      [
        [[1], 10],
        [[0], 90],
      ],
    );
    const result = runExpectationMaximisation(
      patterns,
      parameters(0.2, [
        [
          [0.2, 0.8],
          [0.9, 0.1],
        ],
      ]),
      {
        maxIterations: 1,
        tolerance: 0,
        estimateU: true,
      },
    );
    const matchesAt1 = (10 * 2) / 3;
    const matchesAt0 = 90 / 19;
    const nonMatchesAt1 = 10 / 3;
    const nonMatchesAt0 = (90 * 18) / 19;
    const prior = (matchesAt1 + matchesAt0) / 100;
    const m = [matchesAt0 / (matchesAt0 + matchesAt1), matchesAt1 / (matchesAt0 + matchesAt1)];
    const u = [
      nonMatchesAt0 / (nonMatchesAt0 + nonMatchesAt1),
      nonMatchesAt1 / (nonMatchesAt0 + nonMatchesAt1),
    ];
    expect(result.parameters.priorMatchProbability).toBeCloseTo(prior, 12);
    expect(result.parameters.comparisons[0]!.m[0]).toBeCloseTo(m[0]!, 12);
    expect(result.parameters.comparisons[0]!.m[1]).toBeCloseTo(m[1]!, 12);
    expect(result.parameters.comparisons[0]!.u[0]).toBeCloseTo(u[0]!, 12);
    expect(result.parameters.comparisons[0]!.u[1]).toBeCloseTo(u[1]!, 12);
    const logLikelihood =
      10 * Math.log(prior * m[1]! + (1 - prior) * u[1]!) + 90 * Math.log(prior * m[0]! + (1 - prior) * u[0]!);
    expect(result.logLikelihood).toBeCloseTo(logLikelihood, 9);
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["EM_NOT_CONVERGED"]);
  });

  it("agrees with textbook EM in probability space, nulls left out of both sides", () => {
    const patterns = patternCountsOf(
      [3, 2],
      [
        [[2, 1], 40],
        [[2, 0], 12],
        [[1, 1], 25],
        [[0, 0], 600],
        [[0, 1], 300],
        [[-1, 1], 30],
        [[2, -1], 9],
        [[0, -1], 70],
        [[1, 0], 44],
      ],
    );
    const start = parameters(0.05, [
      [
        [0.05, 0.15, 0.8],
        [0.8, 0.15, 0.05],
      ],
      [
        [0.2, 0.8],
        [0.6, 0.4],
      ],
    ]);
    const result = runExpectationMaximisation(patterns, start, {
      maxIterations: 7,
      tolerance: 0,
      estimateU: true,
    });
    const oracle = naiveIterations(patterns, start, 7);
    expect(result.parameters.priorMatchProbability).toBeCloseTo(oracle.priorMatchProbability, 12);
    result.parameters.comparisons.forEach((comparison, index) => {
      comparison.m.forEach((value, level) => {
        expect(value).toBeCloseTo(oracle.comparisons[index]!.m[level]!, 12);
      });
      comparison.u.forEach((value, level) => {
        expect(value).toBeCloseTo(oracle.comparisons[index]!.u[level]!, 12);
      });
    });
  });

  it("never lowers the log-likelihood from one iteration to the next", () => {
    const patterns = patternCountsOf(
      [3, 3],
      [
        [[2, 2], 50],
        [[2, 1], 20],
        [[1, 2], 15],
        [[0, 0], 900],
        [[0, 1], 200],
        [[1, 0], 150],
        [[-1, 2], 10],
      ],
    );
    const start = parameters(0.01, [
      [
        [0.1, 0.2, 0.7],
        [0.7, 0.2, 0.1],
      ],
      [
        [0.1, 0.2, 0.7],
        [0.7, 0.2, 0.1],
      ],
    ]);
    let previous = Number.NEGATIVE_INFINITY;
    for (let iterations = 1; iterations <= 20; iterations++) {
      const { logLikelihood } = runExpectationMaximisation(patterns, start, {
        maxIterations: iterations,
        tolerance: 0,
        estimateU: true,
      });
      expect(logLikelihood).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = logLikelihood;
    }
  });

  it("reports progress and converges without warnings when the tolerance is reached", () => {
    const patterns = patternCountsOf(
      [2, 2],
      [
        [[1, 1], 30],
        [[1, 0], 20],
        [[0, 1], 25],
        [[0, 0], 925],
      ],
    );
    const changes: number[] = [];
    const result = runExpectationMaximisation(
      patterns,
      parameters(0.02, [
        [
          [0.1, 0.9],
          [0.9, 0.1],
        ],
        [
          [0.1, 0.9],
          [0.9, 0.1],
        ],
      ]),
      { maxIterations: 1000, tolerance: 1e-6, onIteration: (_iteration, change) => changes.push(change) },
    );
    expect(result.converged).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(changes).toHaveLength(result.iterations);
    expect(changes[changes.length - 1]).toBeLessThan(1e-6);
  });

  it("keeps fixed comparisons unchanged and leaves them out of the E step", () => {
    const patterns = patternCountsOf(
      [2, 2],
      [
        [[1, 1], 30],
        [[1, 0], 70],
        [[0, 1], 5],
        [[0, 0], 895],
      ],
    );
    const start = parameters(0.05, [
      [
        [0.1, 0.9],
        [0.9, 0.1],
      ],
      [
        [0.3, 0.7],
        [0.5, 0.5],
      ],
    ]);
    const fixed = runExpectationMaximisation(patterns, start, {
      maxIterations: 50,
      tolerance: 0,
      estimateU: true,
      fixedComparisons: [false, true],
    });
    expect(fixed.parameters.comparisons[1]).toBe(start.comparisons[1]);
    // Leaving comparison 1 out of the E step is the same as training on comparison 0 alone.
    const alone = runExpectationMaximisation(
      patternCountsOf(
        [2],
        [
          [[1], 100],
          [[0], 900],
        ],
      ),
      parameters(0.05, [
        [
          [0.1, 0.9],
          [0.9, 0.1],
        ],
      ]),
      { maxIterations: 50, tolerance: 0, estimateU: true },
    );
    expect(fixed.parameters.priorMatchProbability).toBeCloseTo(alone.parameters.priorMatchProbability, 12);
    expect(fixed.parameters.comparisons[0]!.m[1]).toBeCloseTo(alone.parameters.comparisons[0]!.m[1]!, 12);
  });

  it("keeps frozen comparisons but still uses them as evidence", () => {
    const patterns = patternCountsOf(
      [2, 2],
      [
        [[1, 1], 30],
        [[1, 0], 70],
        [[0, 1], 5],
        [[0, 0], 895],
      ],
    );
    const start = parameters(0.05, [
      [
        [0.1, 0.9],
        [0.9, 0.1],
      ],
      [
        [0.05, 0.95],
        [0.9, 0.1],
      ],
    ]);
    const options = { maxIterations: 20, tolerance: 0, estimateU: true };
    const frozen = runExpectationMaximisation(patterns, start, {
      ...options,
      frozenComparisons: [false, true],
    });
    const fixed = runExpectationMaximisation(patterns, start, {
      ...options,
      fixedComparisons: [false, true],
    });
    expect(frozen.parameters.comparisons[1]).toBe(start.comparisons[1]);
    expect(frozen.parameters.comparisons[0]!.m[1]).not.toBeCloseTo(fixed.parameters.comparisons[0]!.m[1]!, 3);
  });

  it("leaves u alone unless asked to estimate it, and λ when estimatePrior is false", () => {
    const patterns = patternCountsOf(
      [2],
      [
        [[1], 10],
        [[0], 90],
      ],
    );
    const start = parameters(0.2, [
      [
        [0.2, 0.8],
        [0.9, 0.1],
      ],
    ]);
    const result = runExpectationMaximisation(patterns, start, {
      maxIterations: 5,
      tolerance: 0,
      estimatePrior: false,
    });
    expect(result.parameters.priorMatchProbability).toBe(0.2);
    expect(result.parameters.comparisons[0]!.u).toEqual([0.9, 0.1]);
    expect(result.parameters.comparisons[0]!.m).not.toEqual([0.2, 0.8]);
  });

  it("keeps the Bayes factor m/u non-decreasing in the level when monotonic", () => {
    // Matches mostly at level 0 or 2, rarely 1: unconstrained, level 1 would weigh less than level 0.
    const patterns = patternCountsOf(
      [3, 2],
      [
        [[2, 1], 80],
        [[0, 1], 30],
        [[1, 1], 2],
        [[0, 0], 800],
        [[1, 0], 10],
        [[2, 0], 30],
      ],
    );
    // The second comparison (frozen, near-decisive) tells matches apart; u of the first is held at
    // [0.7, 0.2, 0.1], as when it comes from random pairs. Free m ≈ [0.27, 0.02, 0.71]: level 1 weighs less
    // than level 0.
    const start = parameters(112 / 952, [
      [
        [0.1, 0.2, 0.7],
        [0.7, 0.2, 0.1],
      ],
      [
        [0.001, 0.999],
        [0.999, 0.001],
      ],
    ]);
    const settings = {
      maxIterations: 200,
      tolerance: 1e-10,
      estimatePrior: false,
      frozenComparisons: [false, true],
    };
    const free = runExpectationMaximisation(patterns, start, settings);
    const ordered = runExpectationMaximisation(patterns, start, { ...settings, monotonic: true });
    const freeComparison = free.parameters.comparisons[0]!;
    const bayesFactor = (comparison: { m: readonly number[]; u: readonly number[] }, level: number) =>
      comparison.m[level]! / comparison.u[level]!;
    expect(bayesFactor(freeComparison, 1)).toBeLessThan(bayesFactor(freeComparison, 0));
    for (const comparison of ordered.parameters.comparisons) {
      expect(comparison.m.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
      for (let level = 1; level < comparison.m.length; level++) {
        expect(bayesFactor(comparison, level)).toBeGreaterThanOrEqual(
          bayesFactor(comparison, level - 1) * (1 - 1e-12),
        );
      }
    }
  });

  it("constrains only the order of the Bayes factors, not of m", () => {
    // m of "else" above m of the partial level is fine as long as its Bayes factor is lower.
    expect(monotoneLikelihoodRatio([0.3, 0.1, 0.6], [0.9, 0.05, 0.05])).toEqual([0.3, 0.1, 0.6]);
    const pooled = monotoneLikelihoodRatio([0.2, 0.1, 0.7], [0.5, 0.4, 0.1]);
    expect(pooled[0]! / 0.5).toBeCloseTo(pooled[1]! / 0.4, 12);
    expect(pooled.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
  });

  it("floors probabilities so no level gets exactly 0, and warns about unobserved levels", () => {
    const patterns = patternCountsOf(
      [3],
      [
        [[2], 10],
        [[0], 990],
      ],
    );
    const result = runExpectationMaximisation(
      patterns,
      parameters(0.01, [
        [
          [0.1, 0.2, 0.7],
          [0.7, 0.2, 0.1],
        ],
      ]),
      { maxIterations: 100, tolerance: 1e-12, estimateU: true },
    );
    const comparison = result.parameters.comparisons[0]!;
    for (const value of [...comparison.m, ...comparison.u])
      expect(value).toBeGreaterThanOrEqual(PROBABILITY_FLOOR / 2);
    expect(comparison.m[1]).toBeLessThan(1e-6);
    expect(result.warnings.map((warning) => warning.code)).toContain("EM_LEVEL_UNOBSERVED");
    // The pairs seen at each level, so that sessions can be combined knowing which m are only floors.
    expect(result.pairsAtLevel).toEqual([[990, 0, 10]]);
  });

  it("warns about a comparison null in every pair and keeps its starting values", () => {
    const patterns = patternCountsOf(
      [2, 2],
      [
        [[1, -1], 10],
        [[0, -1], 90],
      ],
    );
    const start = parameters(0.1, [
      [
        [0.2, 0.8],
        [0.9, 0.1],
      ],
      [
        [0.3, 0.7],
        [0.6, 0.4],
      ],
    ]);
    const result = runExpectationMaximisation(patterns, start, {
      maxIterations: 10,
      tolerance: 0,
      estimateU: true,
    });
    expect(result.parameters.comparisons[1]!.m).toEqual([0.3, 0.7]);
    expect(result.warnings.find((warning) => warning.code === "EM_COMPARISON_ALL_NULL")?.comparison).toBe(
      "comparison 1",
    );
  });

  it("rejects mismatched shapes, empty counts and bad starting values with codes", () => {
    const patterns = patternCountsOf([2], [[[1], 10]]);
    const good = parameters(0.1, [
      [
        [0.2, 0.8],
        [0.9, 0.1],
      ],
    ]);
    const options = { maxIterations: 1, tolerance: 0 };
    expect(() =>
      runExpectationMaximisation(
        patterns,
        parameters(0.1, [
          [
            [0.2, 0.3, 0.5],
            [0.5, 0.3, 0.2],
          ],
        ]),
        options,
      ),
    ).toThrow(expect.objectContaining({ code: "EM_SHAPE_MISMATCH" }));
    expect(() => runExpectationMaximisation(patternCountsOf([2], [[[1], 0]]), good, options)).toThrow(
      expect.objectContaining({ code: "EM_NO_PAIRS" }),
    );
    expect(() =>
      runExpectationMaximisation(patterns, { ...good, priorMatchProbability: 1 }, options),
    ).toThrow(expect.objectContaining({ code: "EM_START_INVALID" }));
    expect(() => runExpectationMaximisation(patternCountsOf([2], [[[2], 5]]), good, options)).toThrow(
      expect.objectContaining({ code: "EM_LEVEL_OUT_OF_RANGE" }),
    );
    expect(() =>
      runExpectationMaximisation(patterns, good, { ...options, fixedComparisons: [true, false] }),
    ).toThrow(expect.objectContaining({ code: "EM_SHAPE_MISMATCH" }));
  });
});
