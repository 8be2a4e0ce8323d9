// One-to-one posteriors in the pipeline: the default of two-source links. Every candidate pair adds its Bayes
// factor to its records' evidence as it is scored; once all are, the share of subjects present sets the prior and
// each kept pair is weighed against its records' other candidates. Decisions and label-free error rates use them.
import { assignOneToOne } from "../clustering/assign-one-to-one.js";
import {
  CompetingEvidence,
  maxLinkedSharePriorWeight,
  subjectSourceOf,
} from "../clustering/competing-evidence.js";
import type { LinkedShare } from "../clustering/estimate-linked-share.js";
import { scoreExclusively } from "../clustering/exclusive-match-weights.js";
import type { ModelParameters } from "../estimation/types.js";
import type { EstimatedErrorRate } from "../evaluation/estimate-error-rates.js";
import { weightFromMatchProbability } from "../scoring/match-weights.js";
import type { Predictions } from "./predict-pairs.js";
import type { LinkageContext } from "./prepare-linkage.js";

/** The probabilities two-source links were decided on, per pair of the predictions. */
export interface OneToOneScoring {
  /** The share of the smaller source's records estimated to have a match, and the prior it gives. */
  readonly linkedShare: LinkedShare;
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
}

/** Whether the spec's links are decided on one-to-one posteriors (two sources, `oneToOne.probability`). */
export function decidesOnOneToOne(context: LinkageContext): boolean {
  const { spec, sourceSizes } = context;
  return spec.linkType === "link" && spec.oneToOne.probability === "oneToOne" && sourceSizes.length === 2;
}

/** Evidence to add every candidate pair to, as scored with `parameters`. */
export function createOneToOneEvidence(
  context: LinkageContext,
  parameters: ModelParameters,
): CompetingEvidence {
  return new CompetingEvidence({
    sourceOf: context.dataset.sourceOf,
    priorWeight: weightFromMatchProbability(parameters.priorMatchProbability),
    acrossTwoSources: true,
  });
}

/**
 * The least pairwise match weight a pair needs to reach `minimumWeight` as a one-to-one posterior, whatever the
 * linked share turns out to be: a pair below it may be dropped as soon as it is scored.
 */
export function oneToOneKeepWeight(
  context: LinkageContext,
  parameters: ModelParameters,
  minimumWeight: number,
): number {
  return leastPairwiseWeight(parameters, maxLinkedSharePriorWeight(sourceSizesOf(context)), minimumWeight);
}

/**
 * The least pairwise weight that reaches `minimumWeight` once the Bayes factor is scored with a prior of
 * `priorWeight` (log2 odds): competitors only ever lower a posterior further.
 */
function leastPairwiseWeight(
  parameters: ModelParameters,
  priorWeight: number,
  minimumWeight: number,
): number {
  return minimumWeight - priorWeight + weightFromMatchProbability(parameters.priorMatchProbability);
}

/** The share of subjects present, from evidence every candidate pair was added to. */
export function estimateOneToOneShare(context: LinkageContext, evidence: CompetingEvidence): LinkedShare {
  const sourceSizes = sourceSizesOf(context);
  return evidence.linkedShare(subjectSourceOf(sourceSizes), sourceSizes);
}

/** The least pairwise weight that can reach `minimumWeight` as a one-to-one posterior under `linkedShare`. */
export function oneToOneReachWeight(
  parameters: ModelParameters,
  linkedShare: LinkedShare,
  minimumWeight: number,
): number {
  const sharePrior = weightFromMatchProbability(linkedShare.priorMatchProbability);
  return leastPairwiseWeight(parameters, sharePrior, minimumWeight);
}

/** One-to-one posteriors of the predictions' pairs, from evidence every candidate pair was added to. */
export function scoreOneToOne(
  context: LinkageContext,
  evidence: CompetingEvidence,
  predictions: Predictions,
  linkedShare: LinkedShare = estimateOneToOneShare(context, evidence),
): OneToOneScoring {
  const { left, right } = predictions.pairs;
  const scores = scoreExclusively(
    evidence,
    left,
    right,
    predictions.matchWeight,
    weightFromMatchProbability(linkedShare.priorMatchProbability),
  );
  return { linkedShare, ...scores };
}

/**
 * Label-free error rates of one-to-one links: at each threshold, the links chosen as the spec chooses them, each
 * a false link with probability 1 − its posterior; the matches expected in all are ρ times the subjects, so the
 * false negative rate also counts subjects whose match no candidate pair carries strongly enough.
 */
export function oneToOneErrorRates(
  context: LinkageContext,
  predictions: Predictions,
  scoring: OneToOneScoring,
  thresholds: readonly number[],
): EstimatedErrorRate[] {
  const { left, right } = predictions.pairs;
  const subjects = sourceSizesOf(context)[scoring.linkedShare.subjectSource];
  const expectedAll = scoring.linkedShare.linkedShare * subjects;
  return thresholds.map((threshold) => {
    const { selected } = assignOneToOne({
      left,
      right,
      matchWeight: scoring.matchWeight,
      sourceOf: context.dataset.sourceOf,
      minimumWeight: weightFromMatchProbability(threshold),
      method: context.spec.oneToOne.method,
    });
    let expectedMatches = 0;
    let expectedFalse = 0;
    for (const pair of selected) {
      expectedMatches += scoring.matchProbability[pair]!;
      expectedFalse += 1 - scoring.matchProbability[pair]!;
    }
    return {
      threshold,
      estimatedFalseDiscoveryRate: selected.length === 0 ? 0 : expectedFalse / selected.length,
      estimatedFalseNegativeRate: expectedAll === 0 ? 0 : Math.max(0, 1 - expectedMatches / expectedAll),
      expectedMatches,
      linkedPairs: selected.length,
    };
  });
}

function sourceSizesOf(context: LinkageContext): readonly [number, number] {
  return [context.sourceSizes[0]!, context.sourceSizes[1]!];
}
