import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { countAgreementPatterns } from "./count-agreement-patterns.js";
import type { ComparisonVectors } from "./types.js";

function vectorsOf(levelCounts: readonly number[], rows: readonly (readonly number[])[]): ComparisonVectors {
  return {
    pairCount: rows.length,
    comparisonNames: levelCounts.map((_, index) => `c${index}`),
    levelCounts,
    levels: levelCounts.map((_, comparison) => Int8Array.from(rows, (row) => row[comparison])),
  };
}

function patternRows(patterns: Int8Array, comparisonCount: number): number[][] {
  const rows: number[][] = [];
  for (let start = 0; start < patterns.length; start += comparisonCount) {
    rows.push([...patterns.subarray(start, start + comparisonCount)]);
  }
  return rows;
}

describe("countAgreementPatterns", () => {
  it("counts a hand-made example, patterns in lexicographic (ascending id) order", () => {
    const vectors = vectorsOf(
      [2, 3],
      [
        [1, 2],
        [0, -1],
        [1, 2],
        [-1, 0],
        [0, -1],
        [1, 0],
      ],
    );
    const result = countAgreementPatterns(vectors);
    expect(result.patternCount).toBe(4);
    expect(patternRows(result.patterns, 2)).toEqual([
      [-1, 0],
      [0, -1],
      [1, 0],
      [1, 2],
    ]);
    expect([...result.counts]).toEqual([1, 2, 1, 2]);
    expect([...result.patternOfPair]).toEqual([3, 1, 3, 0, 1, 2]);
    expect(result.comparisonNames).toEqual(["c0", "c1"]);
  });

  it("handles no pairs", () => {
    const result = countAgreementPatterns(vectorsOf([2, 2], []));
    expect(result.patternCount).toBe(0);
    expect(result.counts.length).toBe(0);
  });

  it("hashes when the possible patterns are too many for a dense table, with the same result shape", () => {
    const random = seedrandom("patterns");
    const levelCounts = [9, 9, 9, 9, 9, 9, 9];
    const rows = Array.from({ length: 5000 }, () =>
      levelCounts.map((count) => Math.min(count - 1, Math.floor(random() * 3) + (random() < 0.5 ? -1 : 0))),
    );
    const result = countAgreementPatterns(vectorsOf(levelCounts, rows));
    const expected = new Map<string, number>();
    for (const row of rows) expected.set(row.join(","), (expected.get(row.join(",")) ?? 0) + 1);
    expect(result.patternCount).toBe(expected.size);
    const listed = patternRows(result.patterns, levelCounts.length);
    const sorted = [...listed].sort((a, b) => {
      for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index] - b[index];
      return 0;
    });
    expect(listed).toEqual(sorted);
    expect([...result.counts]).toEqual(listed.map((pattern) => expected.get(pattern.join(","))));
    expect(rows.map((_, pair) => listed[result.patternOfPair[pair]])).toEqual(rows);
    expect(result.counts.reduce((total, count) => total + count, 0)).toBe(rows.length);
  });

  it("gives the same patterns through the dense and hashed paths", () => {
    const random = seedrandom("both");
    const rows = Array.from({ length: 2000 }, () => [
      Math.floor(random() * 4) - 1,
      Math.floor(random() * 3) - 1,
    ]);
    const dense = countAgreementPatterns(vectorsOf([3, 2], rows));
    // Padding with comparisons always at level 0 pushes the possible patterns past the dense limit.
    const padded = rows.map((row) => [...row, 0, 0, 0, 0, 0, 0]);
    const hashed = countAgreementPatterns(vectorsOf([3, 2, 10, 10, 10, 10, 10, 10], padded));
    expect(patternRows(hashed.patterns, 8).map((pattern) => pattern.slice(0, 2))).toEqual(
      patternRows(dense.patterns, 2),
    );
    expect([...hashed.counts]).toEqual([...dense.counts]);
    expect([...hashed.patternOfPair]).toEqual([...dense.patternOfPair]);
  });
});
