// Streaming prediction: candidate pairs generated, compared and scored one chunk at a time; only the pairs at
// or above the threshold are kept, so memory follows the matches, not the candidate pairs.
import { type CandidatePairSource, generateCandidatePairChunks } from "../blocking/candidate-pair-chunks.js";
import type { ModelParameters } from "../estimation/types.js";
import { ErrorRateAccumulator } from "../evaluation/error-rate-accumulator.js";
import type { EstimatedErrorRate } from "../evaluation/estimate-error-rates.js";
import { compareAhead } from "../parallel/compare-ahead.js";
import { createInProcessComparer } from "../parallel/in-process-comparer.js";
import type { PairComparer } from "../parallel/pair-comparer.js";
import { weightFromMatchProbability } from "../scoring/match-weights.js";
import { thresholdAsMatchWeight } from "../scoring/threshold.js";
import { countAgreementPatterns } from "../vectors/count-agreement-patterns.js";
import { checkComparer } from "./check-comparer.js";
import {
  createOneToOneEvidence,
  decidesOnOneToOne,
  estimateOneToOneShare,
  type OneToOneScoring,
  oneToOneErrorRates,
  oneToOneKeepWeight,
  oneToOneReachWeight,
  scoreOneToOne,
} from "./one-to-one-scoring.js";
import { type Predictions, scoringModel, termFrequencyAdjustments } from "./predict-pairs.js";
import type { LinkageContext } from "./prepare-linkage.js";
import { type ProgressListener, stepProgress } from "./progress.js";
import { type ScoredPairBatch, ScoredPairList } from "./scored-pair-list.js";

export interface PredictStreamingOptions {
  /** Compares and scores the pairs (default: on this thread); every comparer gives the same predictions. */
  readonly comparer?: PairComparer;
  /** Candidate pairs per chunk (default 2^20). */
  readonly chunkPairs?: number;
  /** The spec's candidate pairs planned beforehand (saves encoding the rules again); else planned here. */
  readonly candidateSource?: CandidatePairSource;
  readonly onProgress?: ProgressListener;
  /**
   * Receives each chunk's pairs whose match probability is at least `outputMinimumProbability`, chunk after chunk
   * in candidate order, and is awaited before the next chunk (back-pressure). The batch's arrays are reused
   * afterwards: copy what must outlive the call. `scoring` says what the pairs were scored with (record ids are
   * in `scoring.context.dataset`).
   */
  readonly onPairs?: (batch: ScoredPairBatch, scoring: PairScoring) => void | Promise<void>;
  /** Least match probability of the pairs given to `onPairs` (default 0: every candidate pair). */
  readonly outputMinimumProbability?: number;
  /** Match-probability thresholds at which label-free error rates are estimated (over every candidate pair). */
  readonly errorRateThresholds: readonly number[];
}

/** The context and parameters scored pairs come from. */
export interface PairScoring {
  readonly context: LinkageContext;
  readonly parameters: ModelParameters;
}

export interface StreamedPredictions {
  /**
   * The pairs whose match weight reaches the spec's threshold, in candidate order, with their levels and scores:
   * all that linking decides on (`patterns` counts these pairs only). With one-to-one posteriors, those that may
   * reach the threshold or the lowest error-rate threshold once weighed against their competitors.
   */
  readonly predictions: Predictions;
  /** One-to-one posteriors of the predictions' pairs, when links are decided on them (`decidesOnOneToOne`). */
  readonly oneToOne?: OneToOneScoring;
  readonly candidatePairCount: number;
  /** Pairs given to `onPairs`. */
  readonly outputPairCount: number;
  readonly errorRates: readonly EstimatedErrorRate[];
  /** Milliseconds spent generating candidate pairs (the rest is comparing and scoring). */
  readonly blockingMs: number;
}

/** Progress step of streaming prediction. */
export const SCORING_STEP = "scoring";

/**
 * Generates the spec's candidate pairs chunk by chunk, compares and scores each chunk, hands the pairs above
 * `outputMinimumProbability` to `onPairs` and keeps those at or above the spec's threshold. Error rates are
 * summed over every pair in candidate order, so they equal those of scoring all pairs at once. Links decided on
 * one-to-one posteriors add every pair to their records' evidence and keep every pair that could reach a
 * threshold whatever the linked share: decisions and error rates equal those of runLinkage.
 */
