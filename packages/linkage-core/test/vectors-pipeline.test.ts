import { describe, expect, it } from "vitest";
import { exactMatch, jaroWinklerAtThresholds } from "../src/comparisons/comparison-library.js";
import { compileComparisons } from "../src/comparisons/compile-comparisons.js";
import { datasetFromRecords } from "../src/data/dataset.js";
import { LinkageError } from "../src/errors.js";
import { computeComparisonVectors } from "../src/vectors/compute-comparison-vectors.js";
import { countAgreementPatterns } from "../src/vectors/count-agreement-patterns.js";

const dataset = datasetFromRecords(
  "people",
  [
    { id: "a", surname: "MARTIN", sex: "F" },
    { id: "b", surname: "MARTIN", sex: "F" },
    { id: "c", surname: "MARTYN", sex: "M" },
    { id: "d", surname: null, sex: "F" },
    { id: "e", surname: "DURAND", sex: null },
  ],
  { idColumn: "id" },
);
const comparisons = compileComparisons(
  [jaroWinklerAtThresholds("surname", [0.92, 0.88]), exactMatch("sex")],
  dataset,
);
// All 10 pairs of the 5 rows.
const left = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]);
const right = Int32Array.from([1, 2, 3, 4, 2, 3, 4, 3, 4, 4]);
const pairs = { count: 10, left, right };

describe("computeComparisonVectors", () => {
  it("gives the hand-computed levels", () => {
    const vectors = computeComparisonVectors(comparisons, pairs);
    // surname: exact 3, JW ≥ 0.92 2 (MARTIN/MARTYN ≈ 0.92), JW ≥ 0.88 1, else 0; sex: exact 1, else 0.
    expect(vectors.pairCount).toBe(10);
    expect(vectors.comparisonNames).toEqual(["surname", "sex"]);
    expect(vectors.levelCounts).toEqual([4, 2]);
    expect([...vectors.levels[0]]).toEqual([3, 2, -1, 0, 2, -1, 0, -1, 0, -1]);
    expect([...vectors.levels[1]]).toEqual([1, 0, 1, -1, 0, 1, -1, 0, -1, -1]);
  });

  it("gives the same levels without the cache (as for random pairs)", () => {
    const fresh = compileComparisons(
      [jaroWinklerAtThresholds("surname", [0.92, 0.88]), exactMatch("sex")],
      dataset,
    );
    const uncached = computeComparisonVectors(fresh, pairs, { cache: false, start: 2, end: 9 });
    const cached = computeComparisonVectors(comparisons, pairs, { start: 2, end: 9 });
    expect(uncached.levels.map((levels) => [...levels])).toEqual(cached.levels.map((levels) => [...levels]));
  });

  it("computes a chunk [start, end) equal to the same slice of the whole", () => {
    const whole = computeComparisonVectors(comparisons, pairs);
    const chunk = computeComparisonVectors(comparisons, pairs, { start: 3, end: 8 });
    expect(chunk.pairCount).toBe(5);
    expect([...chunk.levels[0]]).toEqual([...whole.levels[0].subarray(3, 8)]);
    expect([...chunk.levels[1]]).toEqual([...whole.levels[1].subarray(3, 8)]);
  });

  it("reports progress up to the total", () => {
    const calls: [number, number][] = [];
    computeComparisonVectors(comparisons, pairs, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([10, 10]);
  });

  it("rejects a range outside the pairs", () => {
    expect(() => computeComparisonVectors(comparisons, pairs, { start: 5, end: 11 })).toThrow(LinkageError);
    expect(() => computeComparisonVectors(comparisons, pairs, { start: 6, end: 5 })).toThrow(
      /PAIR_RANGE|range/,
    );
  });
});

describe("countAgreementPatterns on comparison vectors", () => {
  it("counts the hand-computed patterns, summing to the pair count", () => {
    const patterns = countAgreementPatterns(computeComparisonVectors(comparisons, pairs));
    const listed: string[] = [];
    for (let index = 0; index < patterns.patternCount; index++) {
      listed.push(
        `${patterns.patterns[index * 2]},${patterns.patterns[index * 2 + 1]}:${patterns.counts[index]}`,
      );
    }
    expect(listed).toEqual(["-1,-1:1", "-1,0:1", "-1,1:2", "0,-1:3", "2,0:2", "3,1:1"]);
    expect(patterns.counts.reduce((total, count) => total + count, 0)).toBe(10);
  });
});
