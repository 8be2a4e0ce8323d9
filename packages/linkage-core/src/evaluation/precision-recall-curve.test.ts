import { describe, expect, it } from "vitest";
import { precisionRecallCurve } from "./precision-recall-curve.js";

// Dedupe of 6 rows; entities {0,1}, {2,3}, {4,5}: 3 true pairs in the space, one (4-5) never blocked.
const truth = Int32Array.from([0, 0, 1, 1, 2, 2]);
const left = Int32Array.from([0, 2, 0, 1]);
const right = Int32Array.from([1, 3, 2, 3]);
const matchWeight = Float64Array.from([8, 4, 4, 1]);

describe("precisionRecallCurve", () => {
  it("gives one point per distinct weight with recall over all true pairs", () => {
    const curve = precisionRecallCurve({ left, right, matchWeight, truth, linkType: "dedupe" });
    expect(curve.totalTruePairs).toBe(3);
    expect(curve.points.map((point) => [point.threshold, point.truePositives, point.falsePositives])).toEqual(
      [
        [8, 1, 0],
        [4, 2, 1],
        [1, 2, 2],
      ],
    );
    expect(curve.points[1]!.precision).toBeCloseTo(2 / 3, 12);
    expect(curve.points[1]!.recall).toBeCloseTo(2 / 3, 12);
    expect(curve.points[1]!.matchProbability).toBeCloseTo(16 / 17, 12);
    // F1: 0.5 at 8, 2/3 at 4, 0.571 at 1.
    expect(curve.best?.threshold).toBe(4);
    expect(curve.best?.f1).toBeCloseTo(2 / 3, 12);
  });

  it("evaluates a given grid, and thins the points when asked", () => {
    const grid = precisionRecallCurve({
      left,
      right,
      matchWeight,
      truth,
      linkType: "dedupe",
      thresholds: [0, 10, 5],
    });
    expect(grid.points.map((point) => [point.threshold, point.truePositives])).toEqual([
      [10, 0],
      [5, 1],
      [0, 2],
    ]);
    expect(grid.points[0]!.precision).toBe(1);
    const thinned = precisionRecallCurve({
      left,
      right,
      matchWeight,
      truth,
      linkType: "dedupe",
      maxPoints: 2,
    });
    expect(thinned.points.map((point) => point.threshold)).toEqual([8, 1]);
    expect(thinned.best?.threshold).toBe(4);
  });
});
