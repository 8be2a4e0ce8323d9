// Training: u from random pairs, m by EM sessions on blocked pairs (Splink's scheme), λ given, from
// deterministic rules, or estimated on the candidate pairs.
import { blockingRuleName } from "../blocking/blocking-rule-name.js";
import type { CandidatePairSource } from "../blocking/candidate-pair-chunks.js";
import { countCandidatePairs } from "../blocking/count-candidate-pairs.js";
import type { BlockingRuleSpec } from "../blocking/types.js";
import { EstimationError } from "../errors.js";
import {
  combineTrainingSessions,
  type TrainingSessionResult,
} from "../estimation/combine-training-sessions.js";
import {
  comparisonSpaceSize,
  estimatePriorFromDeterministicMatches,
} from "../estimation/comparison-space.js";
import { runExpectationMaximisation } from "../estimation/expectation-maximisation.js";
import { startingParameters } from "../estimation/starting-parameters.js";
import type { ModelParameters } from "../estimation/types.js";
import type { PriorSource, TrainingSessionSummary, TrainingSummary } from "../model/model-file.js";
import { createInProcessComparer } from "../parallel/in-process-comparer.js";
import type { PairComparer } from "../parallel/pair-comparer.js";
import type { CandidatePairs } from "../vectors/types.js";
import { countTrainingPatterns, type PatternTally } from "./count-training-patterns.js";
import { estimateUFromRandomPairs } from "./estimate-u.js";
import type { LinkageContext } from "./prepare-linkage.js";
import type { ProgressListener } from "./progress.js";
import type { LinkageWarning } from "./warnings.js";

/** What training did, kept in the model file (no record-level data), plus λ details for the summary. */
export interface PipelineTrainingSummary extends TrainingSummary {
  readonly seed: number;
  readonly priorMatchProbability: number;
  /** Expected number of matches in the whole comparison space under λ. */
  readonly expectedMatches: number;
  readonly comparisonSpaceSize: number;
}

export interface TrainedModel {
  readonly parameters: ModelParameters;
  readonly summary: PipelineTrainingSummary;
}

export interface TrainModelOptions {
  /** Candidate pairs of the spec's blocking rules, when already generated (λ is estimated on them if needed). */
  readonly candidatePairs?: CandidatePairs;
  readonly onProgress?: ProgressListener;
  /** Compares the pairs (default: on this thread); a worker-thread comparer gives the same model faster. */
  readonly comparer?: PairComparer;
  /** Pairs compared at a time: without `candidatePairs`, pairs are generated and counted in chunks of this size. */
  readonly chunkPairs?: number;
  /** The spec's candidate pairs planned beforehand, to generate them in chunks without encoding rules again. */
  readonly candidateSource?: CandidatePairSource;
}

/**
 * Estimates the model. u: from `uSamplePairs` random pairs of the whole comparison space (seeded). m: one EM
 * session per training blocking rule, each holding fixed the comparisons whose columns its rule uses (they
 * agree by construction there), combined by averaging. λ: as given; else from deterministic rules and their
 * assumed recall; else by EM on the candidate pairs with m and u frozen, scaled to the whole space.
 */
