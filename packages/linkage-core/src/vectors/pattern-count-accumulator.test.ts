import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { countAgreementPatterns } from "./count-agreement-patterns.js";
import { PatternCountAccumulator } from "./pattern-count-accumulator.js";
import type { ComparisonVectors } from "./types.js";

function randomVectors(levelCounts: readonly number[], pairCount: number, seed: string): ComparisonVectors {
  const random = seedrandom(seed);
  return {
    pairCount,
    comparisonNames: levelCounts.map((_, index) => `c${index}`),
    levelCounts,
    levels: levelCounts.map((count) =>
      Int8Array.from({ length: pairCount }, () => Math.floor(random() * (count + 1)) - 1),
    ),
  };
}

function slice(vectors: ComparisonVectors, start: number, end: number): ComparisonVectors {
  return {
    ...vectors,
    pairCount: end - start,
    levels: vectors.levels.map((column) => column.slice(start, end)),
  };
}

describe("PatternCountAccumulator", () => {
  // Dense pattern ids for the first, hashed vectors for the second (more possible patterns than a table holds).
  it.each([
    [[2, 3, 4], "dense"],
    [[9, 9, 9, 9, 9, 9, 9], "hashed"],
  ])("sums chunks into exactly what counting all pairs gives (%j, %s)", (levelCounts) => {
    const vectors = randomVectors(levelCounts, 3000, `accumulate-${levelCounts.length}`);
    const whole = countAgreementPatterns(vectors);
    for (const chunkPairs of [1, 17, 1000, 3000]) {
      const accumulator = new PatternCountAccumulator(vectors.comparisonNames, vectors.levelCounts);
      for (let start = 0; start < vectors.pairCount; start += chunkPairs) {
        accumulator.addVectors(slice(vectors, start, Math.min(vectors.pairCount, start + chunkPairs)));
      }
      const merged = accumulator.finish();
      expect(merged.patternCount).toBe(whole.patternCount);
      expect(merged.patterns).toEqual(whole.patterns);
      expect(merged.counts).toEqual(whole.counts);
      expect(merged.comparisonNames).toEqual(whole.comparisonNames);
      expect(accumulator.pairCount).toBe(3000);
    }
  });

  it("gives no patterns when nothing was added, and refuses counts over other comparisons", () => {
    const accumulator = new PatternCountAccumulator(["a"], [2]);
    expect(accumulator.finish().patternCount).toBe(0);
    expect(() => accumulator.add(countAgreementPatterns(randomVectors([2, 2], 3, "other")))).toThrow(
      RangeError,
    );
  });
});
