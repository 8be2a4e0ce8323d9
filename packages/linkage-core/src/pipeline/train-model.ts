// Training: u from random pairs, m by EM sessions on blocked pairs (Splink's scheme), λ given, from
// deterministic rules, or estimated on the candidate pairs.
import { blockingRuleName } from "../blocking/blocking-rule-name.js";
import { countCandidatePairs } from "../blocking/count-candidate-pairs.js";
import { generateCandidatePairs } from "../blocking/generate-candidate-pairs.js";
import type { BlockingRuleSpec } from "../blocking/types.js";
import { combineTrainingSessions } from "../estimation/combine-training-sessions.js";
import {
  comparisonSpaceSize,
  estimatePriorFromDeterministicMatches,
} from "../estimation/comparison-space.js";
import { runExpectationMaximisation } from "../estimation/expectation-maximisation.js";
import { startingParameters } from "../estimation/starting-parameters.js";
import type { ModelParameters } from "../estimation/types.js";
import type { PriorSource, TrainingSessionSummary, TrainingSummary } from "../model/model-file.js";
import { computeComparisonVectors } from "../vectors/compute-comparison-vectors.js";
import { countAgreementPatterns } from "../vectors/count-agreement-patterns.js";
import type { CandidatePairs } from "../vectors/types.js";
import { estimateUFromRandomPairs } from "./estimate-u.js";
import type { LinkageContext } from "./prepare-linkage.js";
import { type ProgressListener, stepProgress } from "./progress.js";
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

  const sample = estimateUFromRandomPairs(context, spaceSize, options.onProgress);
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
  const sessionResults = sessionRules.map((rule, index) => {
    const pairs = generateCandidatePairs(dataset, [rule], spec.linkType, {
      maxPairs: spec.maxCandidatePairs,
    });
    const fixed = comparisons.map((comparison) => usesRuleColumns(comparison.spec.columns, rule));
    const vectors = computeComparisonVectors(comparisons, pairs, {
      onProgress: stepProgress(options.onProgress, `training session ${index + 1}/${sessionRules.length}`),
    });
    const patterns = countAgreementPatterns(vectors);
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
      pairCount: pairs.count,
      iterations: result.iterations,
      converged: result.converged,
      logLikelihood: result.logLikelihood,
    };
    return { result: { parameters: result.parameters, fixedComparisons: fixed }, summary };
  });
  const combined = combineTrainingSessions(
    sessionResults.map((session) => session.result),
    base,
    { averageU: training.estimateU },
  );
  warnings.push(...combined.warnings.map(({ code, message }) => ({ code, message })));

  const prior = estimatePrior(context, combined.parameters, spaceSize, options, warnings);
  const parameters: ModelParameters = { ...combined.parameters, priorMatchProbability: prior.value };
  return {
    parameters,
    summary: {
      sessions: sessionResults.map((session) => session.summary),
      uSampleSize: sample.sampleSize,
      priorSource: prior.source,
      counts: {
        recordCount: dataset.rowCount,
        ...(options.candidatePairs ? { candidatePairCount: options.candidatePairs.count } : {}),
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
  options: TrainModelOptions,
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
  const pairs =
    options.candidatePairs ??
    generateCandidatePairs(dataset, spec.blockingRules, spec.linkType, { maxPairs: spec.maxCandidatePairs });
  if (pairs.count === 0) {
    warnings.push({
      code: "PRIOR_NO_CANDIDATE_PAIRS",
      message:
        "no candidate pairs to estimate λ on; using 1e-4. Give training.priorMatchProbability instead.",
    });
    return { value: 1e-4, source: "expectationMaximisation" };
  }
  const vectors = computeComparisonVectors(comparisons, pairs, {
    onProgress: stepProgress(options.onProgress, "estimating λ"),
  });
  const patterns = countAgreementPatterns(vectors);
  const frozen = comparisons.map(() => true);
  const result = runExpectationMaximisation(
    patterns,
    { ...parameters, priorMatchProbability: 0.1 },
    {
      maxIterations: Math.max(100, training.maxIterations),
      tolerance: training.tolerance / 10,
      frozenComparisons: frozen,
      estimateU: false,
      estimatePrior: true,
    },
  );
  const expectedMatches = result.parameters.priorMatchProbability * pairs.count;
  const value = Math.min(0.5, Math.max(expectedMatches / spaceSize, 1e-12));
  return { value, source: "expectationMaximisation" };
}

/** Whether a comparison reads any column that the blocking rule keys on. */
function usesRuleColumns(columns: readonly string[], rule: BlockingRuleSpec): boolean {
  return rule.keys.some((key) => columns.includes(key.column));
}
