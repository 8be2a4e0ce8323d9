// The pattern counts training runs EM on, counted chunk by chunk so that no pair list is ever held whole: one
// pass over the candidate pairs serves λ and every session whose rule is one of the spec's blocking rules;
// other sessions get a pass over their own rule's pairs.
import { encodeBlockingRule, isSetValuedRule } from "../blocking/blocking-keys.js";
import { blockingRuleName } from "../blocking/blocking-rule-name.js";
import { type CandidatePairSource, generateCandidatePairChunks } from "../blocking/candidate-pair-chunks.js";
import type { BlockingRuleSpec } from "../blocking/types.js";
import { compareAhead } from "../parallel/compare-ahead.js";
import type { PairComparer } from "../parallel/pair-comparer.js";
import { countAgreementPatterns } from "../vectors/count-agreement-patterns.js";
import { PatternCountAccumulator } from "../vectors/pattern-count-accumulator.js";
import type { CandidatePairs, ComparisonVectors, PatternCounts } from "../vectors/types.js";
import { checkComparer } from "./check-comparer.js";
import type { LinkageContext } from "./prepare-linkage.js";
import { type ProgressListener, stepProgress } from "./progress.js";

/** Pattern counts of a set of pairs and how many pairs they are. */
export interface PatternTally {
  readonly patterns: PatternCounts;
  readonly pairCount: number;
}

export interface TrainingPatterns {
  /** One tally per session rule, in the order given. */
  readonly sessions: readonly PatternTally[];
  /** Tally of the spec's candidate pairs, when asked for. */
  readonly candidates?: PatternTally;
}

export interface CountTrainingPatternsOptions {
  readonly comparer: PairComparer;
  /** Count the candidate pairs too (what λ is estimated on). */
  readonly countCandidates: boolean;
  /** The spec's candidate pairs when already in memory; otherwise they are generated chunk by chunk. */
  readonly candidatePairs?: CandidatePairs;
  /** The spec's candidate pairs planned beforehand (saves encoding the rules again); else planned here. */
  readonly candidateSource?: CandidatePairSource;
  /** Pairs compared per call to the comparer (default 2^20). */
  readonly chunkPairs?: number;
  readonly onProgress?: ProgressListener;
}

const DEFAULT_CHUNK_PAIRS = 1 << 20;

/** Progress step of the candidate pass. */
export const TRAINING_CANDIDATES_STEP = "training: candidate pairs";

/**
 * Counts the agreement patterns of each session rule's pairs (every allowed pair the rule captures, as
 * generateCandidatePairs gives for the rule alone) and, when asked, of the candidate pairs. Counts are sums of
 * whole pairs, so they are exactly those of counting each set in one go.
 */
export function countTrainingPatterns(
  context: LinkageContext,
  sessionRules: readonly BlockingRuleSpec[],
  options: CountTrainingPatternsOptions,
): TrainingPatterns {
  const { spec } = context;
  checkComparer(options.comparer, context);
  const chunkPairs = options.chunkPairs ?? DEFAULT_CHUNK_PAIRS;
  // A session rule equal to blocking rule q captures only candidate pairs owned by q or by an earlier rule
  // (given pairs must come from the spec's rules for their rule indices to mean that).
  const given = options.candidatePairs;
  const ownersKnown =
    given === undefined ||
    given.ruleNames.join("\u0000") === spec.blockingRules.map(blockingRuleName).join("\u0000");
  const blockingRuleOfSession = sessionRules.map((rule) =>
    options.countCandidates && ownersKnown && !isSetValuedRule(rule)
      ? spec.blockingRules.findIndex((candidate) => sameKeys(candidate, rule))
      : -1,
  );
  const sessions: (PatternTally | undefined)[] = sessionRules.map(() => undefined);
  let candidates: PatternTally | undefined;
  if (options.countCandidates) {
    const riding = sessionRules.flatMap((rule, session) => {
      const ruleIndex = blockingRuleOfSession[session]!;
      return ruleIndex < 0
        ? []
        : [{ session, ruleIndex, keys: encodeBlockingRule(context.dataset, rule).codes }];
    });
    const counted = countOnCandidatePass(context, riding, options, chunkPairs);
    candidates = counted.candidates;
    riding.forEach(({ session }, index) => {
      sessions[session] = counted.riding[index];
    });
  }
  return {
    sessions: sessions.map(
      (counted, session) => counted ?? countSessionAlone(context, sessionRules, session, options, chunkPairs),
    ),
    ...(candidates ? { candidates } : {}),
  };
}

/** A session counted during the candidate pass: its rule is blocking rule `ruleIndex`, of row keys `keys`. */
interface RidingSession {
  readonly session: number;
  readonly ruleIndex: number;
  readonly keys: Int32Array;
}

