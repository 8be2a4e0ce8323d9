import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { minimumCostAssignment } from "./minimum-cost-assignment.js";

/** Cheapest assignment of every row to a distinct column, by trying them all. */
function bruteForce(cost: Float64Array, rowCount: number, columnCount: number): number {
  let best = Number.POSITIVE_INFINITY;
  const used = new Uint8Array(columnCount);
  const visit = (row: number, total: number) => {
    if (row === rowCount) {
      best = Math.min(best, total);
      return;
    }
    for (let column = 0; column < columnCount; column++) {
      if (used[column]) continue;
      used[column] = 1;
      visit(row + 1, total + cost[row * columnCount + column]!);
      used[column] = 0;
    }
  };
  visit(0, 0);
  return best;
}

describe("minimumCostAssignment", () => {
  it("solves a known 3 × 3 case", () => {
    const cost = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    const columnOfRow = minimumCostAssignment(cost, 3, 3);
    expect(Array.from(columnOfRow)).toEqual([1, 0, 2]);
  });

  it("finds the optimum of random rectangular matrices", () => {
    const random = seedrandom("hungarian");
    for (let trial = 0; trial < 200; trial++) {
      const rowCount = 1 + Math.floor(random() * 5);
      const columnCount = rowCount + Math.floor(random() * 3);
      const cost = Float64Array.from(
        { length: rowCount * columnCount },
        () => Math.round(random() * 20 - 10) / 2,
      );
      const columnOfRow = minimumCostAssignment(cost, rowCount, columnCount);
      expect(new Set(columnOfRow).size).toBe(rowCount);
      const total = Array.from(columnOfRow).reduce(
        (sum, column, row) => sum + cost[row * columnCount + column]!,
        0,
      );
      expect(total).toBeCloseTo(bruteForce(cost, rowCount, columnCount), 9);
    }
  });

  it("rejects more rows than columns", () => {
    expect(() => minimumCostAssignment(new Float64Array(6), 3, 2)).toThrow(
      expect.objectContaining({ code: "ASSIGNMENT_SHAPE_INVALID" }),
    );
  });
});
