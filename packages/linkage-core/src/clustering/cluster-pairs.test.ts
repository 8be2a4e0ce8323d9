import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { clusterPairs } from "./cluster-pairs.js";

describe("clusterPairs", () => {
  it("joins rows linked directly or transitively, numbering clusters by their smallest row", () => {
    const left = Int32Array.from([5, 1, 3, 0]);
    const right = Int32Array.from([6, 4, 4, 2]);
    const { clusterOf, clusterCount } = clusterPairs(7, left, right, Uint8Array.from([1, 1, 1, 1]));
    // Clusters: {0,2}, {1,3,4}, {5,6} → ids 0, 1, 2 in order of smallest row.
    expect(Array.from(clusterOf)).toEqual([0, 1, 0, 1, 1, 2, 2]);
    expect(clusterCount).toBe(3);
  });

  it("keeps only the selected pairs, by mask or by minimum weight", () => {
    const left = Int32Array.from([0, 1]);
    const right = Int32Array.from([1, 2]);
    expect(Array.from(clusterPairs(3, left, right, Uint8Array.from([1, 0])).clusterOf)).toEqual([0, 0, 1]);
    const byWeight = clusterPairs(3, left, right, {
      matchWeight: Float64Array.from([-2, 4]),
      minimumWeight: 0,
    });
    expect(Array.from(byWeight.clusterOf)).toEqual([0, 1, 1]);
    expect(byWeight.clusterCount).toBe(2);
  });

  it("gives identical ids whatever the order and orientation of the pairs", () => {
    const random = seedrandom("clusters");
    const rowCount = 200;
    const pairCount = 150;
    const left = Int32Array.from({ length: pairCount }, () => Math.floor(random() * rowCount));
    const right = Int32Array.from({ length: pairCount }, () => Math.floor(random() * rowCount));
    const keep = new Uint8Array(pairCount).fill(1);
    const reference = clusterPairs(rowCount, left, right, keep);
    for (let trial = 0; trial < 20; trial++) {
      const order = Array.from({ length: pairCount }, (_, index) => index);
      for (let index = order.length - 1; index > 0; index--) {
        const other = Math.floor(random() * (index + 1));
        [order[index], order[other]] = [order[other]!, order[index]!];
      }
      const flip = random() < 0.5;
      const shuffledLeft = Int32Array.from(order, (pair) => (flip ? right[pair]! : left[pair]!));
      const shuffledRight = Int32Array.from(order, (pair) => (flip ? left[pair]! : right[pair]!));
      const shuffled = clusterPairs(rowCount, shuffledLeft, shuffledRight, keep);
      expect(shuffled.clusterOf).toEqual(reference.clusterOf);
      expect(shuffled.clusterCount).toBe(reference.clusterCount);
    }
  });

  it("agrees with a naive flood fill on random graphs", () => {
    const random = seedrandom("flood");
    for (let trial = 0; trial < 30; trial++) {
      const rowCount = 30;
      const pairCount = Math.floor(random() * 40);
      const left = Int32Array.from({ length: pairCount }, () => Math.floor(random() * rowCount));
      const right = Int32Array.from({ length: pairCount }, () => Math.floor(random() * rowCount));
      const { clusterOf } = clusterPairs(rowCount, left, right, new Uint8Array(pairCount).fill(1));
      for (let a = 0; a < rowCount; a++) {
        const reached = new Set([a]);
        let grew = true;
        while (grew) {
          grew = false;
          for (let pair = 0; pair < pairCount; pair++) {
            const [x, y] = [left[pair]!, right[pair]!];
            if (reached.has(x) !== reached.has(y)) {
              reached.add(x);
              reached.add(y);
              grew = true;
            }
          }
        }
        for (let b = 0; b < rowCount; b++) expect(clusterOf[a] === clusterOf[b]).toBe(reached.has(b));
      }
    }
  });

  it("rejects rows outside the data and mismatched lengths", () => {
    expect(() => clusterPairs(2, Int32Array.from([0]), Int32Array.from([2]), Uint8Array.from([1]))).toThrow(
      expect.objectContaining({ code: "CLUSTER_ROW_OUT_OF_RANGE" }),
    );
    expect(() =>
      clusterPairs(2, Int32Array.from([0]), Int32Array.from([1]), Uint8Array.from([1, 1])),
    ).toThrow(expect.objectContaining({ code: "CLUSTER_INPUT_MISMATCH" }));
  });
});
