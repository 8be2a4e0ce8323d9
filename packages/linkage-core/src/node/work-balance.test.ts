import { describe, expect, it } from "vitest";
import type { CompiledComparison } from "../comparisons/compile-comparisons.js";
import { WorkBalance } from "./work-balance.js";

/** Just what the balance reads of a compiled comparison. */
function comparison(cacheMode: CompiledComparison["cacheMode"], keyCount = 10): CompiledComparison {
  return { cacheMode, keyCount } as CompiledComparison;
}

/** The worker owning each comparison: the one that lists it among its first `own` entries. */
function owners(orders: number[][], comparisons: number): number[] {
  return Array.from({ length: comparisons }, (_, index) =>
    orders.findIndex((order) => order[0] === index || order[1] === index),
  );
}

describe("WorkBalance", () => {
  it("shares comparisons out by estimated cost; helpers take cache-free ones first, hash-cached ones last", () => {
    const balance = new WorkBalance(
      [
        comparison("hashed", 50_000),
        comparison("hashed", 40_000),
        comparison("none"),
        comparison("dense", 5000),
      ],
      2,
    );
    const orders = balance.comparisonOrders();
    expect(orders).toHaveLength(2);
    // The two costly hash-cached comparisons go to different workers, each first in its owner's order and last
    // in the other's.
    expect([orders[0]![0], orders[1]![0]].sort()).toEqual([0, 1]);
    for (const order of orders) {
      expect(order).toHaveLength(4);
      expect(order[3]).toBe(1 - order[0]!);
    }
    // The worker owning the dense comparison helps with the cache-free one first, and the other way round.
    const denseOwner = orders.findIndex((order) => order[1] === 3);
    expect(orders[denseOwner]).toEqual([orders[denseOwner]![0], 3, 2, 1 - orders[denseOwner]![0]!]);
    expect(orders[1 - denseOwner]).toEqual([orders[1 - denseOwner]![0], 2, 3, orders[denseOwner]![0]]);
  });

  it("keeps owners while too few pairs are measured", () => {
    const balance = new WorkBalance([comparison("none"), comparison("none")], 2);
    const before = balance.comparisonOrders();
    balance.timings[0] += 1e6;
    balance.timings[1] += 1000;
    expect(balance.comparisonOrders()).toEqual(before);
  });

  it("moves comparisons to balance measured costs, and only when it helps clearly", () => {
    const balance = new WorkBalance(
      [comparison("none"), comparison("none"), comparison("none"), comparison("none")],
      2,
      // Revised after 1,000 pairs rather than half a million, to keep the test small.
      1000,
    );
    const record = (worker: number, index: number, milliseconds: number) => {
      balance.timings[(worker * 4 + index) * 2] += milliseconds;
      balance.timings[(worker * 4 + index) * 2 + 1] += 1000;
    };
    // Alike at first: shared out in turn.
    expect(owners(balance.comparisonOrders(), 4)).toEqual([0, 1, 0, 1]);
    // Comparisons 0 and 2 turn out costly, both on worker 0: one of them moves.
    record(0, 0, 1000);
    record(0, 2, 1000);
    record(1, 1, 1);
    record(1, 3, 1);
    const moved = owners(balance.comparisonOrders(), 4);
    expect(moved[0]).not.toBe(moved[2]);
    // Costs as before: the owners stay (a move would only cool a cache).
    record(0, 0, 1000);
    record(1, 2, 1000);
    record(1, 1, 1);
    record(0, 3, 1);
    expect(owners(balance.comparisonOrders(), 4)).toEqual(moved);
  });
});
