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
    expect(surname!.m).toEqual([0.3, 0.7]);
    expect(birth!.m).toEqual([0.2, 0.8]);
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
  });
});
