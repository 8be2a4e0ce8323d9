// The executor of the hot path: something that turns candidate pairs into levels (and match weights). The core
// ships an in-process one; `linkage-core/node` adds one that spreads the pairs over worker threads. Both give
// the same values for every pair, so results never depend on which one ran or on how many threads it used.
import type { ModelParameters } from "../estimation/types.js";
import type { TermFrequencyAdjustmentInput } from "../scoring/score-pairs.js";
import type { PairRows } from "../vectors/compute-comparison-vectors.js";
import type { ComparisonVectors } from "../vectors/types.js";

export interface CompareOptions {
  /** First pair of the range to compare (default 0). */
  readonly start?: number;
  /** End (exclusive) of the range (default `pairs.count`). */
  readonly end?: number;
  /** Use the per-key-pair level caches (default true); random pairs gain nothing from them. */
  readonly cache?: boolean;
  /** Pairs of the range done so far and the range's size, called every few thousand pairs. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A term-frequency adjustment without per-row data: the comparer supplies each row's key. */
export type TermFrequencyTerm = Omit<TermFrequencyAdjustmentInput, "rowKeys" | "levels">;

/** What scoring needs besides the levels. */
export interface ScoringModel {
  readonly parameters: ModelParameters;
  /** Adjustments in the order they are added to each pair's weight. */
  readonly termFrequencies: readonly TermFrequencyTerm[];
}

/** Levels and scores of a range of pairs; index p is pair `start + p`. */
export interface ScoredVectors {
  readonly vectors: ComparisonVectors;
  /** log2 posterior odds of a match. */
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
}

/** Work started by a comparer; `result()` waits for it (if it is not done yet) and returns what it found. */
export interface PendingComparison<Result> {
  result(): Result;
}

/**
 * Compares pairs of rows of the dataset its comparisons were compiled on. Calls are synchronous; a comparer
 * may use other threads meanwhile. Whatever it does, pair p's levels and scores are those computeComparisonVectors
 * and scorePairs give for p alone.
 */
export interface PairComparer {
  /** Threads comparing pairs (1 when the calling thread does the work). */
  readonly threads: number;
  /** Names of the comparisons, in order: what the comparer was built for. */
  readonly comparisonNames: readonly string[];
  /** Levels of each comparison for the pairs of the range. */
  compare(pairs: PairRows, options?: CompareOptions): ComparisonVectors;
  /** Levels, match weight and match probability of the pairs of the range. */
  compareAndScore(pairs: PairRows, model: ScoringModel, options?: CompareOptions): ScoredVectors;
  /**
   * Starts `compare`: a threaded comparer works on the pairs while the caller does something else (prepares the
   * next chunk, consumes the previous one). Collect results in the order the work was started; the pairs must
   * not change until then. Progress is reported while `result()` waits.
   */
  beginCompare(pairs: PairRows, options?: CompareOptions): PendingComparison<ComparisonVectors>;
  /** Starts `compareAndScore`, as beginCompare does. */
  beginCompareAndScore(
    pairs: PairRows,
    model: ScoringModel,
    options?: CompareOptions,
  ): PendingComparison<ScoredVectors>;
  /** Releases what the comparer holds (threads); it cannot be used afterwards. Safe to call twice. */
  close(): void;
}
