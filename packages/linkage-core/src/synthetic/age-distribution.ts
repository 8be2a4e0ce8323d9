// Birth dates of a synthetic population: a flat age pyramid up to 60, thinning linearly to none at 105,
// a rough shape of the French population that is enough for linkage (birth-date collisions by age).
import { dayNumber, isLeapYear } from "../calendar/day-number.js";
import { cumulativeSums, drawFromCumulative, type RandomStream } from "./random-stream.js";

export interface AgeDistribution {
  /** Ages are counted at the end of this year. */
  readonly referenceYear: number;
  readonly minimumAge: number;
  /** Running sums of the weight of each age from `minimumAge`. */
  readonly cumulative: Float64Array;
}

const OLDEST_AGE = 105;

function ageWeight(age: number): number {
  if (age < 60) return 1;
  // Never exactly zero, so an explicitly requested age range is never empty.
  return Math.max(0.01, (OLDEST_AGE - age) / (OLDEST_AGE - 60));
}

export function createAgeDistribution(
  referenceYear: number,
  minimumAge: number,
  maximumAge: number,
): AgeDistribution {
  const weights: number[] = [];
  for (let age = minimumAge; age <= maximumAge; age++) weights.push(ageWeight(age));
  return { referenceYear, minimumAge, cumulative: cumulativeSums(weights) };
}

/** A birth day number: the age is drawn from the pyramid, the day uniformly within the birth year. */
export function drawBirthDay(random: RandomStream, ages: AgeDistribution): number {
  const age = ages.minimumAge + drawFromCumulative(random, ages.cumulative);
  const year = ages.referenceYear - age;
  return dayNumber(year, 1, 1) + Math.floor(random() * (isLeapYear(year) ? 366 : 365));
}
