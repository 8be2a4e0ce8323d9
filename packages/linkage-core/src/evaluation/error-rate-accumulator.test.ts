import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors.js";
import { ErrorRateAccumulator } from "./error-rate-accumulator.js";
import { estimateErrorRates } from "./estimate-error-rates.js";

describe("ErrorRateAccumulator", () => {
  it("gives estimateErrorRates' rates to the bit, however the probabilities are chunked", () => {
    const random = seedrandom("error-rates");
    const probabilities = Float64Array.from({ length: 5000 }, (_, index) =>
      index % 7 === 0 ? 0.9 : index % 11 === 0 ? 1 : random() ** 3,
    );
    const thresholds = [0.9, 0.5, 0.99, 0.9, 0];
    const expected = estimateErrorRates(probabilities, thresholds);
    for (const chunk of [1, 333, 5000]) {
      const accumulator = new ErrorRateAccumulator(thresholds);
      for (let start = 0; start < probabilities.length; start += chunk) {
        accumulator.add(probabilities, start, Math.min(probabilities.length, start + chunk));
      }
      expect(accumulator.rates()).toEqual(expected);
    }
    expect(expected[0]!.linkedPairs).toBeGreaterThan(0);
  });

  it("gives zero rates without pairs and refuses a probability outside [0, 1], naming its position", () => {
    const accumulator = new ErrorRateAccumulator([0.5]);
    expect(accumulator.rates()).toEqual(estimateErrorRates(new Float64Array(0), [0.5]));
    accumulator.add(Float64Array.of(0.2, 0.3));
    expect(() => accumulator.add(Float64Array.of(0.1, Number.NaN))).toThrow(LinkageError);
    expect(() => accumulator.add(Float64Array.of(0.1, 2))).toThrow(/pair 3 is 2/);
  });
});
