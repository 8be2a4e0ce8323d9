// The share of one source's records that have a match in the other, estimated without labels from the
// scored candidate pairs: the prior of a one-to-one linkage, where λ estimated on blocked pairs goes wrong.
import { LinkageError } from "../errors.js";

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

// Bayes factors beyond 2^±500 change nothing and would overflow when summed.
const WEIGHT_LIMIT = 500;

/**
 * EM for ρ under the one-to-one model: each subject (record of the smaller source) is in the other source with
 * probability ρ, and then is any of its N records with equal prior probability. The evidence that a subject is
 * present is A = (1/N) Σ over its candidates of their Bayes factors m/u (candidates outside blocking are taken
 * to add nothing, so subjects whose match was not blocked count as absent). Each iteration sets ρ to the mean of
 * the posteriors ρA / (1 − ρ + ρA). Unlike λ estimated on the candidate pairs as if they were a random sample,
 * this does not mistake the look-alikes that blocking gathers (same sex, birth month and place) for matches.
 */
export function estimateLinkedShare(input: LinkedShareInput): LinkedShare {
  const { left, right, matchWeight, sourceOf, sourceSizes } = input;
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
  const subjectSource: 0 | 1 = sourceSizes[0] <= sourceSizes[1] ? 0 : 1;
  const subjectCount = sourceSizes[subjectSource];
  const otherCount = sourceSizes[1 - subjectSource]!;
  const priorWeight = Math.log2(prior / (1 - prior));
  // Σ of Bayes factors of each subject's candidates, divided by N as it goes (A of each subject).
  const evidence = new Float64Array(sourceOf.length);
  for (let pair = 0; pair < matchWeight.length; pair++) {
    const subject = sourceOf[left[pair]!] === subjectSource ? left[pair]! : right[pair]!;
    const bayesFactorWeight = Math.max(
      -WEIGHT_LIMIT,
      Math.min(WEIGHT_LIMIT, matchWeight[pair]! - priorWeight),
    );
    evidence[subject]! += 2 ** bayesFactorWeight / otherCount;
  }
  const maxIterations = input.maxIterations ?? 500;
  const tolerance = input.tolerance ?? 1e-7;
  let share = 0.5;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    let posteriors = 0;
    for (let row = 0; row < sourceOf.length; row++) {
      if (sourceOf[row] !== subjectSource) continue;
      const present = share * evidence[row]!;
      posteriors += present / (1 - share + present);
    }
    const next = subjectCount === 0 ? 0 : posteriors / subjectCount;
    converged = Math.abs(next - share) <= tolerance;
    share = next;
  }
  const priorOdds = share / Math.max(1e-12, (1 - share) * Math.max(otherCount, 1));
  const priorMatchProbability = Math.min(1 - 1e-12, Math.max(1e-15, priorOdds / (1 + priorOdds)));
  return { linkedShare: share, priorMatchProbability, subjectSource, iterations, converged };
}
