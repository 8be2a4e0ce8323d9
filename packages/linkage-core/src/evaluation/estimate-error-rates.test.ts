import { describe, expect, it } from "vitest";
import { estimateErrorRates } from "./estimate-error-rates.js";

describe("estimateErrorRates", () => {
  const probabilities = Float64Array.from([0.99, 0.9, 0.6, 0.3, 0.05, 0.01]);

  it("matches a hand computation of fastLink's FDR and FNR", () => {
    const [atHalf, atZero, aboveAll] = estimateErrorRates(probabilities, [0.5, 0, 1]);
    // Linked at 0.5: 0.99, 0.9, 0.6 → FDR = (0.01 + 0.1 + 0.4) / 3; FNR = (0.3 + 0.05 + 0.01) / 2.85.
    expect(atHalf!.linkedPairs).toBe(3);
    expect(atHalf!.estimatedFalseDiscoveryRate).toBeCloseTo(0.51 / 3, 12);
    expect(atHalf!.estimatedFalseNegativeRate).toBeCloseTo(0.36 / 2.85, 12);
    expect(atHalf!.expectedMatches).toBeCloseTo(2.49, 12);
    expect(atZero!.linkedPairs).toBe(6);
    expect(atZero!.estimatedFalseNegativeRate).toBe(0);
    expect(atZero!.estimatedFalseDiscoveryRate).toBeCloseTo((6 - 2.85) / 6, 12);
    expect(aboveAll!.linkedPairs).toBe(0);
    expect(aboveAll!.estimatedFalseDiscoveryRate).toBe(0);
    expect(aboveAll!.estimatedFalseNegativeRate).toBeCloseTo(1, 12);
  });

  it("counts expected matches outside blocking as missed when given", () => {
    const [rate] = estimateErrorRates(probabilities, [0.5], { unscoredExpectedMatches: 0.15 });
    expect(rate!.estimatedFalseNegativeRate).toBeCloseTo(0.51 / 3, 12);
  });

  it("includes pairs exactly at the threshold and rejects invalid probabilities", () => {
    expect(estimateErrorRates(probabilities, [0.6])[0]!.linkedPairs).toBe(3);
    expect(() => estimateErrorRates(Float64Array.from([0.5, Number.NaN]), [0.5])).toThrow(
      expect.objectContaining({ code: "ERROR_RATES_INPUT_INVALID" }),
    );
  });
});