export function trainModel(context: LinkageContext, options: TrainModelOptions = {}): TrainedModel {
  const { spec, dataset, comparisons } = context;
  const training = spec.training;
  const warnings: LinkageWarning[] = [];
  const spaceSize = comparisonSpaceSize(spec.linkType, context.sourceSizes);

  const comparer = options.comparer ?? createInProcessComparer(comparisons);
  const sample = estimateUFromRandomPairs(context, spaceSize, options.onProgress, comparer);
  const base = startingParameters({
    comparisonNames: comparisons.map((comparison) => comparison.name),
    levelCounts: comparisons.map((comparison) => comparison.levelCount),
    levelLabels: comparisons.map((comparison) => comparison.levelLabels),
    u: sample.u,
    priorMatchProbability: training.priorMatchProbability ?? 1e-4,
  });

  // m from EM sessions.
  const sessionRules: readonly BlockingRuleSpec[] =
    training.sessions && training.sessions.length > 0
      ? training.sessions.map((session) => session.blockingRule)
      : spec.blockingRules;
  // Pattern counts of every session (and of the candidate pairs for λ), compared chunk by chunk.
  const counted = countTrainingPatterns(context, sessionRules, {
    comparer,
    countCandidates: estimatesPriorByExpectationMaximisation(context),
    ...(options.candidatePairs ? { candidatePairs: options.candidatePairs } : {}),
    ...(options.candidateSource ? { candidateSource: options.candidateSource } : {}),
    ...(options.chunkPairs ? { chunkPairs: options.chunkPairs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const sessionResults: { result: TrainingSessionResult; summary: TrainingSessionSummary }[] = [];
  sessionRules.forEach((rule, index) => {
    const { patterns, pairCount } = counted.sessions[index]!;
    // A rule that pairs nothing (a column empty in this data, say) teaches nothing: the other sessions go on.
    if (pairCount === 0) {
      warnings.push({
        code: "TRAINING_SESSION_NO_PAIRS",
        message: `session "${rule.name ?? blockingRuleName(rule)}" was skipped: its blocking rule produces no pair. Its comparisons are estimated by the other sessions only.`,
      });
      return;
    }
    const fixed = comparisons.map((comparison) => usesRuleColumns(comparison.spec.columns, rule));
    // Within a blocked session matches are far more common than in the whole space: start λ there at 0.1.
    const result = runExpectationMaximisation(
      patterns,
      { ...base, priorMatchProbability: 0.1 },
      {
        maxIterations: training.maxIterations,
        tolerance: training.tolerance,
        fixedComparisons: fixed,
        estimateU: training.estimateU,
        estimatePrior: true,
        monotonic: training.monotonic,
      },
    );
    for (const warning of result.warnings) {
      warnings.push({
        code: warning.code,
        message: `session "${blockingRuleName(rule)}": ${warning.message}`,
      });
    }
    const summary: TrainingSessionSummary = {
      name: rule.name ?? blockingRuleName(rule),
      fixedComparisons: comparisons
        .filter((_, position) => fixed[position])
        .map((comparison) => comparison.name),
      pairCount,
      iterations: result.iterations,
      converged: result.converged,
      logLikelihood: result.logLikelihood,
    };
    sessionResults.push({
      result: {
        parameters: result.parameters,
        fixedComparisons: fixed,
        pairsAtLevel: result.pairsAtLevel,
        expectedMatches: result.parameters.priorMatchProbability * pairCount,
      },
      summary,
    });
  });
  if (sessionResults.length === 0) {
    throw new EstimationError(
      "EM_NO_PAIRS",
      `none of the ${sessionRules.length} training blocking rules produces a pair, so there is nothing to train m on.`,
      {
        hint: "Check the training sessions' blocking rules against the data (are their columns filled?), or loosen them.",
      },
    );
  }
  const combined = combineTrainingSessions(
    sessionResults.map((session) => session.result),
    base,
    { averageU: training.estimateU, monotonic: training.monotonic },
  );
  warnings.push(...combined.warnings.map(({ code, message }) => ({ code, message })));

  const prior = estimatePrior(context, combined.parameters, spaceSize, counted.candidates, warnings);
  const parameters: ModelParameters = { ...combined.parameters, priorMatchProbability: prior.value };
  return {
    parameters,
    summary: {
      sessions: sessionResults.map((session) => session.summary),
      uSampleSize: sample.sampleSize,
      priorSource: prior.source,
      counts: {
        recordCount: dataset.rowCount,
        ...(options.candidatePairs || counted.candidates
          ? { candidatePairCount: options.candidatePairs?.count ?? counted.candidates!.pairCount }
          : {}),
        ...(prior.deterministicMatches === undefined
          ? {}
          : { deterministicMatchCount: prior.deterministicMatches }),
      },
      warnings,
      seed: training.seed,
      priorMatchProbability: prior.value,
      expectedMatches: prior.value * spaceSize,
      comparisonSpaceSize: spaceSize,
    },
  };
}

interface PriorEstimate {
  readonly value: number;
  readonly source: PriorSource;
  readonly deterministicMatches?: number;
}

function estimatePrior(
  context: LinkageContext,
  parameters: ModelParameters,
  spaceSize: number,
  candidates: PatternTally | undefined,
  warnings: LinkageWarning[],
): PriorEstimate {
  const { spec, dataset, comparisons } = context;
  const training = spec.training;
  if (training.priorMatchProbability !== undefined) {
    return { value: training.priorMatchProbability, source: "spec" };
  }
  if (training.deterministicRules && training.deterministicRules.length > 0) {
    const counts = countCandidatePairs(dataset, training.deterministicRules, spec.linkType, {});
    const matchingPairs = counts.totalPairs;
    const value = estimatePriorFromDeterministicMatches({
      matchingPairs,
      assumedRecall: training.deterministicRecall ?? 1,
      comparisonSpaceSize: spaceSize,
    });
    return { value, source: "deterministicRules", deterministicMatches: matchingPairs };
  }
  // λ on the candidate pairs with m and u frozen, then scaled: the expected matches among the candidates are
  // taken as all the matches (blocking is designed to keep them), spread over the whole space.
  if (candidates === undefined || candidates.pairCount === 0) {
    warnings.push({
      code: "PRIOR_NO_CANDIDATE_PAIRS",
      message:
        "no candidate pairs to estimate λ on; using 1e-4. Give training.priorMatchProbability instead.",
    });
    return { value: 1e-4, source: "expectationMaximisation" };
  }
  const frozen = comparisons.map(() => true);
  const result = runExpectationMaximisation(
    candidates.patterns,
    { ...parameters, priorMatchProbability: 0.1 },
    {
      maxIterations: Math.max(100, training.maxIterations),
      tolerance: training.tolerance / 10,
      frozenComparisons: frozen,
      estimateU: false,
      estimatePrior: true,
    },
  );
  const expectedMatches = result.parameters.priorMatchProbability * candidates.pairCount;
  const value = Math.min(0.5, Math.max(expectedMatches / spaceSize, 1e-12));
  return { value, source: "expectationMaximisation" };
}

/** λ is estimated by EM on the candidate pairs unless it is given or deterministic rules are. */
function estimatesPriorByExpectationMaximisation(context: LinkageContext): boolean {
  const training = context.spec.training;
  return (
    training.priorMatchProbability === undefined &&
    !(training.deterministicRules && training.deterministicRules.length > 0)
  );
}

/** Whether a comparison reads any column that the blocking rule keys on. */
function usesRuleColumns(columns: readonly string[], rule: BlockingRuleSpec): boolean {
  return rule.keys.some((key) => columns.includes(key.column));
}
