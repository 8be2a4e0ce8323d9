import { describe, expect, it } from "vitest";
import { countPatterns } from "../../test/estimation-simulation.js";
import type { ModelParameters } from "../estimation/types.js";
import type { ThresholdSpec } from "../spec/types.js";
import { type ComparisonVectors, NULL_LEVEL } from "../vectors/types.js";
import { explainPair } from "./explain-pair.js";
import { matchProbabilityFromWeight } from "./match-weights.js";
import { scorePairs, type TermFrequencyAdjustmentInput } from "./score-pairs.js";
import { pairsPassingThreshold, passesThreshold, thresholdAsMatchWeight } from "./threshold.js";

const parameters: ModelParameters = {
  priorMatchProbability: 1 / 9,
  comparisons: [
    { name: "surname", levelLabels: ["else", "fuzzy", "exact"], m: [0.1, 0.1, 0.8], u: [0.8, 0.1, 0.1] },
    { name: "sex", levelLabels: ["different", "same"], m: [0.25, 0.75], u: [0.5, 0.5] },
  ],
};

// Surname key of rows 0–5, and the frequency of each key: key 0 common (1/2), key 2 rare (1/32).
const surnameKeys = Int32Array.from([0, 0, 2, 2, 1, 0]);
const surnameFrequencies = Float64Array.from([1 / 2, 1 / 8, 1 / 32]);
const left = Int32Array.from([0, 2, 0, 1, 4]);
const right = Int32Array.from([1, 3, 4, 5, 5]);
const vectors: ComparisonVectors = {
  pairCount: 5,
  comparisonNames: ["surname", "sex"],
  levelCounts: [3, 2],
  levels: [Int8Array.from([2, 2, 1, 2, 0]), Int8Array.from([1, 1, NULL_LEVEL, 0, 1])],
};
const adjustment: TermFrequencyAdjustmentInput = {
  comparisonIndex: 0,
  level: 2,
  weight: 1,
  rowKeys: surnameKeys,
  frequencies: surnameFrequencies,
};

describe("scorePairs", () => {
  it("adds prior and partial weights per pair", () => {
    const { matchWeight, matchProbability } = scorePairs({ vectors, parameters, left, right });
    const same = Math.log2(1.5);
    expect(Array.from(matchWeight)).toEqual([
      -3 + 3 + same,
      -3 + 3 + same,
      -3 + 0,
      -3 + 3 - 1,
      -3 - 3 + same,
    ]);
    matchWeight.forEach((weight, pair) => {
      expect(matchProbability[pair]).toBe(matchProbabilityFromWeight(weight));
    });
  });

  it("gives the same scores from pattern indices as from vectors", () => {
    const patterns = countPatterns(vectors);
    const fromVectors = scorePairs({
      vectors,
      parameters,
      left,
      right,
      termFrequencyAdjustments: [adjustment],
    });
    const fromPatterns = scorePairs({
      patterns,
      patternOfPair: patterns.patternOfPair,
      parameters,
      left,
      right,
      termFrequencyAdjustments: [adjustment],
    });
    expect(Array.from(fromPatterns.matchWeight)).toEqual(Array.from(fromVectors.matchWeight));
  });

  it("adds the term-frequency term only at the adjusted level", () => {
    const base = scorePairs({ vectors, parameters, left, right }).matchWeight;
    const adjusted = scorePairs({
      vectors,
      parameters,
      left,
      right,
      termFrequencyAdjustments: [adjustment],
    }).matchWeight;
    // Pair 0 agrees on the common key 0 (tf 1/2): log2(0.1 / 0.5). Pair 1 on the rare key 2 (tf 1/32).
    expect(adjusted[0]! - base[0]!).toBeCloseTo(Math.log2(0.1 / 0.5), 12);
    expect(adjusted[1]! - base[1]!).toBeCloseTo(Math.log2(0.1 * 32), 12);
    // Pair 3 (keys 0 and 0 via rows 1 and 5): common key.
    expect(adjusted[3]! - base[3]!).toBeCloseTo(Math.log2(0.1 / 0.5), 12);
    // Pairs at other levels are untouched.
    expect(adjusted[2]).toBe(base[2]);
    expect(adjusted[4]).toBe(base[4]);
    const half = scorePairs({
      vectors,
      parameters,
      left,
      right,
      termFrequencyAdjustments: [{ ...adjustment, weight: 0.5 }],
    }).matchWeight;
    expect(half[1]! - base[1]!).toBeCloseTo(0.5 * Math.log2(3.2), 12);
  });

  it("rejects inputs that do not line up, with codes", () => {
    expect(() => scorePairs({ vectors, parameters, left: left.subarray(1), right })).toThrow(
      expect.objectContaining({ code: "SCORE_INPUT_MISMATCH" }),
    );
    expect(() =>
      scorePairs({
        vectors,
        parameters: { ...parameters, comparisons: parameters.comparisons.slice(1) },
        left,
        right,
      }),
    ).toThrow(expect.objectContaining({ code: "MODEL_DATA_MISMATCH" }));
    expect(() =>
      scorePairs({
        vectors,
        parameters,
        left,
        right,
        termFrequencyAdjustments: [{ ...adjustment, level: 3 }],
      }),
    ).toThrow(expect.objectContaining({ code: "SCORE_INPUT_MISMATCH" }));
  });
});

