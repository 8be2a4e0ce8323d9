// The whole pipeline with memory bounded whatever the number of candidate pairs: training counts patterns chunk
// by chunk, prediction streams scored pairs to a sink and keeps only those at or above the threshold.
import { planCandidatePairChunks } from "../blocking/candidate-pair-chunks.js";
import type { Dataset } from "../data/dataset.js";
import { createInProcessComparer } from "../parallel/in-process-comparer.js";
import type { LinkageSpec } from "../spec/types.js";
import { linkRecords } from "./link-records.js";
import { type PredictStreamingOptions, predictStreaming } from "./predict-streaming.js";
import { prepareLinkage } from "./prepare-linkage.js";
import { stepProgress } from "./progress.js";
import { DEFAULT_ERROR_RATE_THRESHOLDS, type LinkageResult, type RunLinkageOptions } from "./run-linkage.js";
import { stopwatch } from "./stopwatch.js";
import { trainModel } from "./train-model.js";

/** Progress step of planning and counting the candidate pairs. */
export const BLOCKING_STEP = "blocking";

export interface StreamLinkageOptions
  extends RunLinkageOptions,
    Omit<PredictStreamingOptions, "comparer" | "onProgress" | "errorRateThresholds"> {}

export interface StreamedLinkageResult extends LinkageResult {
  /** Pairs given to `onPairs`. */
  readonly outputPairCount: number;
}

/**
 * Runs a linkage as runLinkage does, without ever holding the candidate pairs: the result's `predictions` are
 * the pairs whose match weight reaches the threshold (decisions index into them), `onPairs` receives every
 * chunk's pairs above `outputMinimumProbability` as they are scored. Decisions, parameters and error rates are
 * those runLinkage gives on the same input.
 */
export async function streamLinkage(
  spec: LinkageSpec,
  datasets: readonly Dataset[],
  options: StreamLinkageOptions = {},
): Promise<StreamedLinkageResult> {
  const clock = stopwatch();
  const context = prepareLinkage(spec, datasets, options);
  const prepareMs = clock.lap();
  // Rules encoded once, for the counts and for both passes over the candidate pairs (training, prediction).
  // Encoding and counting take seconds on millions of records: the step is at least named while it runs.
  const reportBlocking = stepProgress(options.onProgress, BLOCKING_STEP);
  reportBlocking?.(0, 1);
  const candidateSource = planCandidatePairChunks(context.dataset, spec.blockingRules, spec.linkType, {
    maxPairs: spec.maxCandidatePairs,
    countPerRule: true,
  });
  reportBlocking?.(1, 1);
  const blockingCounts = candidateSource.counts!;
  const countingMs = clock.lap();

  const comparer = options.createComparer?.(context) ?? createInProcessComparer(context.comparisons);
  try {
    const trained = options.parameters
      ? undefined
      : trainModel(context, {
          comparer,
          candidateSource,
          ...(options.chunkPairs === undefined ? {} : { chunkPairs: options.chunkPairs }),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
    const parameters = options.parameters ?? trained!.parameters;
    const trainingMs = clock.lap();

    const streamed = await predictStreaming(context, parameters, {
      comparer,
      candidateSource,
      errorRateThresholds: options.errorRateThresholds ?? DEFAULT_ERROR_RATE_THRESHOLDS,
      ...(options.chunkPairs === undefined ? {} : { chunkPairs: options.chunkPairs }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onPairs ? { onPairs: options.onPairs } : {}),
      ...(options.outputMinimumProbability === undefined
        ? {}
        : { outputMinimumProbability: options.outputMinimumProbability }),
    });
    const predictionMs = clock.lap() - streamed.blockingMs;

    const decisions = linkRecords(context, streamed.predictions, streamed.oneToOne);
    const linkingMs = clock.lap();
    return {
      context,
      blockingCounts,
      parameters,
      ...(trained ? { training: trained.summary } : {}),
      candidatePairCount: streamed.candidatePairCount,
      predictions: streamed.predictions,
      decisions,
      errorRates: streamed.errorRates,
      outputPairCount: streamed.outputPairCount,
      timings: {
        prepareMs,
        blockingMs: countingMs + streamed.blockingMs,
        trainingMs,
        predictionMs,
        linkingMs,
        totalMs: clock.total(),
      },
      warnings: [...(trained?.summary.warnings ?? []), ...decisions.warnings],
    };
  } finally {
    comparer.close();
  }
}
