import { describe, expect, it } from "vitest";
import { sampleRandomPairs } from "./sample-random-pairs.js";

describe("sampleRandomPairs", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const options = { linkType: "dedupe" as const, rowCount: 1000, sampleSize: 500 };
    const first = sampleRandomPairs({ ...options, seed: 42 });
    const again = sampleRandomPairs({ ...options, seed: 42 });
    const other = sampleRandomPairs({ ...options, seed: 43 });
    expect(again.left).toEqual(first.left);
    expect(again.right).toEqual(first.right);
    expect(other.left).not.toEqual(first.left);
  });

  it("draws distinct rows with the lower row first", () => {
    const pairs = sampleRandomPairs({ linkType: "dedupe", rowCount: 50, sampleSize: 1000, seed: 1 });
    expect(pairs.count).toBe(1000);
    for (let pair = 0; pair < pairs.count; pair++) expect(pairs.left[pair]!).toBeLessThan(pairs.right[pair]!);
  });

  it("only crosses sources when linking, in proportion to each source pair's size", () => {
    const sourceOf = Uint8Array.from([
      ...new Array(20).fill(0),
      ...new Array(40).fill(1),
      ...new Array(40).fill(2),
    ]);
    const pairs = sampleRandomPairs({ linkType: "link", rowCount: 100, sourceOf, sampleSize: 3000, seed: 7 });
    expect(pairs.count).toBe(3000);
    const bySourcePair = new Map<string, number>();
    for (let pair = 0; pair < pairs.count; pair++) {
      const a = sourceOf[pairs.left[pair]!]!;
      const b = sourceOf[pairs.right[pair]!]!;
      expect(a).not.toBe(b);
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      bySourcePair.set(key, (bySourcePair.get(key) ?? 0) + 1);
    }
    // Space: 0-1 has 800 pairs, 0-2 has 800, 1-2 has 1600, of 3200.
    expect(bySourcePair.get("0-1")! / 3000).toBeCloseTo(0.25, 1);
    expect(bySourcePair.get("0-2")! / 3000).toBeCloseTo(0.25, 1);
    expect(bySourcePair.get("1-2")! / 3000).toBeCloseTo(0.5, 1);
  });

  it("draws rows about equally often", () => {
    const pairs = sampleRandomPairs({ linkType: "dedupe", rowCount: 400, sampleSize: 40_000, seed: 5 });
    let rowZero = 0;
    for (let pair = 0; pair < pairs.count; pair++) if (pairs.left[pair] === 0) rowZero++;
    // Row 0 is the lower row of 399 of the 79 800 pairs: 200 draws expected (standard deviation 14).
    expect(rowZero).toBeGreaterThan(150);
    expect(rowZero).toBeLessThan(250);
  });

  it("returns the whole space when the sample would not be smaller", () => {
    const sourceOf = Uint8Array.from([0, 0, 1]);
    const pairs = sampleRandomPairs({ linkType: "link", rowCount: 3, sourceOf, sampleSize: 10, seed: 1 });
    expect(Array.from(pairs.left)).toEqual([0, 1]);
    expect(Array.from(pairs.right)).toEqual([2, 2]);
  });

  it("refuses an empty space with a code", () => {
    expect(() => sampleRandomPairs({ linkType: "link", rowCount: 3, sampleSize: 10, seed: 1 })).toThrow(
      expect.objectContaining({ code: "SAMPLE_SPACE_EMPTY" }),
    );
  });
});