describe("explainPair", () => {
  it("lists each comparison's level, label and weights, summing to the pair's score", () => {
    const scores = scorePairs({ vectors, parameters, left, right, termFrequencyAdjustments: [adjustment] });
    for (let pair = 0; pair < vectors.pairCount; pair++) {
      const explanation = explainPair({
        vectors,
        parameters,
        left,
        right,
        termFrequencyAdjustments: [adjustment],
        pair,
      });
      expect(explanation.matchWeight).toBeCloseTo(scores.matchWeight[pair]!, 12);
      expect(explanation.matchProbability).toBeCloseTo(scores.matchProbability[pair]!, 12);
    }
    const explanation = explainPair({
      vectors,
      parameters,
      left,
      right,
      termFrequencyAdjustments: [adjustment],
      pair: 1,
    });
    expect(explanation.priorWeight).toBeCloseTo(-3, 12);
    expect(explanation.comparisons[0]).toMatchObject({
      name: "surname",
      level: 2,
      label: "exact",
      partialWeight: 3,
    });
    expect(explanation.comparisons[0]!.termFrequencyWeight).toBeCloseTo(Math.log2(3.2), 12);
    const withNull = explainPair({ vectors, parameters, left, right, pair: 2 });
    expect(withNull.comparisons[1]).toEqual({
      name: "sex",
      level: NULL_LEVEL,
      label: "null",
      partialWeight: 0,
      termFrequencyWeight: 0,
    });
  });
});

describe("thresholds", () => {
  it("keeps pairs at or above a weight or a probability", () => {
    const byWeight: ThresholdSpec = { kind: "matchWeight", value: 0 };
    const byProbability: ThresholdSpec = { kind: "matchProbability", value: 8 / 9 };
    expect(passesThreshold(byWeight)(0)).toBe(true);
    expect(passesThreshold(byWeight)(-0.01)).toBe(false);
    expect(passesThreshold(byProbability)(3)).toBe(true);
    expect(passesThreshold(byProbability)(2.99)).toBe(false);
    expect(thresholdAsMatchWeight(byProbability)).toBeCloseTo(3, 12);
    expect(Array.from(pairsPassingThreshold(Float64Array.from([-1, 0, 5]), byWeight))).toEqual([0, 1, 1]);
  });

  it("rejects probabilities outside [0, 1] with a spec error", () => {
    expect(() => passesThreshold({ kind: "matchProbability", value: 1.5 })).toThrow(
      expect.objectContaining({ code: "SPEC_INVALID" }),
    );
  });
});
