// Label-free error rates (fastLink): expected false discovery and false negative rates from match probabilities.
import { ErrorRateAccumulator } from "./error-rate-accumulator.js";

export interface EstimatedErrorRate {
  /** Match-probability threshold: pairs with probability ≥ threshold are linked. */
  readonly threshold: number;
  /** Σ_{ζ ≥ t} (1 − ζ) / #{ζ ≥ t}: expected share of linked pairs that are not matches (0 when none linked). */
  readonly estimatedFalseDiscoveryRate: number;
  /** Σ_{ζ < t} ζ / Σ ζ: expected share of matches left unlinked (0 when no match is expected). */
  readonly estimatedFalseNegativeRate: number;
  /** Σ_{ζ ≥ t} ζ: expected number of true matches among the linked pairs. */
  readonly expectedMatches: number;
  readonly linkedPairs: number;
}

export interface ErrorRateOptions {
  /**
   * Expected matches among the pairs that were never scored (outside blocking), added to the false
   * negatives. Default 0: unscored pairs are taken as non-matches, so the FNR is relative to the blocked
   * pairs only and blocking's own misses are not counted.
   */
  readonly unscoredExpectedMatches?: number;
}

/**
 * fastLink's estimates, which trust the model: each pair is a match with its posterior probability ζ. They
 * are only as good as the calibration of ζ (conditional independence, missing at random).
 */
export function estimateErrorRates(
  matchProbability: Float64Array,
  thresholds: readonly number[],
  options: ErrorRateOptions = {},
): EstimatedErrorRate[] {
  const accumulator = new ErrorRateAccumulator(thresholds);
  accumulator.add(matchProbability);
  return accumulator.rates(options);
}
