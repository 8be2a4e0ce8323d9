import { describe, expect, it } from "vitest";
import { type ComparisonVectors, NULL_LEVEL } from "../vectors/types.js";
import { estimateMFromLabels, estimateUFromLabels, estimateUFromSample } from "./level-frequencies.js";

const vectors: ComparisonVectors = {
  pairCount: 6,
  comparisonNames: ["surname", "sex"],
  levelCounts: [3, 2],
  levels: [Int8Array.from([0, 0, 0, 1, 2, NULL_LEVEL]), Int8Array.from([NULL_LEVEL, NULL_LEVEL, 1, 1, 1, 0])],
};

describe("estimateUFromSample", () => {
  it("counts non-null levels with half a pair of smoothing per level", () => {
    const u = estimateUFromSample(vectors);
    // surname: 5 non-null pairs (3, 1, 1) + 0.5 each over 5 + 1.5.
    expect(u[0]![0]).toBeCloseTo(3.5 / 6.5, 12);
    expect(u[0]![1]).toBeCloseTo(1.5 / 6.5, 12);
    expect(u[0]![2]).toBeCloseTo(1.5 / 6.5, 12);
    // sex: 4 non-null pairs (1, 3) + 0.5 each over 4 + 1.
    expect(u[1]).toEqual([1.5 / 5, 3.5 / 5]);
  });

  it("gives raw frequencies without smoothing and never 0 with it", () => {
    expect(estimateUFromSample(vectors, { pseudoCount: 0 })[0]).toEqual([3 / 5, 1 / 5, 1 / 5]);
    const sparse: ComparisonVectors = {
      ...vectors,
      levels: [Int8Array.from([0, 0, 0, 0, 0, 0]), vectors.levels[1]!],
    };
    for (const value of estimateUFromSample(sparse)[0]!) expect(value).toBeGreaterThan(0);
  });

  it("gives uniform u to a comparison null in every pair", () => {
    const allNull: ComparisonVectors = {
      ...vectors,
      levels: [new Int8Array(6).fill(NULL_LEVEL), vectors.levels[1]!],
    };
    expect(estimateUFromSample(allNull)[0]).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it("refuses an empty sample with a code", () => {
    expect(() =>
      estimateUFromSample({ ...vectors, pairCount: 0, levels: [new Int8Array(0), new Int8Array(0)] }),
    ).toThrow(expect.objectContaining({ code: "U_SAMPLE_EMPTY" }));
  });
});

describe("estimateMFromLabels / estimateUFromLabels", () => {
  const isMatch = Uint8Array.from([0, 0, 0, 1, 1, 1]);

  it("counts levels among the labelled matches and non-matches separately", () => {
    expect(estimateMFromLabels(vectors, isMatch, { pseudoCount: 0 })).toEqual([
      [0, 1 / 2, 1 / 2],
      [1 / 3, 2 / 3],
    ]);
    expect(estimateUFromLabels(vectors, isMatch, { pseudoCount: 0 })).toEqual([
      [1, 0, 0],
      [0, 1],
    ]);
  });

  it("rejects labels of the wrong length or without examples", () => {
    expect(() => estimateMFromLabels(vectors, new Uint8Array(5))).toThrow(
      expect.objectContaining({ code: "LABELS_LENGTH_MISMATCH" }),
    );
    expect(() => estimateMFromLabels(vectors, new Uint8Array(6))).toThrow(
      expect.objectContaining({ code: "LABELS_NO_EXAMPLES" }),
    );
    expect(() => estimateUFromLabels(vectors, new Uint8Array(6).fill(1))).toThrow(
      expect.objectContaining({ code: "LABELS_NO_EXAMPLES" }),
    );
  });
});
