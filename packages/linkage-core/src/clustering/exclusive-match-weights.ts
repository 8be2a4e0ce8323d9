// Match weights under the one-to-one constraint: a record that has two equally good candidates can match at
// most one of them, so neither deserves the probability it would have alone. What linking to the SNDS needs,
// where look-alikes (same sex, birth month and commune) compete for the same registry subject.
import { LinkageError } from "../errors.js";
import { matchProbabilityFromWeight } from "../scoring/match-weights.js";
import { CompetingEvidence } from "./competing-evidence.js";

export interface ExclusiveMatchInput {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Pairwise match weights: log2 posterior odds, prior included (as predictPairs gives them). */
  readonly matchWeight: Float64Array;
  /**
   * Source of each row: a record may match one record of each other source. Without it, a record matches at
   * most one record in all.
   */
  readonly sourceOf?: Uint8Array;
}

export interface ExclusiveMatchWeights {
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
}

/**
 * Each pair's posterior when the alternatives of each of its records exclude each other (see
 * `CompetingEvidence.exclusiveScore`): o' = o / (1 + Σ of the other candidates' odds). A pair without
 * competitors keeps its weight; two identical candidates of odds o get o / (1 + o) each, below one half however
 * strong o. It makes label-free error rates account for look-alikes.
 */
export function exclusiveMatchWeights(input: ExclusiveMatchInput): ExclusiveMatchWeights {
  const { left, right, matchWeight, sourceOf } = input;
  const pairCount = matchWeight.length;
  if (left.length !== pairCount || right.length !== pairCount) {
    throw new LinkageError(
      "EXCLUSIVE_INPUT_MISMATCH",
      `${left.length} left rows, ${right.length} right rows and ${pairCount} weights: give one of each per pair.`,
    );
  }
  let rowCount = sourceOf?.length ?? 0;
  for (let pair = 0; pair < pairCount; pair++)
    rowCount = Math.max(rowCount, left[pair]! + 1, right[pair]! + 1);
  const evidence = new CompetingEvidence({ rowCount, ...(sourceOf ? { sourceOf } : {}) });
  evidence.add(left, right, matchWeight);
  return scoreExclusively(evidence, left, right, matchWeight);
}

/** Every pair's exclusive score from evidence that holds them all (`CompetingEvidence.exclusiveScore`). */
export function scoreExclusively(
  evidence: CompetingEvidence,
  left: Int32Array,
  right: Int32Array,
  matchWeight: Float64Array,
  priorWeight?: number,
): ExclusiveMatchWeights {
  const weights = new Float64Array(matchWeight.length);
  const probabilities = new Float64Array(matchWeight.length);
  for (let pair = 0; pair < matchWeight.length; pair++) {
    const weight = evidence.exclusiveWeight(left[pair]!, right[pair]!, matchWeight[pair]!, priorWeight);
    weights[pair] = weight;
    probabilities[pair] = matchProbabilityFromWeight(weight);
  }
  return { matchWeight: weights, matchProbability: probabilities };
}
