// Label-free error rates (fastLink): expected false discovery and false negative rates from match probabilities.
import { LinkageError } from "../errors.js";
import { lowerBound, upperBound } from "../sorted-search.js";

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
  // Each probability falls into a bucket between consecutive sorted thresholds (binary search over the
  // few thresholds, not a sort of the many probabilities); sums per bucket then give every rate.
  // Sums are taken directly for 1 − ζ too (not as count − Σζ) to keep precision near ζ = 1.
  const cuts = Float64Array.from(thresholds).sort();
  const bucketPairs = new Float64Array(cuts.length + 1);
  const bucketMatches = new Float64Array(cuts.length + 1);
  const bucketNonMatches = new Float64Array(cuts.length + 1);
  for (let pair = 0; pair < matchProbability.length; pair++) {
    const probability = matchProbability[pair]!;
    if (!(probability >= 0 && probability <= 1)) {
      throw new LinkageError(
        "ERROR_RATES_INPUT_INVALID",
        `match probability of pair ${pair} is ${probability}; probabilities must be numbers in [0, 1].`,
      );
    }
    // Bucket b holds probabilities with cuts[b − 1] ≤ ζ < cuts[b].
    const bucket = upperBound(cuts, probability);
    bucketPairs[bucket]!++;
    bucketMatches[bucket]! += probability;
    bucketNonMatches[bucket]! += 1 - probability;
  }
  const unscored = options.unscoredExpectedMatches ?? 0;
  // Prefix sums of ζ (matches left unlinked) and suffix sums (linked totals), each summed directly so that
  // neither is a difference of two large numbers.
  const matchesBefore = new Float64Array(cuts.length + 2);
  for (let bucket = 0; bucket <= cuts.length; bucket++) {
    matchesBefore[bucket + 1] = matchesBefore[bucket]! + bucketMatches[bucket]!;
  }
  for (let bucket = cuts.length - 1; bucket >= 0; bucket--) {
    bucketPairs[bucket]! += bucketPairs[bucket + 1]!;
    bucketMatches[bucket]! += bucketMatches[bucket + 1]!;
    bucketNonMatches[bucket]! += bucketNonMatches[bucket + 1]!;
  }
  const totalMatches = matchesBefore[cuts.length + 1]!;
  return thresholds.map((threshold) => {
    // The threshold is one of the cuts; the first bucket at or above it follows its first occurrence.
    const firstLinkedBucket = lowerBound(cuts, threshold) + 1;
    const linkedPairs = bucketPairs[firstLinkedBucket]!;
    const expectedMatches = bucketMatches[firstLinkedBucket]!;
    const linkedNonMatches = bucketNonMatches[firstLinkedBucket]!;
    const missed = matchesBefore[firstLinkedBucket]! + unscored;
    const expectedAll = totalMatches + unscored;
    return {
      threshold,
      estimatedFalseDiscoveryRate: linkedPairs === 0 ? 0 : linkedNonMatches / linkedPairs,
      estimatedFalseNegativeRate: expectedAll === 0 ? 0 : missed / expectedAll,
      expectedMatches,
      linkedPairs,
    };
  });
}
