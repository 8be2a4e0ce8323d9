// Warnings estimation returns with its results (never throws or prints them): stable code, message, comparison.

/** Something the user should know about an estimate that still produced a usable result. */
export interface EstimationWarning {
  /** Stable UPPER_SNAKE code, for example `EM_NOT_CONVERGED`. */
  readonly code: string;
  readonly message: string;
  /** Name of the comparison concerned, when there is one. */
  readonly comparison?: string;
}

/**
 * Smallest probability estimation ever returns for λ, m or u. An estimate of exactly 0 or 1 would give an
 * infinite match weight, so that a single level could veto or force a link whatever the other comparisons
 * say; 1e-9 still allows weights of about ±30 bits per comparison, far beyond any realistic evidence.
 */
export const PROBABILITY_FLOOR = 1e-9;

/** Floors every entry at PROBABILITY_FLOOR and rescales them to sum to 1 (in place). */
export function floorAndNormalise(probabilities: number[]): number[] {
  let total = 0;
  for (let level = 0; level < probabilities.length; level++) {
    const value = Math.max(probabilities[level]!, PROBABILITY_FLOOR);
    probabilities[level] = value;
    total += value;
  }
  for (let level = 0; level < probabilities.length; level++) probabilities[level]! /= total;
  return probabilities;
}

/** Keeps a probability strictly inside (0, 1), at least PROBABILITY_FLOOR away from either end. */
export function clampProbability(value: number): number {
  return Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, value));
}
