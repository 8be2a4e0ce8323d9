// Candidate pairs in chunks of bounded size, in exactly the order and with exactly the rule ownership of
// generateCandidatePairs: what streaming linkage compares, scores and forgets chunk after chunk.
import type { Dataset } from "../data/dataset.js";
import type { LinkType } from "../spec/types.js";
import type { CandidatePairs } from "../vectors/types.js";
import { CandidatePairScanner } from "./candidate-pair-scanner.js";
import { type BlockingCounts, countCandidatePairs } from "./count-candidate-pairs.js";
import {
  type CandidatePairPlan,
  type GenerateOptions,
  planCandidatePairs,
} from "./generate-candidate-pairs.js";
import { PairBuffer } from "./pair-buffer.js";
import type { BlockingProgressListener } from "./scan-rule-pairs.js";
import type { BlockingRuleSpec } from "./types.js";

/** Default pairs per chunk: a few tens of megabytes of pairs and levels, large enough to amortise calls. */
export const DEFAULT_CHUNK_PAIRS = 1 << 20;

export interface ChunkedGenerateOptions extends GenerateOptions {
  /**
   * Pairs per chunk (default 2^20). A chunk ends at the end of the left row that reaches this size, so it
   * may hold a little more: at most the pairs of one row.
   */
  readonly chunkPairs?: number;
}

/** A run of consecutive candidate pairs. */
export interface CandidatePairChunk extends CandidatePairs {
  /** Position of the chunk's first pair among all candidate pairs. */
  readonly start: number;
}

/** The chunks, produced on demand; iterate them once. */
export interface CandidatePairChunks extends Iterable<CandidatePairChunk> {
  readonly ruleNames: readonly string[];
  /** The number of pairs all chunks hold together when counted exactly beforehand, else undefined. */
  readonly exactPairs: number | undefined;
  /** An upper bound on the pairs (exact when `exactPairs` is known): a progress total. */
  readonly mostPairs: number;
}

/**
 * Same pairs as generateCandidatePairs, same order and `ruleIndex`, cut into chunks of about `chunkPairs`
 * pairs. Rules are checked and keys encoded at once (errors are thrown by this call, and the ceiling is checked
 * before any pair when it can be); pairs are made as the chunks are iterated, so memory holds one chunk at a
 * time whatever the total. The ceiling still holds: passing `maxPairs` pairs in all throws
 * TooManyPairsError (`BLOCKING_TOO_MANY_PAIRS`) during iteration. Progress counts pairs over all chunks.
 */
export function generateCandidatePairChunks(
  dataset: Dataset,
  rules: readonly BlockingRuleSpec[],
  linkType: LinkType,
  options: ChunkedGenerateOptions,
): CandidatePairChunks {
  return planCandidatePairChunks(dataset, rules, linkType, options).chunks(options);
}

/** Candidate pairs planned once (rules checked, keys encoded, bounds known), to be generated in chunks often. */
export interface CandidatePairSource {
  /** Per-rule counts, when asked for (`countPerRule`). */
  readonly counts?: BlockingCounts;
  readonly ruleNames: readonly string[];
  /** The number of pairs when counted exactly beforehand, else undefined. */
  readonly exactPairs: number | undefined;
  /** An upper bound on the pairs (exact when `exactPairs` is known). */
  readonly mostPairs: number;
  /** A new pass over the pairs, chunk by chunk (the same pairs, in the same order, every time). */
  chunks(options?: Pick<ChunkedGenerateOptions, "chunkPairs" | "onProgress">): CandidatePairChunks;
}

/**
 * Does what generateCandidatePairChunks does before the first pair (checks, key encoding, counts), once, for
 * callers that go over the pairs several times: training, then prediction.
 */
export function planCandidatePairChunks(
  dataset: Dataset,
  rules: readonly BlockingRuleSpec[],
  linkType: LinkType,
  options: GenerateOptions & {
    /** Count the pairs per rule as countCandidatePairs does (reusing the encoded keys), into `counts`. */
    readonly countPerRule?: boolean;
  },
): CandidatePairSource {
  const planned = planCandidatePairs(dataset, rules, linkType, options);
  const counts = options.countPerRule
    ? (planned.counts?.(options.countOptions) ??
      countCandidatePairs(dataset, rules, linkType, { ...options, ...options.countOptions }))
    : undefined;
  // Counts that are exact give every pass its true total (for progress) and size the chunks' arrays.
  const known = counts?.rules.every((rule) => rule.exact) ? counts.totalPairs : undefined;
  const plan: CandidatePairPlan =
    known === undefined || planned.exactPairs !== undefined
      ? planned
      : { ...planned, exactPairs: known, leastPairs: known, mostPairs: known };
  return {
    ...(counts ? { counts } : {}),
    ruleNames: plan.ruleNames,
    exactPairs: plan.exactPairs,
    mostPairs: plan.mostPairs,
    chunks: (chunkOptions = {}) => chunksOf(plan, chunkOptions.chunkPairs, chunkOptions.onProgress),
  };
}

function chunksOf(
  plan: CandidatePairPlan,
  requestedChunkPairs: number | undefined,
  onProgress: BlockingProgressListener | undefined,
): CandidatePairChunks {
  const chunkPairs = requestedChunkPairs ?? DEFAULT_CHUNK_PAIRS;
  if (!(Number.isInteger(chunkPairs) && chunkPairs >= 1)) {
    throw new RangeError(`chunkPairs must be a whole number ≥ 1, got ${chunkPairs}`);
  }
  let iterated = false;
  return {
    ruleNames: plan.ruleNames,
    exactPairs: plan.exactPairs,
    mostPairs: plan.mostPairs,
    *[Symbol.iterator]() {
      if (iterated) throw new Error("candidate pair chunks can be iterated only once");
      iterated = true;
      const scanner = new CandidatePairScanner(plan);
      let emitted = 0;
      while (!scanner.done) {
        const buffer = new PairBuffer({
          // A little room past chunkPairs for the last row's pairs, so that the arrays rarely have to grow.
          leastPairs: Math.min(chunkPairs + (chunkPairs >>> 3), Math.max(0, plan.mostPairs - emitted)),
          mostPairs: Math.max(0, plan.mostPairs - emitted),
          maxPairs: plan.maxPairs - emitted,
          onCeiling: () => plan.stop(),
        });
        scanner.fill(buffer, chunkPairs, offsetProgress(onProgress, emitted));
        if (buffer.count === 0) continue;
        const chunk = buffer.finish(plan.ruleNames);
        yield { ...chunk, start: emitted };
        emitted += chunk.count;
      }
    },
  };
}

/** Progress of one chunk's scan, with the pairs of the earlier chunks added. */
function offsetProgress(
  listener: BlockingProgressListener | undefined,
  offset: number,
): BlockingProgressListener | undefined {
  if (listener === undefined) return undefined;
  return (progress) => listener({ ...progress, pairCount: progress.pairCount + offset });
}
