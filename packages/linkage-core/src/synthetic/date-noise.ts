// How a source garbles the dates it records: a day off, day and month swapped, or nothing at all. Shared by
// every scenario so that a given rate means the same thing everywhere.
import { civilDateFromDayNumber, formatIsoDate } from "../calendar/day-number.js";
import { drawChance, type RandomStream } from "./random-stream.js";

/** The day before or the day after, with equal chance (one draw). */
export function shiftByOneDay(day: number, random: RandomStream): number {
  return drawChance(random, 0.5) ? day + 1 : day - 1;
}

export interface BirthDateNoise {
  /** Share of records whose birth date is one day off. */
  readonly shiftRate: number;
  /** Share, among dates whose swap gives another valid date, recorded with day and month swapped. */
  readonly dayMonthSwapRate: number;
  /** Share of records without a birth date. */
  readonly missingRate: number;
}

/**
 * `YYYY-MM-DD` of `birthDay` as a source records it, or "" when missing. Draws are made in a fixed order
 * (shift, swap, missing), the swap one only for dates a swap changes, so streams stay aligned.
 */
export function recordBirthDate(birthDay: number, noise: BirthDateNoise, random: RandomStream): string {
  const day = drawChance(random, noise.shiftRate) ? shiftByOneDay(birthDay, random) : birthDay;
  let date = civilDateFromDayNumber(day);
  // Only swaps that give another valid date count: the rate is among dates where a swap is visible.
  if (date.day <= 12 && date.day !== date.month && drawChance(random, noise.dayMonthSwapRate)) {
    date = { year: date.year, month: date.day, day: date.month };
  }
  return drawChance(random, noise.missingRate) ? "" : formatIsoDate(date);
}
