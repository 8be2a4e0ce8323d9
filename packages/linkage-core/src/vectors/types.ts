// Shared shapes of the hot path: candidate pairs, comparison vectors and agreement-pattern counts, all typed arrays.

/** Candidate record pairs as parallel typed arrays of row indices into one (combined) Dataset. */
export interface CandidatePairs {
  readonly count: number;
  /** Row index of the first record of each pair (always the lower row index). */
  readonly left: Int32Array;
  /** Row index of the second record of each pair. */
  readonly right: Int32Array;
  /** Index (into `ruleNames`) of the blocking rule that produced each pair: the first rule that captures it. */
  readonly ruleIndex: Uint8Array;
  readonly ruleNames: readonly string[];
}

/** Level of every comparison for every pair, one column per comparison; NULL_LEVEL where a value is missing. */
export interface ComparisonVectors {
  readonly pairCount: number;
  readonly comparisonNames: readonly string[];
  /** Number of non-null levels of each comparison (levels are 0 … levelCount-1, 0 = "else"). */
  readonly levelCounts: readonly number[];
  /** levels[c][p] is the level of comparison c for pair p; NULL_LEVEL for null. */
  readonly levels: readonly Int8Array[];
}

/** Level index of a comparison whose inputs are missing: excluded from estimation (missing at random). */
export const NULL_LEVEL = -1;

/** Distinct agreement patterns with the number of pairs showing each one (fastLink's key reduction). */
export interface PatternCounts {
  readonly comparisonNames: readonly string[];
  readonly levelCounts: readonly number[];
  readonly patternCount: number;
  /** patterns[i * comparisonCount + c] is the level of comparison c in pattern i (NULL_LEVEL for null). */
  readonly patterns: Int8Array;
  /** Number of pairs (or weight) with each pattern. */
  readonly counts: Float64Array;
}
