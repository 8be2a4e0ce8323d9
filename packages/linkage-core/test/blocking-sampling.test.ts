import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { type RandomPairs, sampleRandomPairs } from "../src/blocking/index.js";
import {
  type CombinedDataset,
  combineDatasets,
  type Dataset,
  datasetFromRecords,
} from "../src/data/dataset.js";

function source(name: string, rowCount: number): Dataset {
  return datasetFromRecords(
    name,
    Array.from({ length: rowCount }, (_, row) => ({ id: `${name}${row}`, value: "x" })),
    { idColumn: "id" },
  );
}

// Deliberately unequal sources: 1, 3 and 6 rows (27 cross-source pairs, 45 pairs in all).
const threeSources: CombinedDataset = combineDatasets([source("a", 1), source("b", 3), source("c", 6)]);

function frequencies(sample: RandomPairs, rowCount: number): Map<number, number> {
  const seen = new Map<number, number>();
  for (let pair = 0; pair < sample.count; pair++) {
    const key = sample.left[pair]! * rowCount + sample.right[pair]!;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen;
}

function expectRoughlyUniform(seen: Map<number, number>, pairCount: number, drawn: number): void {
  expect(seen.size).toBe(pairCount);
  const expected = drawn / pairCount;
  for (const count of seen.values()) {
    // 20 000+ draws: each frequency is within a few standard deviations (≈ 4 %) of the mean; 20 % is far outside.
    expect(Math.abs(count - expected) / expected).toBeLessThan(0.2);
  }
}

describe("sampleRandomPairs", () => {
  it("draws uniformly among cross-source pairs under link, however unequal the sources", () => {
    const sample = sampleRandomPairs(threeSources, "link", 27_000, seedrandom("link"));
    let badPairs = 0;
    for (let pair = 0; pair < sample.count; pair++) {
      const left = sample.left[pair]!;
      const right = sample.right[pair]!;
      if (left >= right || threeSources.sourceOf[left] === threeSources.sourceOf[right]) badPairs++;
    }
    expect(badPairs).toBe(0);
    expectRoughlyUniform(frequencies(sample, 10), 27, 27_000);
  });

  it("draws uniformly among all pairs under dedupe and linkAndDedupe, never a self pair", () => {
    for (const linkType of ["dedupe", "linkAndDedupe"] as const) {
      const sample = sampleRandomPairs(threeSources, linkType, 45_000, seedrandom(linkType));
      let badPairs = 0;
      for (let pair = 0; pair < sample.count; pair++)
        if (sample.left[pair]! >= sample.right[pair]!) badPairs++;
      expect(badPairs).toBe(0);
      expectRoughlyUniform(frequencies(sample, 10), 45, 45_000);
    }
  });

  it("under link, draws each pair of sources in proportion to its number of pairs", () => {
    const sources = combineDatasets([source("a", 20), source("b", 40), source("c", 40)]);
    const sample = sampleRandomPairs(sources, "link", 3000, seedrandom("proportions"));
    const bySourcePair = new Map<string, number>();
    for (let pair = 0; pair < sample.count; pair++) {
      const key = `${sources.sourceOf[sample.left[pair]!]}-${sources.sourceOf[sample.right[pair]!]}`;
      bySourcePair.set(key, (bySourcePair.get(key) ?? 0) + 1);
    }
    // Space: a-b and a-c have 800 pairs each, b-c 1600, of 3200.
    expect([...bySourcePair.keys()].sort()).toEqual(["0-1", "0-2", "1-2"]);
    expect(bySourcePair.get("0-1")! / 3000).toBeCloseTo(0.25, 1);
    expect(bySourcePair.get("0-2")! / 3000).toBeCloseTo(0.25, 1);
    expect(bySourcePair.get("1-2")! / 3000).toBeCloseTo(0.5, 1);
  });

  it("gives the same pairs for the same seed, and others for another", () => {
    const first = sampleRandomPairs(threeSources, "link", 500, seedrandom("seed-1"));
    const again = sampleRandomPairs(threeSources, "link", 500, seedrandom("seed-1"));
    const other = sampleRandomPairs(threeSources, "link", 500, seedrandom("seed-2"));
    expect(again.left).toEqual(first.left);
    expect(again.right).toEqual(first.right);
    expect([...other.left, ...other.right]).not.toEqual([...first.left, ...first.right]);
  });

  it("has exactly sized arrays and accepts zero pairs", () => {
    const sample = sampleRandomPairs(threeSources, "dedupe", 7, seedrandom("size"));
    expect(sample.count).toBe(7);
    expect(sample.left.length).toBe(7);
    expect(sampleRandomPairs(source("one", 1), "dedupe", 0, seedrandom("zero")).count).toBe(0);
  });

  it("says so when there is no pair to draw from", () => {
    const lonely = combineDatasets([source("a", 5), source("b", 0)]);
    expect(() => sampleRandomPairs(lonely, "link", 10, seedrandom("none"))).toThrow(
      expect.objectContaining({ code: "BLOCKING_NO_PAIRS_TO_SAMPLE" }),
    );
    expect(() => sampleRandomPairs(source("one", 1), "dedupe", 10, seedrandom("none"))).toThrow(
      expect.objectContaining({ code: "BLOCKING_NO_PAIRS_TO_SAMPLE" }),
    );
    expect(() => sampleRandomPairs(threeSources, "dedupe", 1.5, seedrandom("bad"))).toThrow(
      expect.objectContaining({ code: "SPEC_INVALID" }),
    );
  });
});
