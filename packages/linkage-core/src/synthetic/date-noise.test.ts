import { describe, expect, it } from "vitest";
import { dayNumber } from "../calendar/day-number.js";
import { recordBirthDate, shiftByOneDay } from "./date-noise.js";
import { createRandomStream } from "./random-stream.js";

const noNoise = { shiftRate: 0, dayMonthSwapRate: 0, missingRate: 0 };

describe("shiftByOneDay", () => {
  it("moves a day forward or back, both about half the time", () => {
    const random = createRandomStream("shift");
    let forward = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const shifted = shiftByOneDay(100, random);
      expect([99, 101]).toContain(shifted);
      if (shifted === 101) forward++;
    }
    expect(forward).toBeGreaterThan(900);
    expect(forward).toBeLessThan(1100);
  });
});

describe("recordBirthDate", () => {
  const birthDay = dayNumber(1961, 3, 7);

  it("records the date as it is without noise", () => {
    expect(recordBirthDate(birthDay, noNoise, createRandomStream("none"))).toBe("1961-03-07");
  });

  it("shifts by one day, swaps day and month, or drops the date at the given rates", () => {
    const random = createRandomStream("always");
    expect(recordBirthDate(birthDay, { ...noNoise, shiftRate: 1 }, random)).toMatch(/^1961-03-0[68]$/);
    expect(recordBirthDate(birthDay, { ...noNoise, dayMonthSwapRate: 1 }, random)).toBe("1961-07-03");
    expect(recordBirthDate(birthDay, { ...noNoise, missingRate: 1 }, random)).toBe("");
  });

  it("never swaps when the swap would not give another valid date", () => {
    const random = createRandomStream("no-swap");
    const swapAlways = { ...noNoise, dayMonthSwapRate: 1 };
    expect(recordBirthDate(dayNumber(1980, 4, 25), swapAlways, random)).toBe("1980-04-25");
    expect(recordBirthDate(dayNumber(1980, 5, 5), swapAlways, random)).toBe("1980-05-05");
  });

  it("makes the same draws for the same stream, others for another", () => {
    const noisy = { shiftRate: 0.3, dayMonthSwapRate: 0.3, missingRate: 0.1 };
    const record = (seed: string) =>
      Array.from({ length: 50 }, (_, index) =>
        recordBirthDate(birthDay + index, noisy, createRandomStream(seed, "", index)),
      );
    expect(record("same")).toEqual(record("same"));
    expect(record("same")).not.toEqual(record("other"));
  });
});
