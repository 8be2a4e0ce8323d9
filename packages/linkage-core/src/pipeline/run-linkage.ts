// The whole pipeline in one call, composed from the exported stages: prepare → block → train → predict → link.
import { type BlockingCounts, countCandidatePairs } from "../blocking/count-candidate-pairs.js";
import { generateCandidatePairs } from "../blocking/generate-candidate-pairs.js";
import { oneToOnePosteriors } from "../clustering/one-to-one-posteriors.js";
import type { Dataset } from "../data/dataset.js";
import type { ModelParameters } from "../estimation/types.js";
import { type EstimatedErrorRate, estimateErrorRates } from "../evaluation/estimate-error-rates.js";
import { createInProcessComparer } from "../parallel/in-process-comparer.js";
import type { PairComparer } from "../parallel/pair-comparer.js";
import type { LinkageSpec } from "../spec/types.js";
import { type LinkDecisions, linkRecords } from "./link-records.js";
import { decidesOnOneToOne, oneToOneErrorRates } from "./one-to-one-scoring.js";
import { type Predictions, predictPairs } from "./predict-pairs.js";
import { type LinkageContext, type PrepareLinkageOptions, prepareLinkage } from "./prepare-linkage.js";
import { type ProgressListener, stepProgress } from "./progress.js";
import { stopwatch } from "./stopwatch.js";
import { type PipelineTrainingSummary, trainModel } from "./train-model.js";
import type { LinkageWarning } from "./warnings.js";

export interface RunLinkageOptions extends PrepareLinkageOptions {
  /** Use these parameters instead of training (applying a saved model). */
  readonly parameters?: ModelParameters;
  readonly onProgress?: ProgressListener;
  /** Match-probability thresholds at which label-free error rates are estimated. */
  readonly errorRateThresholds?: readonly number[];
  /**
   * Builds the comparer of training and prediction once the context is prepared, for example one running on
   * worker threads (linkage-core/node); it is closed at the end. Default: comparisons run on this thread.
   */
  readonly createComparer?: (context: LinkageContext) => PairComparer;
}

/** Wall-clock milliseconds spent in each stage. */
export interface StageTimings {
  readonly prepareMs: number;
  readonly blockingMs: number;
  readonly trainingMs: number;
  readonly predictionMs: number;
  readonly linkingMs: number;
  readonly totalMs: number;
}

export interface LinkageResult {
  readonly context: LinkageContext;
  readonly blockingCounts: BlockingCounts;
  readonly parameters: ModelParameters;
  /** Absent when the parameters were given rather than trained. */
  readonly training?: PipelineTrainingSummary;
  /** Candidate pairs compared and scored. */
  readonly candidatePairCount: number;
  /**
   * The scored pairs decisions index into: every candidate pair for runLinkage; for streamLinkage only those
   * whose match weight reaches the threshold (all that the decisions depend on).
   */
  readonly predictions: Predictions;
  readonly decisions: LinkDecisions;
  readonly errorRates: readonly EstimatedErrorRate[];
  readonly timings: StageTimings;
  readonly warnings: readonly LinkageWarning[];
}

export const DEFAULT_ERROR_RATE_THRESHOLDS: readonly number[] = [0.5, 0.8, 0.9, 0.95, 0.99];

/** Runs a linkage end to end. Every stage is also exported, for callers who need control over one of them. */
export function runLinkage(
  spec: LinkageSpec,
  datasets: readonly Dataset[],
  options: RunLinkageOptions = {},
): LinkageResult {
  const clock = stopwatch();
  const context = prepareLinkage(spec, datasets, options);
  const prepareMs = clock.lap();

  const blockingCounts = countCandidatePairs(context.dataset, spec.blockingRules, spec.linkType);
  const pairs = generateCandidatePairs(context.dataset, spec.blockingRules, spec.linkType, {
    maxPairs: spec.maxCandidatePairs,
    onProgress: blockingProgress(options.onProgress, blockingCounts.totalPairs),
  });
  const blockingMs = clock.lap();

  const comparer = options.createComparer?.(context) ?? createInProcessComparer(context.comparisons);
  let trained: ReturnType<typeof trainModel> | undefined;
  let predictions: Predictions;
  let trainingMs: number;
  let predictionMs: number;
  try {
    trained = options.parameters
      ? undefined
      : trainModel(context, {
          candidatePairs: pairs,
          comparer,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
    trainingMs = clock.lap();
    predictions = predictPairs(context, options.parameters ?? trained!.parameters, pairs, {
      comparer,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    predictionMs = clock.lap();
  } finally {
    comparer.close();
  }
  const parameters = options.parameters ?? trained!.parameters;

  const thresholds = options.errorRateThresholds ?? DEFAULT_ERROR_RATE_THRESHOLDS;
  let decisions: LinkDecisions;
  let errorRates: EstimatedErrorRate[];
  if (decidesOnOneToOne(context)) {
    const scoring = oneToOnePosteriors({
      left: pairs.left,
      right: pairs.right,
      matchWeight: predictions.matchWeight,
      priorMatchProbability: parameters.priorMatchProbability,
      sourceOf: context.dataset.sourceOf,
      sourceSizes: [context.sourceSizes[0]!, context.sourceSizes[1]!],
    });
    decisions = linkRecords(context, predictions, scoring);
    errorRates = oneToOneErrorRates(context, predictions, scoring, thresholds);
  } else {
    decisions = linkRecords(context, predictions);
    errorRates = estimateErrorRates(predictions.matchProbability, thresholds);
  }
  const linkingMs = clock.lap();

  return {
    context,
    blockingCounts,
    parameters,
    ...(trained ? { training: trained.summary } : {}),
    candidatePairCount: pairs.count,
    predictions,
    decisions,
    errorRates,
    timings: { prepareMs, blockingMs, trainingMs, predictionMs, linkingMs, totalMs: clock.total() },
    warnings: [...(trained?.summary.warnings ?? []), ...decisions.warnings],
  };
}

/** Blocking progress as pairs generated out of the count known beforehand. */
function blockingProgress(listener: ProgressListener | undefined, totalPairs: number) {
  const report = stepProgress(listener, "blocking");
  return report === undefined
    ? undefined
    : (progress: { readonly pairCount: number }) => report(progress.pairCount, totalPairs);
}
