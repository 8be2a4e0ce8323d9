// Seeded random streams for the synthetic generators: one independent stream per entity, so any table can
// regenerate any person in any order and the same seed always gives byte-identical output.
import seedrandom from "seedrandom";
import { upperBound } from "../sorted-search.js";

/** Uniform draws in [0, 1) from a seeded generator. */
export type RandomStream = () => number;

/**
 * A stream keyed by the seed, a stream name and an entity index, such as ("snds-pair", 42). Tyche-i is used
 * because it is the cheapest seedrandom generator to create (well under a microsecond), and the generators
 * create one per entity.
 */
export function createRandomStream(seed: string, stream = "", index = 0): RandomStream {
  return seedrandom.tychei(`${seed}|${stream}|${index}`);
}

/** An integer in [0, maxExclusive). */
export function drawInteger(random: RandomStream, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}

/** True with the given probability; a zero probability consumes a draw too, so streams stay aligned. */
export function drawChance(random: RandomStream, probability: number): boolean {
  return random() < probability;
}

/** A uniformly chosen element of a non-empty array. */
export function drawElement<T>(random: RandomStream, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

/** Running sums of non-negative weights: element i is the total of weights 0..i. */
export function cumulativeSums(weights: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  for (let index = 0; index < weights.length; index++) {
    total += weights[index];
    sums[index] = total;
  }
  return sums;
}

/** Index drawn with probability proportional to its weight, given the running sums of the weights. */
export function drawFromCumulative(random: RandomStream, cumulative: Float64Array): number {
  const target = random() * cumulative[cumulative.length - 1];
  return upperBound(cumulative, target, 0, cumulative.length - 1);
}

/** A Poisson count by inversion; the generators only use small means (a few stays per person). */
export function drawPoisson(random: RandomStream, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit && count < 1000) {
    count++;
    product *= random();
  }
  return count;
}

/** Running sums of a truncated Zipf law: P(k) proportional to k^-exponent for k = 1..maximum. */
export function zipfCumulative(exponent: number, maximum: number): Float64Array {
  const weights = new Float64Array(maximum);
  for (let rank = 1; rank <= maximum; rank++) weights[rank - 1] = rank ** -exponent;
  return cumulativeSums(weights);
}
