import { describe, expect, it } from "vitest";
import { NULL_CODE } from "../data/dataset.js";
import { termFrequencies, termFrequenciesFromTable, termFrequencyAdjustment } from "./term-frequencies.js";

describe("termFrequencies", () => {
  it("gives each key's share of the non-null rows", () => {
    const frequencies = termFrequencies(Int32Array.from([0, 0, 1, NULL_CODE, 0, 2]), 4);
    expect(Array.from(frequencies)).toEqual([3 / 5, 1 / 5, 1 / 5, 0]);
  });

  it("reads a supplied table with a fallback for missing values", () => {
    const frequencies = termFrequenciesFromTable(["MARTIN", "ZYGMUNT"], { MARTIN: 0.01 }, 1e-6);
    expect(Array.from(frequencies)).toEqual([0.01, 1e-6]);
    expect(() => termFrequenciesFromTable(["A"], { A: 2 }, 0.1)).toThrow(
      expect.objectContaining({ code: "TERM_FREQUENCY_INVALID" }),
    );
    expect(() => termFrequenciesFromTable(["A"], {}, 0)).toThrow(
      expect.objectContaining({ code: "TERM_FREQUENCY_INVALID" }),
    );
  });
});

describe("termFrequencyAdjustment", () => {
  it("is weight × log2(u / max(tf(a), tf(b)))", () => {
    // Rare value (1 in 1024) at an exact level with u = 1/64: 4 extra bits.
    expect(termFrequencyAdjustment(1 / 64, 1 / 1024, 1 / 1024, 1)).toBeCloseTo(4, 12);
    // Common value (1 in 8): −3 bits; half weight.
    expect(termFrequencyAdjustment(1 / 64, 1 / 8, 1 / 8, 0.5)).toBeCloseTo(-1.5, 12);
    // Different values (fuzzy level): the more frequent one counts.
    expect(termFrequencyAdjustment(1 / 64, 1 / 1024, 1 / 16, 1)).toBeCloseTo(-2, 12);
    expect(termFrequencyAdjustment(1 / 64, 0, 0, 1)).toBe(0);
  });
});
