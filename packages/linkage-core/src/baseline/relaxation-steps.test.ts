import { describe, expect, it } from "vitest";
import { countRelaxationSteps, relaxationSteps } from "./relaxation-steps.js";

const four = [{}, {}, {}, {}];

describe("relaxationSteps", () => {
  it("joins on every criterion first, then drops the last-listed criterion first", () => {
    expect(relaxationSteps(four, 1)).toEqual([
      { kept: [0, 1, 2, 3], dropped: [] },
      { kept: [0, 1, 2], dropped: [3] },
      { kept: [0, 1, 3], dropped: [2] },
      { kept: [0, 2, 3], dropped: [1] },
      { kept: [1, 2, 3], dropped: [0] },
    ]);
  });

  it("orders a level by the kept criteria, lexicographically", () => {
    const twoDropped = relaxationSteps(four, 2).filter((step) => step.dropped.length === 2);
    expect(twoDropped.map((step) => step.kept)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
  });

  it("gives only the exact join when nothing may be dropped", () => {
    expect(relaxationSteps(four, 0)).toEqual([{ kept: [0, 1, 2, 3], dropped: [] }]);
  });

  it("never drops a required criterion", () => {
    const steps = relaxationSteps([{ required: true }, {}, { required: true }, {}], 2);
    expect(steps.map((step) => step.dropped)).toEqual([[], [3], [1], [1, 3]]);
    expect(steps.every((step) => step.kept.includes(0) && step.kept.includes(2))).toBe(true);
  });

  it("has no relaxation step when every criterion is required", () => {
    expect(relaxationSteps([{ required: true }, { required: true }], 1)).toHaveLength(1);
  });
});

describe("countRelaxationSteps", () => {
  it("counts the steps relaxationSteps lists", () => {
    for (const maxDropped of [0, 1, 2, 3, 4]) {
      const criteria = [{}, { required: true }, {}, {}, {}, {}];
      expect(countRelaxationSteps(criteria, maxDropped)).toBe(relaxationSteps(criteria, maxDropped).length);
    }
  });

  it("sums binomial coefficients: 1 + 6 + 15 for six criteria and two drops", () => {
    expect(countRelaxationSteps([{}, {}, {}, {}, {}, {}], 2)).toBe(22);
  });
});
