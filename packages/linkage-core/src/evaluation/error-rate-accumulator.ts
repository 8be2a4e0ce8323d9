// Label-free error rates from match probabilities that may arrive chunk by chunk: sums per bucket between
// consecutive thresholds, taken in the order the pairs come, so that streaming gives the same rates to the bit
// as estimateErrorRates over one array (which adds that array to an accumulator).
import { LinkageError } from "../errors.js";
import { lowerBound, upperBound } from "../sorted-search.js";
import type { ErrorRateOptions, EstimatedErrorRate } from "./estimate-error-rates.js";

/**
 * Sums of ζ, 1 − ζ and pair counts per bucket between consecutive sorted thresholds (a binary search over the
 * few thresholds, not a sort of the many probabilities). Sums are taken directly for 1 − ζ too (not as
 * count − Σζ) to keep precision near ζ = 1.
 */
export class ErrorRateAccumulator {
  private readonly cuts: Float64Array;
  private readonly bucketPairs: Float64Array;
  private readonly bucketMatches: Float64Array;
  private readonly bucketNonMatches: Float64Array;

  constructor(readonly thresholds: readonly number[]) {
    this.cuts = Float64Array.from(thresholds).sort();
    this.bucketPairs = new Float64Array(this.cuts.length + 1);
    this.bucketMatches = new Float64Array(this.cuts.length + 1);
    this.bucketNonMatches = new Float64Array(this.cuts.length + 1);
  }

  private added = 0;

  /** Adds the probabilities of the pairs [start, end) of `matchProbability`. */
  add(matchProbability: Float64Array, start = 0, end = matchProbability.length): void {
    const { cuts, bucketPairs, bucketMatches, bucketNonMatches } = this;
    for (let pair = start; pair < end; pair++) {
      const probability = matchProbability[pair]!;
      if (!(probability >= 0 && probability <= 1)) {
        throw new LinkageError(
          "ERROR_RATES_INPUT_INVALID",
          `match probability of pair ${this.added + pair - start} is ${probability}; probabilities must be numbers in [0, 1].`,
        );
      }
      // Bucket b holds probabilities with cuts[b − 1] ≤ ζ < cuts[b].
      const bucket = upperBound(cuts, probability);
      bucketPairs[bucket]!++;
      bucketMatches[bucket]! += probability;
      bucketNonMatches[bucket]! += 1 - probability;
    }
    this.added += end - start;
  }

  /** The rates at each threshold, in the order the thresholds were given. */
  rates(options: ErrorRateOptions = {}): EstimatedErrorRate[] {
    const { cuts } = this;
    const bucketPairs = this.bucketPairs.slice();
    const bucketMatches = this.bucketMatches.slice();
    const bucketNonMatches = this.bucketNonMatches.slice();
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
    const expectedAll = matchesBefore[cuts.length + 1]! + unscored;
    return this.thresholds.map((threshold) => {
      // The threshold is one of the cuts; the first bucket at or above it follows its first occurrence.
      const firstLinkedBucket = lowerBound(cuts, threshold) + 1;
      const linkedPairs = bucketPairs[firstLinkedBucket]!;
      const missed = matchesBefore[firstLinkedBucket]! + unscored;
      return {
        threshold,
        estimatedFalseDiscoveryRate:
          linkedPairs === 0 ? 0 : bucketNonMatches[firstLinkedBucket]! / linkedPairs,
        estimatedFalseNegativeRate: expectedAll === 0 ? 0 : missed / expectedAll,
        expectedMatches: bucketMatches[firstLinkedBucket]!,
        linkedPairs,
      };
    });
  }
}
