import { describe, expect, it } from "vitest";
import { combineTrainingSessions } from "./combine-training-sessions.js";
import type { ModelParameters } from "./types.js";

function model(prior: number, m: number[][], u: number[][]): ModelParameters {
  return {
    priorMatchProbability: prior,
    comparisons: m.map((levels, index) => ({
      name: ["surname", "birth date", "sex"][index]!,
      levelLabels: levels.map((_, level) => `level ${level}`),
      m: levels,
      u: u[index]!,
    })),
  };
}

describe("combineTrainingSessions", () => {
  const base = model(
    0.001,
    [
      [0.1, 0.9],
      [0.1, 0.9],
      [0.1, 0.9],
    ],
    [
      [0.9, 0.1],
      [0.8, 0.2],
      [0.5, 0.5],
    ],
  );

  it("averages each comparison's m over the sessions where it was not fixed", () => {
    const blockedOnSurname = model(
      0.2,
      [
        [0.5, 0.5],
        [0.2, 0.8],
        [0.04, 0.96],
      ],
      [
        [0.1, 0.9],
        [0.7, 0.3],
        [0.5, 0.5],
      ],
    );
    const blockedOnBirth = model(
      0.3,
      [
        [0.3, 0.7],
        [0.5, 0.5],
        [0.02, 0.98],
      ],
      [
        [0.6, 0.4],
        [0.1, 0.9],
        [0.5, 0.5],
      ],
    );
    const combined = combineTrainingSessions(
      [
        { parameters: blockedOnSurname, fixedComparisons: [true, false, false] },
        { parameters: blockedOnBirth, fixedComparisons: [false, true, false] },
      ],
      base,
    );
    const [surname, birth, sex] = combined.parameters.comparisons;
    expect(surname!.m[0]).toBeCloseTo(0.3, 12);
    expect(surname!.m[1]).toBeCloseTo(0.7, 12);
    expect(birth!.m[0]).toBeCloseTo(0.2, 12);
    expect(birth!.m[1]).toBeCloseTo(0.8, 12);
    expect(sex!.m[0]).toBeCloseTo(0.03, 12);
    expect(sex!.m[1]).toBeCloseTo(0.97, 12);
    expect(surname!.u).toEqual([0.9, 0.1]);
    expect(combined.parameters.priorMatchProbability).toBe(0.001);
    expect(combined.unestimatedComparisons).toEqual([]);
    expect(combined.warnings).toEqual([]);
  });

  it("keeps base values of comparisons fixed in every session and reports them", () => {
    const session = model(
      0.2,
      [
        [0.5, 0.5],
        [0.2, 0.8],
        [0.04, 0.96],
      ],
      [
        [0.2, 0.8],
        [0.7, 0.3],
        [0.4, 0.6],
      ],
    );
    const combined = combineTrainingSessions(
      [{ parameters: session, fixedComparisons: [true, false, false] }],
      base,
      {
        averageU: true,
      },
    );
    expect(combined.parameters.comparisons[0]).toBe(base.comparisons[0]);
    expect(combined.parameters.comparisons[2]!.u).toEqual([0.4, 0.6]);
    expect(combined.unestimatedComparisons).toEqual(["surname"]);
    expect(combined.warnings.map((warning) => warning.code)).toEqual(["COMPARISON_NOT_ESTIMATED"]);
  });

  it("rejects sessions of a different shape", () => {
    const wrong = model(0.2, [[0.5, 0.5]], [[0.5, 0.5]]);
    expect(() => combineTrainingSessions([{ parameters: wrong, fixedComparisons: [false] }], base)).toThrow(
      expect.objectContaining({ code: "SESSION_SHAPE_MISMATCH" }),
    );
    const session = { parameters: base, fixedComparisons: [false, false, false] };
    expect(() => combineTrainingSessions([{ ...session, pairsAtLevel: [[1, 1]] }], base)).toThrow(
      expect.objectContaining({ code: "SESSION_SHAPE_MISMATCH" }),
    );
  });
});

