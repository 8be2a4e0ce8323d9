// Label-free error rates from match probabilities that arrive chunk by chunk: the sums estimateErrorRates takes
// over one array, taken over the chunks in the same order, so that streaming gives the same rates to the bit.
import { LinkageError } from "../errors.js";
import type { EstimatedErrorRate } from "../evaluation/estimate-error-rates.js";
import { upperBound } from "../sorted-search.js";

/**
 * Sums of ζ, 1 − ζ and pair counts per bucket between consecutive thresholds, as estimateErrorRates keeps them;
 * `rates()` then gives exactly what estimateErrorRates gives on all the probabilities added, in order.
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
  rates(): EstimatedErrorRate[] {
    const { cuts } = this;
    const bucketPairs = this.bucketPairs.slice();
    const bucketMatches = this.bucketMatches.slice();
    const bucketNonMatches = this.bucketNonMatches.slice();
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
    return this.thresholds.map((threshold) => {
      let firstLinkedBucket = 0;
      while (firstLinkedBucket < cuts.length && cuts[firstLinkedBucket]! < threshold) firstLinkedBucket++;
      firstLinkedBucket++;
      const linkedPairs = bucketPairs[firstLinkedBucket]!;
      const missed = matchesBefore[firstLinkedBucket]!;
      return {
        threshold,
        estimatedFalseDiscoveryRate:
          linkedPairs === 0 ? 0 : bucketNonMatches[firstLinkedBucket]! / linkedPairs,
        estimatedFalseNegativeRate: totalMatches === 0 ? 0 : missed / totalMatches,
        expectedMatches: bucketMatches[firstLinkedBucket]!,
        linkedPairs,
      };
    });
  }
}
