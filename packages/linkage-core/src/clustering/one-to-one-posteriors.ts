// Match probabilities of a one-to-one linkage of two sources, without labels: the share of subjects present
// estimated from the scores, then each pair weighed against its record's other candidates.
import { estimateLinkedShare, type LinkedShare } from "./estimate-linked-share.js";
import { exclusiveMatchWeights } from "./exclusive-match-weights.js";

export interface OneToOnePosteriorInput {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Pairwise match weights (log2 posterior odds) as scored under `priorMatchProbability`. */
  readonly matchWeight: Float64Array;
  readonly priorMatchProbability: number;
  readonly sourceOf: Uint8Array;
  readonly sourceSizes: readonly [number, number];
}

export interface OneToOnePosteriors {
  readonly linkedShare: LinkedShare;
  /** log2 posterior odds of each pair under the one-to-one model. */
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
}

/**
 * The one-to-one posterior of each candidate pair: `estimateLinkedShare` gives the share ρ of subjects present;
 * the pairs are re-weighed with its prior (Bayes factors unchanged), then `exclusiveMatchWeights` sets each
 * pair against the other candidates of its two records. These probabilities are what label-free error rates
 * of one-to-one links should be computed from; pairwise probabilities, with λ estimated on blocked pairs,
 * ignore look-alikes competing for the same subject.
 */
export function oneToOnePosteriors(input: OneToOnePosteriorInput): OneToOnePosteriors {
  const linkedShare = estimateLinkedShare(input);
  const logOdds = (probability: number) => Math.log2(probability / (1 - probability));
  const shift = logOdds(linkedShare.priorMatchProbability) - logOdds(input.priorMatchProbability);
  const reweighed = Float64Array.from(input.matchWeight, (weight) => weight + shift);
  const exclusive = exclusiveMatchWeights({
    left: input.left,
    right: input.right,
    matchWeight: reweighed,
    sourceOf: input.sourceOf,
  });
  return { linkedShare, ...exclusive };
}
