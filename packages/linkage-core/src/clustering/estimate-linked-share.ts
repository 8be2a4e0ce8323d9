// The share of one source's records that have a match in the other, estimated without labels from the
// scored candidate pairs: the prior of a one-to-one linkage, where λ estimated on blocked pairs goes wrong.
import { LinkageError } from "../errors.js";
import { weightFromMatchProbability } from "../scoring/match-weights.js";
import { CompetingEvidence, subjectSourceOf } from "./competing-evidence.js";

export interface LinkedShareInput {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Pairwise match weights: log2 posterior odds under `priorMatchProbability`. */
  readonly matchWeight: Float64Array;
  /** The prior λ the weights were computed with (removed to get each pair's Bayes factor). */
  readonly priorMatchProbability: number;
  /** Source of each row (two sources, as combineDatasets numbers them). */
  readonly sourceOf: Uint8Array;
  /** Rows of each source; the smaller source's records are the subjects whose share is estimated. */
  readonly sourceSizes: readonly [number, number];
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

export interface LinkedShare {
  /** Estimated share of the smaller source's records that have a match in the other source (ρ). */
  readonly linkedShare: number;
  /**
   * The pairwise prior to score pairs with before `exclusiveMatchWeights`: prior odds ρ / ((1 − ρ) N), N the rows
   * of the larger source, so that the exclusive odds o / (1 + Σ others) are the one-to-one posterior odds
   * (ρ/N)·BF / ((1 − ρ) + (ρ/N)·Σ BF). (The average share of pairs that match, ρ / N, is smaller by 1 − ρ.)
   */
  readonly priorMatchProbability: number;
  /** The source whose records are the subjects (the smaller one). */
  readonly subjectSource: 0 | 1;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * The share ρ of the smaller source's records that have a match in the other, by EM under the one-to-one model
 * (see `CompetingEvidence.linkedShare`): what the prior of a one-to-one linkage should be, where λ estimated on
 * blocked pairs goes wrong.
 */
export function estimateLinkedShare(input: LinkedShareInput): LinkedShare {
  return linkedShareOf(linkedShareEvidence(input), input);
}

/** The pairs' competing evidence, their weights' prior removed (input checked). */
export function linkedShareEvidence(input: LinkedShareInput): CompetingEvidence {
  const { left, right, matchWeight, sourceOf } = input;
  const prior = input.priorMatchProbability;
  if (!(prior > 0 && prior < 1)) {
    throw new LinkageError(
      "LINKED_SHARE_INPUT_INVALID",
      `priorMatchProbability must be in (0, 1), got ${prior}.`,
    );
  }
  if (left.length !== matchWeight.length || right.length !== matchWeight.length) {
    throw new LinkageError(
      "LINKED_SHARE_INPUT_INVALID",
      `${left.length} left rows, ${right.length} right rows and ${matchWeight.length} weights: give one of each per pair.`,
    );
  }
  const evidence = new CompetingEvidence({
    sourceOf,
    priorWeight: weightFromMatchProbability(prior),
    acrossTwoSources: true,
  });
  evidence.add(left, right, matchWeight);
  return evidence;
}

/** ρ from evidence gathered over the input's pairs. */
export function linkedShareOf(evidence: CompetingEvidence, input: LinkedShareInput): LinkedShare {
  return evidence.linkedShare(subjectSourceOf(input.sourceSizes), input.sourceSizes, {
    ...(input.maxIterations === undefined ? {} : { maxIterations: input.maxIterations }),
    ...(input.tolerance === undefined ? {} : { tolerance: input.tolerance }),
  });
}
