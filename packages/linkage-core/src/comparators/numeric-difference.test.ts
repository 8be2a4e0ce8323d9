import { describe, expect, it } from "vitest";
import { absoluteDifference, relativeDifference } from "./numeric-difference.js";

describe("numeric differences", () => {
  it("absoluteDifference is |a − b|", () => {
    expect(absoluteDifference(3, 7)).toBe(4);
    expect(absoluteDifference(7, 3)).toBe(4);
    expect(absoluteDifference(-2, 2)).toBe(4);
    expect(absoluteDifference(1.5, 1.5)).toBe(0);
    expect(absoluteDifference(Number.NaN, 1)).toBeNaN();
  });

  it("relativeDifference divides by the larger magnitude and is 0 for two zeros", () => {
    expect(relativeDifference(90, 100)).toBeCloseTo(0.1, 12);
    expect(relativeDifference(100, 90)).toBeCloseTo(0.1, 12);
    expect(relativeDifference(0, 0)).toBe(0);
    expect(relativeDifference(0, 5)).toBe(1);
    expect(relativeDifference(-1, 1)).toBe(2);
    expect(relativeDifference(-50, -40)).toBeCloseTo(0.2, 12);
    expect(relativeDifference(Number.NaN, 1)).toBeNaN();
  });
});
