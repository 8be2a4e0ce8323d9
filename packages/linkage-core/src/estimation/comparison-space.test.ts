import { describe, expect, it } from "vitest";
import { comparisonSpaceSize, estimatePriorFromDeterministicMatches } from "./comparison-space.js";

describe("comparisonSpaceSize", () => {
  it("counts cross-source pairs for link and all pairs otherwise", () => {
    expect(comparisonSpaceSize("dedupe", [10])).toBe(45);
    expect(comparisonSpaceSize("link", [10, 20])).toBe(200);
    expect(comparisonSpaceSize("link", [2, 3, 4])).toBe(2 * 3 + 2 * 4 + 3 * 4);
    expect(comparisonSpaceSize("linkAndDedupe", [10, 20])).toBe(435);
  });

  it("stays exact for national-scale sources", () => {
    expect(comparisonSpaceSize("link", [67_000_000, 1_000_000])).toBe(67_000_000 * 1_000_000);
  });

  it("rejects negative or fractional sizes", () => {
    expect(() => comparisonSpaceSize("dedupe", [-1])).toThrow(
      expect.objectContaining({ code: "SOURCE_SIZE_INVALID" }),
    );
  });
});

describe("estimatePriorFromDeterministicMatches", () => {
  it("divides the matches by the assumed recall and the space size", () => {
    const prior = estimatePriorFromDeterministicMatches({
      matchingPairs: 700,
      assumedRecall: 0.7,
      comparisonSpaceSize: 1_000_000,
    });
    expect(prior).toBeCloseTo(0.001, 15);
  });

  it("refuses λ outside (0, 1) and invalid inputs with codes", () => {
    const base = { matchingPairs: 10, assumedRecall: 0.5, comparisonSpaceSize: 100 };
    expect(() => estimatePriorFromDeterministicMatches({ ...base, matchingPairs: 0 })).toThrow(
      expect.objectContaining({ code: "PRIOR_NO_DETERMINISTIC_MATCHES" }),
    );
    expect(() => estimatePriorFromDeterministicMatches({ ...base, matchingPairs: 60 })).toThrow(
      expect.objectContaining({ code: "PRIOR_OUT_OF_RANGE" }),
    );
    expect(() => estimatePriorFromDeterministicMatches({ ...base, assumedRecall: 0 })).toThrow(
      expect.objectContaining({ code: "PRIOR_RECALL_INVALID" }),
    );
    expect(() => estimatePriorFromDeterministicMatches({ ...base, assumedRecall: 1.2 })).toThrow(
      expect.objectContaining({ code: "PRIOR_RECALL_INVALID" }),
    );
    expect(() => estimatePriorFromDeterministicMatches({ ...base, comparisonSpaceSize: 0 })).toThrow(
      expect.objectContaining({ code: "PRIOR_SPACE_EMPTY" }),
    );
  });
});
