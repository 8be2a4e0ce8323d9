import { describe, expect, it } from "vitest";
import { startingM, startingParameters, startingU } from "./starting-parameters.js";

describe("starting values", () => {
  it("puts 0.9 on the top level and halves the rest downwards", () => {
    const two = startingM(2);
    expect(two[0]).toBeCloseTo(0.1, 12);
    expect(two[1]).toBe(0.9);
    const four = startingM(4);
    expect(four[3]).toBe(0.9);
    expect(four[2]).toBeCloseTo(0.4 / 7, 12);
    expect(four[1]).toBeCloseTo(0.2 / 7, 12);
    expect(four[0]).toBeCloseTo(0.1 / 7, 12);
    expect(four.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(startingM(1)).toEqual([1]);
    expect(startingU(3)).toEqual([...startingM(3)].reverse());
  });

  it("builds parameters from u when given, with default labels and λ", () => {
    const parameters = startingParameters({
      comparisonNames: ["a", "b"],
      levelCounts: [2, 3],
      u: [
        [0.7, 0.3],
        [0.5, 0.3, 0.2],
      ],
    });
    expect(parameters.priorMatchProbability).toBe(0.01);
    expect(parameters.comparisons[1]).toEqual({
      name: "b",
      levelLabels: ["level 0", "level 1", "level 2"],
      m: startingM(3),
      u: [0.5, 0.3, 0.2],
    });
    expect(() => startingParameters({ comparisonNames: ["a"], levelCounts: [2], u: [[1]] })).toThrow(
      expect.objectContaining({ code: "EM_SHAPE_MISMATCH" }),
    );
  });
});
