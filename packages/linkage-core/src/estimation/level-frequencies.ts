// Level frequencies counted straight from comparison vectors: u from random pairs, m and u from labelled pairs.
import { EstimationError } from "../errors.js";
import type { ComparisonVectors } from "../vectors/types.js";

export interface LevelFrequencyOptions {
  /**
   * Pairs added to every level before dividing (additive smoothing), so that a level never seen in the
   * sample gets a small positive probability instead of 0 (an infinite weight). Default 0.5, i.e. half a
   * pair per level: negligible against samples of thousands of pairs.
   */
  readonly pseudoCount?: number;
}

/** Default additive smoothing of level frequencies, in pairs per level. */
export const DEFAULT_PSEUDO_COUNT = 0.5;

/**
 * u per comparison per level from the vectors of pairs drawn at random from the comparison space (almost all
 * non-matches). Null levels are left out of each comparison's denominator (missing at random). A comparison
 * that is null in every sampled pair gets uniform u.
 */
export function estimateUFromSample(
  vectors: ComparisonVectors,
  options: LevelFrequencyOptions = {},
): number[][] {
  if (vectors.pairCount === 0) {
    throw new EstimationError("U_SAMPLE_EMPTY", "the random sample used to estimate u holds no pairs.", {
      hint: "Increase training.uSamplePairs, or check that the data holds at least two records to pair.",
    });
  }
  return levelFrequencies(vectors, undefined, 1, options);
}

/** Supervised m: level frequencies among the pairs labelled as matches (`isMatch[pair] === 1`). */
export function estimateMFromLabels(
  vectors: ComparisonVectors,
  isMatch: Uint8Array,
  options: LevelFrequencyOptions = {},
): number[][] {
  checkLabels(vectors, isMatch, 1, "matches");
  return levelFrequencies(vectors, isMatch, 1, options);
}

/** Supervised u: level frequencies among the pairs labelled as non-matches (`isMatch[pair] === 0`). */
export function estimateUFromLabels(
  vectors: ComparisonVectors,
  isMatch: Uint8Array,
  options: LevelFrequencyOptions = {},
): number[][] {
  checkLabels(vectors, isMatch, 0, "non-matches");
  return levelFrequencies(vectors, isMatch, 0, options);
}

function checkLabels(vectors: ComparisonVectors, isMatch: Uint8Array, wanted: number, what: string): void {
  if (isMatch.length !== vectors.pairCount) {
    throw new EstimationError(
      "LABELS_LENGTH_MISMATCH",
      `got ${isMatch.length} labels for ${vectors.pairCount} labelled pairs.`,
      { hint: "Give exactly one label (1 = match, 0 = non-match) per pair of the comparison vectors." },
    );
  }
  if (!isMatch.some((label) => (label === 1) === (wanted === 1))) {
    throw new EstimationError("LABELS_NO_EXAMPLES", `the labelled pairs hold no ${what}.`, {
      hint: `Add labelled ${what}: their level frequencies cannot be estimated from zero examples.`,
    });
  }
}

/**
 * Smoothed frequency of each level of each comparison, over the pairs whose label equals `wanted` (all pairs
 * when `labels` is undefined). Nulls are skipped so each distribution is over non-null levels only.
 */
function levelFrequencies(
  vectors: ComparisonVectors,
  labels: Uint8Array | undefined,
  wanted: number,
  options: LevelFrequencyOptions,
): number[][] {
  const pseudoCount = options.pseudoCount ?? DEFAULT_PSEUDO_COUNT;
  if (!(pseudoCount >= 0) || !Number.isFinite(pseudoCount)) {
    throw new EstimationError(
      "PSEUDO_COUNT_INVALID",
      `pseudoCount must be a finite number ≥ 0, got ${pseudoCount}.`,
    );
  }
  return vectors.levels.map((levels, comparison) => {
    const levelCount = vectors.levelCounts[comparison]!;
    const counts = new Float64Array(levelCount);
    let nonNull = 0;
    // Two loops rather than a label test per pair: the unlabelled one runs over large random samples.
    if (labels === undefined) {
      for (let pair = 0; pair < vectors.pairCount; pair++) {
        const level = levels[pair]!;
        if (level >= 0) counts[level]!++;
      }
      for (const count of counts) nonNull += count;
    } else {
      const wantedLabel = wanted === 1;
      for (let pair = 0; pair < vectors.pairCount; pair++) {
        const level = levels[pair]!;
        if (level < 0 || (labels[pair] === 1) !== wantedLabel) continue;
        counts[level]!++;
        nonNull++;
      }
    }
    if (nonNull === 0) return new Array<number>(levelCount).fill(1 / levelCount);
    const denominator = nonNull + pseudoCount * levelCount;
    return Array.from(counts, (count) => (count + pseudoCount) / denominator);
  });
}
