import { describe, expect, it } from "vitest";
import {
  createRandomStream,
  cumulativeSums,
  drawFromCumulative,
  drawInteger,
  drawPoisson,
  zipfCumulative,
} from "./random-stream.js";

describe("createRandomStream", () => {
  it("repeats the same draws for the same key and differs for another key", () => {
    const draws = (stream: string, index: number) => {
      const random = createRandomStream("seed", stream, index);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draws("persons", 3)).toEqual(draws("persons", 3));
    expect(draws("persons", 3)).not.toEqual(draws("persons", 4));
    expect(draws("persons", 3)).not.toEqual(draws("stays", 3));
    for (const value of draws("persons", 7)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe("drawFromCumulative", () => {
  it("draws indexes in proportion to their weights and never a zero-weight index", () => {
    const random = createRandomStream("weights");
    const cumulative = cumulativeSums([1, 0, 3, 6]);
    const counts = [0, 0, 0, 0];
    for (let draw = 0; draw < 20_000; draw++) counts[drawFromCumulative(random, cumulative)]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 20_000).toBeCloseTo(0.1, 1);
    expect(counts[2] / 20_000).toBeCloseTo(0.3, 1);
    expect(counts[3] / 20_000).toBeCloseTo(0.6, 1);
  });
});

describe("drawInteger and drawPoisson", () => {
  it("keeps integers in range and Poisson counts near their mean", () => {
    const random = createRandomStream("counts");
    let total = 0;
    for (let draw = 0; draw < 10_000; draw++) {
      const value = drawInteger(random, 7);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(7);
      total += drawPoisson(random, 1.5);
    }
    expect(total / 10_000).toBeGreaterThan(1.45);
    expect(total / 10_000).toBeLessThan(1.55);
    expect(drawPoisson(random, 0)).toBe(0);
  });
});

describe("zipfCumulative", () => {
  it("gives P(k) proportional to k^-s", () => {
    const cumulative = zipfCumulative(2, 3);
    const total = 1 + 1 / 4 + 1 / 9;
    expect(cumulative[0] / cumulative[2]).toBeCloseTo(1 / total, 12);
    expect((cumulative[2] - cumulative[1]) / cumulative[2]).toBeCloseTo(1 / 9 / total, 12);
  });
});
