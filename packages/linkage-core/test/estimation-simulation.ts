// Test helper: pairs simulated from a known Fellegi–Sunter model, and their agreement patterns counted.
import seedrandom from "seedrandom";
import type { ModelParameters } from "../src/estimation/types.js";
import { type ComparisonVectors, NULL_LEVEL, type PatternCounts } from "../src/vectors/types.js";

export interface SimulatedComparison {
  readonly name: string;
  readonly m: readonly number[];
  readonly u: readonly number[];
  /** Probability that the comparison is null in a pair, whatever its class (missing at random). */
  readonly nullRate: number;
}

export interface SimulatedModel {
  readonly priorMatchProbability: number;
  readonly comparisons: readonly SimulatedComparison[];
}

export function modelParameters(model: SimulatedModel): ModelParameters {
  return {
    priorMatchProbability: model.priorMatchProbability,
    comparisons: model.comparisons.map((comparison) => ({
      name: comparison.name,
      levelLabels: comparison.m.map((_, level) => `level ${level}`),
      m: [...comparison.m],
      u: [...comparison.u],
    })),
  };
}

/** Draws pairs from the model: class first, then each comparison's level (or null) independently. */
export function simulatePairs(
  model: SimulatedModel,
  pairCount: number,
  seed: string,
): { vectors: ComparisonVectors; isMatch: Uint8Array } {
  const random = seedrandom(seed);
  const isMatch = new Uint8Array(pairCount);
  const levels = model.comparisons.map(() => new Int8Array(pairCount));
  for (let pair = 0; pair < pairCount; pair++) {
    const match = random() < model.priorMatchProbability;
    isMatch[pair] = match ? 1 : 0;
    model.comparisons.forEach((comparison, index) => {
      if (random() < comparison.nullRate) {
        levels[index]![pair] = NULL_LEVEL;
        return;
      }
      const distribution = match ? comparison.m : comparison.u;
      let draw = random();
      let level = 0;
      while (level < distribution.length - 1 && draw >= distribution[level]!) {
        draw -= distribution[level]!;
        level++;
      }
      levels[index]![pair] = level;
    });
  }
  return {
    vectors: {
      pairCount,
      comparisonNames: model.comparisons.map((comparison) => comparison.name),
      levelCounts: model.comparisons.map((comparison) => comparison.m.length),
      levels,
    },
    isMatch,
  };
}

/** Distinct patterns in order of first appearance, with counts and the pattern of each pair. */
export function countPatterns(vectors: ComparisonVectors): PatternCounts & { patternOfPair: Int32Array } {
  const indexOfKey = new Map<string, number>();
  const patterns: number[] = [];
  const counts: number[] = [];
  const patternOfPair = new Int32Array(vectors.pairCount);
  for (let pair = 0; pair < vectors.pairCount; pair++) {
    const pattern = vectors.levels.map((levels) => levels[pair]!);
    const key = pattern.join(",");
    let index = indexOfKey.get(key);
    if (index === undefined) {
      index = counts.length;
      indexOfKey.set(key, index);
      patterns.push(...pattern);
      counts.push(0);
    }
    counts[index]!++;
    patternOfPair[pair] = index;
  }
  return {
    comparisonNames: vectors.comparisonNames,
    levelCounts: vectors.levelCounts,
    patternCount: counts.length,
    patterns: Int8Array.from(patterns),
    counts: Float64Array.from(counts),
    patternOfPair,
  };
}

/** Pattern counts written out by hand: rows of levels with their counts. */
export function patternCountsOf(
  levelCounts: readonly number[],
  rows: readonly (readonly [levels: readonly number[], count: number])[],
): PatternCounts {
  return {
    comparisonNames: levelCounts.map((_, index) => `comparison ${index}`),
    levelCounts,
    patternCount: rows.length,
    patterns: Int8Array.from(rows.flatMap(([levels]) => levels)),
    counts: Float64Array.from(rows.map(([, count]) => count)),
  };
}