/** One pass over the candidate pairs: their patterns, and those of the pairs each riding session's rule captures. */
function countOnCandidatePass(
  context: LinkageContext,
  riding: readonly RidingSession[],
  options: CountTrainingPatternsOptions,
  chunkPairs: number,
): { candidates: PatternTally; riding: PatternTally[] } {
  const accumulators = riding.map(() => newAccumulator(context));
  const all = newAccumulator(context);
  const report = stepProgress(options.onProgress, TRAINING_CANDIDATES_STEP);
  // The next slice is compared while this thread counts the previous one.
  const compared = compareAhead(candidateSlices(context, options, chunkPairs), (slice) =>
    options.comparer.beginCompare(slice.pairs, {
      start: slice.start,
      end: slice.end,
      ...(report ? { onProgress: (done: number) => report(slice.position + done, slice.total) } : {}),
    }),
  );
  for (const { item, result: vectors } of compared) {
    const { pairs, start, end } = item;
    all.addVectors(vectors);
    riding.forEach(({ ruleIndex, keys }, index) => {
      const selected = selectRulePairs(pairs, start, end, ruleIndex, keys);
      accumulators[index]!.add(countAgreementPatterns(selectVectors(vectors, selected)));
    });
  }
  return { candidates: tally(all), riding: accumulators.map(tally) };
}

/** A session's own pass: its rule's pairs generated and compared chunk by chunk. */
function countSessionAlone(
  context: LinkageContext,
  sessionRules: readonly BlockingRuleSpec[],
  session: number,
  options: CountTrainingPatternsOptions,
  chunkPairs: number,
): PatternTally {
  const { spec } = context;
  const accumulator = newAccumulator(context);
  const chunks = generateCandidatePairChunks(context.dataset, [sessionRules[session]!], spec.linkType, {
    maxPairs: spec.maxCandidatePairs,
    chunkPairs,
  });
  const report = stepProgress(options.onProgress, `training session ${session + 1}/${sessionRules.length}`);
  const compared = compareAhead(chunks, (chunk) =>
    options.comparer.beginCompare(chunk, {
      ...(report ? { onProgress: (done: number) => report(chunk.start + done, chunks.mostPairs) } : {}),
    }),
  );
  for (const { result: vectors } of compared) accumulator.addVectors(vectors);
  return tally(accumulator);
}

interface CandidateSlice {
  readonly pairs: CandidatePairs;
  readonly start: number;
  readonly end: number;
  /** Position of the slice's first pair among all candidate pairs. */
  readonly position: number;
  /** Candidate pairs in all (an upper bound when generated without an exact count). */
  readonly total: number;
}

/** The candidate pairs as ranges of at most `chunkPairs`: of the given arrays, or of chunks generated on the fly. */
function* candidateSlices(
  context: LinkageContext,
  options: CountTrainingPatternsOptions,
  chunkPairs: number,
): Generator<CandidateSlice> {
  const given = options.candidatePairs;
  if (given !== undefined) {
    for (let start = 0; start < given.count; start += chunkPairs) {
      const end = Math.min(given.count, start + chunkPairs);
      yield { pairs: given, start, end, position: start, total: given.count };
    }
    return;
  }
  const { spec } = context;
  const chunks =
    options.candidateSource?.chunks({ chunkPairs }) ??
    generateCandidatePairChunks(context.dataset, spec.blockingRules, spec.linkType, {
      maxPairs: spec.maxCandidatePairs,
      chunkPairs,
    });
  for (const chunk of chunks) {
    yield { pairs: chunk, start: 0, end: chunk.count, position: chunk.start, total: chunks.mostPairs };
  }
}

/** Positions (relative to `start`) of the pairs of [start, end) that blocking rule `ruleIndex` captures. */
function selectRulePairs(
  pairs: CandidatePairs,
  start: number,
  end: number,
  ruleIndex: number,
  keys: Int32Array,
): Int32Array {
  const selected = new Int32Array(end - start);
  let count = 0;
  const { left, right, ruleIndex: ownerOf } = pairs;
  for (let pair = start; pair < end; pair++) {
    const owner = ownerOf[pair]!;
    // Pairs of later rules are never captured by an earlier one; the rule's own pairs always are.
    if (owner > ruleIndex) continue;
    const key = keys[left[pair]!]!;
    if (owner === ruleIndex || (key >= 0 && key === keys[right[pair]!])) selected[count++] = pair - start;
  }
  return selected.subarray(0, count);
}

function selectVectors(vectors: ComparisonVectors, selected: Int32Array): ComparisonVectors {
  return {
    ...vectors,
    pairCount: selected.length,
    levels: vectors.levels.map((column) => {
      const picked = new Int8Array(selected.length);
      for (let index = 0; index < selected.length; index++) picked[index] = column[selected[index]!]!;
      return picked;
    }),
  };
}

function newAccumulator(context: LinkageContext): PatternCountAccumulator {
  return new PatternCountAccumulator(
    context.comparisons.map((comparison) => comparison.name),
    context.comparisons.map((comparison) => comparison.levelCount),
  );
}

function tally(accumulator: PatternCountAccumulator): PatternTally {
  return { patterns: accumulator.finish(), pairCount: accumulator.pairCount };
}

/** Whether two rules have the same keys (names aside): then they capture the same pairs. */
function sameKeys(first: BlockingRuleSpec, second: BlockingRuleSpec): boolean {
  return JSON.stringify(first.keys) === JSON.stringify(second.keys);
}