export async function predictStreaming(
  context: LinkageContext,
  parameters: ModelParameters,
  options: PredictStreamingOptions,
): Promise<StreamedPredictions> {
  const { spec, dataset, comparisons } = context;
  const comparer = options.comparer ?? createInProcessComparer(comparisons);
  checkComparer(comparer, context);
  const chunkOptions = options.chunkPairs === undefined ? {} : { chunkPairs: options.chunkPairs };
  const chunks =
    options.candidateSource?.chunks(chunkOptions) ??
    generateCandidatePairChunks(dataset, spec.blockingRules, spec.linkType, {
      maxPairs: spec.maxCandidatePairs,
      ...chunkOptions,
    });
  const model = scoringModel(context, parameters);
  const oneToOne = decidesOnOneToOne(context) ? createOneToOneEvidence(context, parameters) : undefined;
  // With one-to-one posteriors, decisions and error rates need every pair that can reach the lowest threshold.
  const lowestDecisionWeight = Math.min(
    thresholdAsMatchWeight(spec.threshold),
    ...options.errorRateThresholds.map(weightFromMatchProbability),
  );
  const minimumWeight =
    oneToOne === undefined
      ? thresholdAsMatchWeight(spec.threshold)
      : oneToOneKeepWeight(context, parameters, lowestDecisionWeight);
  const outputMinimum = options.outputMinimumProbability ?? 0;
  const kept = new ScoredPairList(comparisons.length);
  const output = new ScoredPairList(comparisons.length);
  // One-to-one decisions take their error rates from the posteriors, once every pair is in.
  const errorRates = oneToOne ? undefined : new ErrorRateAccumulator(options.errorRateThresholds);
  const report = stepProgress(options.onProgress, SCORING_STEP);
  let candidatePairCount = 0;
  let outputPairCount = 0;
  const blocking = { milliseconds: 0 };
  // While a threaded comparer scores chunk k + 1, this thread keeps chunk k's pairs and makes chunk k + 2.
  const scoredChunks = compareAhead(timed(chunks, blocking), (chunk) =>
    comparer.beginCompareAndScore(chunk, model, {
      ...(report ? { onProgress: (done: number) => report(chunk.start + done, chunks.mostPairs) } : {}),
    }),
  );
  for (const { item: chunk, result: scored } of scoredChunks) {
    const { matchWeight, matchProbability } = scored;
    errorRates?.add(matchProbability);
    oneToOne?.add(chunk.left, chunk.right, matchWeight, chunk.count);
    kept.appendWhere(chunk, 0, scored.vectors, scored, (position) => matchWeight[position]! >= minimumWeight);
    if (options.onPairs !== undefined) {
      output.clear();
      output.appendWhere(
        chunk,
        0,
        scored.vectors,
        scored,
        (position) => matchProbability[position]! >= outputMinimum,
      );
      outputPairCount += output.count;
      if (output.count > 0) await options.onPairs(output.batchFrom(0), { context, parameters });
    }
    candidatePairCount += chunk.count;
  }
  // The total was an upper bound when blocking could not count exactly: close the step at what was found.
  report?.(candidatePairCount, candidatePairCount);
  // Once the share of subjects present is known, the pairs that cannot reach the lowest threshold under its prior
  // (far fewer than under the largest prior it could have had) go before the costly exclusive scores.
  const linkedShare = oneToOne && estimateOneToOneShare(context, oneToOne);
  if (linkedShare) kept.retainAtLeast(oneToOneReachWeight(parameters, linkedShare, lowestDecisionWeight));
  const predictions = keptPredictions(context, kept.finish(), chunks.ruleNames);
  const scoring = oneToOne && scoreOneToOne(context, oneToOne, predictions, linkedShare);
  return {
    predictions,
    ...(scoring ? { oneToOne: scoring } : {}),
    candidatePairCount,
    outputPairCount,
    errorRates: scoring
      ? oneToOneErrorRates(context, predictions, scoring, options.errorRateThresholds)
      : errorRates!.rates(),
    blockingMs: Math.round(blocking.milliseconds),
  };
}

/** The items of `items`, adding the time spent producing them to `spent`. */
function* timed<Item>(items: Iterable<Item>, spent: { milliseconds: number }): Generator<Item> {
  const iterator = items[Symbol.iterator]();
  for (;;) {
    const start = performance.now();
    const next = iterator.next();
    spent.milliseconds += performance.now() - start;
    if (next.done) return;
    yield next.value;
  }
}

function keptPredictions(
  context: LinkageContext,
  kept: ScoredPairBatch,
  ruleNames: readonly string[],
): Predictions {
  const vectors = {
    pairCount: kept.count,
    comparisonNames: context.comparisons.map((comparison) => comparison.name),
    levelCounts: context.comparisons.map((comparison) => comparison.levelCount),
    levels: kept.levels,
  };
  return {
    pairs: { count: kept.count, left: kept.left, right: kept.right, ruleIndex: kept.ruleIndex, ruleNames },
    vectors,
    patterns: countAgreementPatterns(vectors),
    matchWeight: kept.matchWeight,
    matchProbability: kept.matchProbability,
    termFrequencyAdjustments: termFrequencyAdjustments(context),
  };
}