/** One comparison "name" of three levels: else, close, exact. */
function nameModel(m: number[], u = [0.9, 0.08, 0.02]): ModelParameters {
  return {
    priorMatchProbability: 0.2,
    comparisons: [{ name: "name", levelLabels: ["else", "close", "exact"], m, u }],
  };
}

const logBase2 = (value: number) => Math.log(value) / Math.LN2;

describe("combineTrainingSessions with levels a session did not observe", () => {
  const base = nameModel([0.05, 0.15, 0.8]);
  const free = [false];

  it("averages each level only over the sessions that observed it, then renormalises", () => {
    const combined = combineTrainingSessions(
      [
        { parameters: nameModel([0.1, 0.2, 0.7]), fixedComparisons: free, pairsAtLevel: [[40, 30, 500]] },
        // EM floored the m of "else", which this session never saw, and gave its mass to the others.
        {
          parameters: nameModel([1e-9, 0.3, 0.7 - 1e-9]),
          fixedComparisons: free,
          pairsAtLevel: [[0, 12, 300]],
          expectedMatches: 250,
        },
      ],
      base,
    );
    const m = combined.parameters.comparisons[0]!.m;
    // Means over observers: else 0.1 (first session only), close 0.25, exact 0.7; total 1.05.
    expect(m[0]).toBeCloseTo(0.1 / 1.05, 9);
    expect(m[1]).toBeCloseTo(0.25 / 1.05, 9);
    expect(m[2]).toBeCloseTo(0.7 / 1.05, 9);
    expect(combined.warnings).toEqual([]);
  });

  it("gives a level no session observed half a match among the largest session's expected matches", () => {
    const combined = combineTrainingSessions(
      [
        {
          parameters: nameModel([1e-9, 0.2, 0.8 - 1e-9]),
          fixedComparisons: free,
          pairsAtLevel: [[0, 30, 900]],
          expectedMatches: 400,
        },
        {
          parameters: nameModel([1e-9, 0.1, 0.9 - 1e-9]),
          fixedComparisons: free,
          pairsAtLevel: [[0, 10, 2000]],
          expectedMatches: 1000,
        },
      ],
      base,
    );
    const [comparison] = combined.parameters.comparisons;
    expect(comparison!.m[0]).toBeCloseTo(0.5 / 1000, 15);
    // The observed levels keep their ratio (0.15 : 0.85) and share the rest.
    expect(comparison!.m[1]).toBeCloseTo(0.15 * (1 - 0.0005), 9);
    expect(comparison!.m[2]).toBeCloseTo(0.85 * (1 - 0.0005), 9);
    // "else" now weighs about −11 bits against a link, not −30: evidence, not a veto.
    const elseWeight = logBase2(comparison!.m[0]! / comparison!.u[0]!);
    expect(elseWeight).toBeGreaterThan(-12);
    expect(elseWeight).toBeLessThan(-10);
    expect(combined.warnings).toEqual([
      expect.objectContaining({ code: "LEVEL_NEVER_OBSERVED", comparison: "name" }),
    ]);
    expect(combined.warnings[0]!.message).toContain('level 0 ("else")');
  });

  it("caps that value at half over the number of levels when sessions expect few matches", () => {
    const combined = combineTrainingSessions(
      [
        {
          parameters: nameModel([1e-9, 1e-9, 1 - 2e-9]),
          fixedComparisons: free,
          pairsAtLevel: [[0, 0, 5]],
          expectedMatches: 0.4,
        },
      ],
      base,
    );
    const m = combined.parameters.comparisons[0]!.m;
    // Two pinned levels of 1/6 each; the one observed level keeps the remaining 2/3.
    expect(m[0]).toBeCloseTo(0.5 / 3, 12);
    expect(m[1]).toBeCloseTo(0.5 / 3, 12);
    expect(m[2]).toBeCloseTo(2 / 3, 12);
    expect(combined.warnings.map((warning) => warning.code)).toEqual([
      "LEVEL_NEVER_OBSERVED",
      "LEVEL_NEVER_OBSERVED",
    ]);
  });

  it("keeps the plain mean when sessions do not say how many matches they saw", () => {
    const combined = combineTrainingSessions(
      [
        { parameters: nameModel([1e-9, 0.2, 0.8 - 1e-9]), fixedComparisons: free, pairsAtLevel: [[0, 3, 9]] },
        { parameters: nameModel([1e-9, 0.4, 0.6 - 1e-9]), fixedComparisons: free, pairsAtLevel: [[0, 3, 9]] },
      ],
      base,
    );
    const m = combined.parameters.comparisons[0]!.m;
    expect(m[0]).toBeCloseTo(1e-9, 15);
    expect(m[1]).toBeCloseTo(0.3, 9);
    expect(combined.warnings).toEqual([]);
  });

  it("does not count a session where the comparison was null in every pair as estimating it", () => {
    const nullEverywhere = {
      parameters: nameModel([0.05, 0.15, 0.8]),
      fixedComparisons: free,
      pairsAtLevel: [[0, 0, 0]],
      expectedMatches: 100,
    };
    const alone = combineTrainingSessions([nullEverywhere], base);
    expect(alone.parameters.comparisons[0]).toBe(base.comparisons[0]);
    expect(alone.unestimatedComparisons).toEqual(["name"]);
    const withAnother = combineTrainingSessions(
      [
        nullEverywhere,
        { parameters: nameModel([0.3, 0.3, 0.4]), fixedComparisons: free, pairsAtLevel: [[5, 5, 5]] },
      ],
      base,
    );
    const m = withAnother.parameters.comparisons[0]!.m;
    expect(m[0]).toBeCloseTo(0.3, 12);
    expect(m[2]).toBeCloseTo(0.4, 12);
  });

  it("averages u over observers too, a level nobody observed keeping its base u", () => {
    const combined = combineTrainingSessions(
      [
        {
          parameters: nameModel([1e-9, 0.2, 0.8 - 1e-9], [1e-9, 0.5, 0.5 - 1e-9]),
          fixedComparisons: free,
          pairsAtLevel: [[0, 20, 20]],
          expectedMatches: 10,
        },
      ],
      base,
      { averageU: true },
    );
    const u = combined.parameters.comparisons[0]!.u;
    // Base u of "else" is 0.9; the two observed levels (0.5 each) share what it leaves, in proportion.
    expect(u[0]! / u[1]!).toBeCloseTo(0.9 / 0.5, 6);
    expect(u[1]).toBeCloseTo(u[2]!, 6);
    expect(u.reduce((total, value) => total + value, 0)).toBeCloseTo(1, 12);
  });

  it("restores a non-decreasing Bayes factor when asked", () => {
    const u = [0.9, 0.05, 0.05];
    const sessions = [
      { parameters: nameModel([0.2, 0.6, 0.2], u), fixedComparisons: free, pairsAtLevel: [[9, 9, 9]] },
      { parameters: nameModel([0.2, 1e-9, 0.8], u), fixedComparisons: free, pairsAtLevel: [[9, 0, 9]] },
    ];
    const ratiosOf = (combined: ReturnType<typeof combineTrainingSessions>) => {
      const comparison = combined.parameters.comparisons[0]!;
      return comparison.m.map((value, level) => value / comparison.u[level]!);
    };
    // Averaged over different sessions, "close" (mean of one session) ends up weighing more than "exact".
    const unordered = ratiosOf(combineTrainingSessions(sessions, nameModel([0.05, 0.15, 0.8], u)));
    expect(unordered[1]!).toBeGreaterThan(unordered[2]!);
    const combined = combineTrainingSessions(sessions, nameModel([0.05, 0.15, 0.8], u), { monotonic: true });
    const ratios = ratiosOf(combined);
    expect(ratios[0]!).toBeLessThanOrEqual(ratios[1]! * (1 + 1e-12));
    expect(ratios[1]!).toBeLessThanOrEqual(ratios[2]! * (1 + 1e-12));
    expect(combined.parameters.comparisons[0]!.m.reduce((total, value) => total + value, 0)).toBeCloseTo(
      1,
      12,
    );
  });
});
