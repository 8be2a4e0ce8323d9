// Comparison vectors: the level of every comparison for every candidate pair, one Int8Array per comparison.
import type { CompiledComparison } from "../comparisons/compile-comparisons.js";
import { LinkageError } from "../errors.js";
import type { CandidatePairs, ComparisonVectors } from "./types.js";

/** The pairs to compare: parallel row indices into the dataset the comparisons were compiled on. */
export type PairRows = Pick<CandidatePairs, "count" | "left" | "right">;

export interface ComputeComparisonVectorsOptions {
  /** Called after each block of pairs with the pairs done so far and the total of the range. */
  readonly onProgress?: (done: number, total: number) => void;
  /** First pair of the range to compute (default 0); lets callers split the work into chunks. */
  readonly start?: number;
  /** End (exclusive) of the range (default `pairs.count`). */
  readonly end?: number;
  /**
   * Use the per-key-pair caches (default true). Random pairs, as sampled to estimate u, almost never repeat a
   * key pair: caching them costs a write per pair (and touches pages of large tables) for no later hit.
   */
  readonly cache?: boolean;
}

// Pairs per progress report and per fillLevels call. Comparisons run one after the other over the whole range
// (not block by block across comparisons): each comparison's level cache and per-value data then stay hot in the
// processor cache, which measured a third faster on millions of pairs than interleaving comparisons per block.
const BLOCK_PAIRS = 1 << 16;

/** The range [start, end) of `options` (default: every pair), refused unless it lies within the pairs. */
export function checkedPairRange(
  pairs: PairRows,
  options: { readonly start?: number; readonly end?: number },
): { start: number; end: number } {
  const start = options.start ?? 0;
  const end = options.end ?? pairs.count;
  if (
    !(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= pairs.count)
  ) {
    throw new LinkageError(
      "PAIR_RANGE_INVALID",
      `pair range [${start}, ${end}) is not within the ${pairs.count} candidate pairs.`,
      { hint: "Pass integers with 0 ≤ start ≤ end ≤ pairs.count." },
    );
  }
  return { start, end };
}

/**
 * Levels of pairs `start … end-1` for each comparison: vector p of the result is pair `start + p`. Most
 * lookups hit the comparisons' per-key-pair caches, so the loop is two row-key loads and a table read.
 */
export function computeComparisonVectors(
  comparisons: readonly CompiledComparison[],
  pairs: PairRows,
  options: ComputeComparisonVectorsOptions = {},
): ComparisonVectors {
  const { start, end } = checkedPairRange(pairs, options);
  const total = end - start;
  const levels = comparisons.map(() => new Int8Array(total));
  const { left, right } = pairs;
  // Progress counts pairs as if comparisons ran side by side: a share of the range per comparison done.
  const units = comparisons.length * total;
  let unitsDone = 0;
  comparisons.forEach((comparison, index) => {
    for (let blockStart = start; blockStart < end; blockStart += BLOCK_PAIRS) {
      const blockEnd = Math.min(end, blockStart + BLOCK_PAIRS);
      if (options.cache === false)
        fillUncached(comparison, pairs, blockStart, blockEnd, levels[index]!, start);
      else comparison.fillLevels(left, right, blockStart, blockEnd, levels[index]!, start);
      unitsDone += blockEnd - blockStart;
      options.onProgress?.(Math.floor((total * unitsDone) / units), total);
    }
  });
  if (comparisons.length === 0) options.onProgress?.(total, total);
  return {
    pairCount: total,
    comparisonNames: comparisons.map((comparison) => comparison.name),
    levelCounts: comparisons.map((comparison) => comparison.levelCount),
    levels,
  };
}

function fillUncached(
  comparison: CompiledComparison,
  pairs: PairRows,
  from: number,
  to: number,
  out: Int8Array,
  outOffset: number,
): void {
  const { rowKeys } = comparison;
  const { left, right } = pairs;
  for (let pair = from; pair < to; pair++) {
    out[pair - outOffset] = comparison.levelOfKeysUncached(rowKeys[left[pair]!]!, rowKeys[right[pair]!]!);
  }
}
