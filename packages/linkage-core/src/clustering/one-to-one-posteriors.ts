// Match probabilities of a one-to-one linkage of two sources, without labels: the share of subjects present
// estimated from the scores, then each pair weighed against its record's other candidates.
import { weightFromMatchProbability } from "../scoring/match-weights.js";
import {
  type LinkedShare,
  type LinkedShareInput,
  linkedShareEvidence,
  linkedShareOf,
} from "./estimate-linked-share.js";
import { scoreExclusively } from "./exclusive-match-weights.js";

/** The scored pairs, as estimateLinkedShare takes them (its iteration options apply to the share). */
export type OneToOnePosteriorInput = LinkedShareInput;

export interface OneToOnePosteriors {
  readonly linkedShare: LinkedShare;
  /** log2 posterior odds of each pair under the one-to-one model. */
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
}

/**
 * The one-to-one posterior of each candidate pair: the share ρ of subjects present (`estimateLinkedShare`) sets
 * the prior (Bayes factors unchanged), then each pair is set against the other candidates of its two records
 * (`exclusiveMatchWeights`). These probabilities are what one-to-one links should be decided on and their
 * label-free error rates computed from; pairwise probabilities, with λ estimated on blocked pairs, ignore
 * look-alikes competing for the same subject.
 */
export function oneToOnePosteriors(input: OneToOnePosteriorInput): OneToOnePosteriors {
  const { left, right, matchWeight } = input;
  const evidence = linkedShareEvidence(input);
  const linkedShare = linkedShareOf(evidence, input);
  const priorWeight = weightFromMatchProbability(linkedShare.priorMatchProbability);
  return { linkedShare, ...scoreExclusively(evidence, left, right, matchWeight, priorWeight) };
}
