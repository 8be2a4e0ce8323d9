// The linkage spec: everything a run needs to know, as JSON-serialisable data (parsed and checked by parseSpec).
import type { BlockingRuleSpec } from "../blocking/types.js";
import type { ComparisonSpec } from "../comparisons/types.js";

/** dedupe: pairs within one dataset; link: pairs across datasets only; linkAndDedupe: both. */
export type LinkType = "dedupe" | "link" | "linkAndDedupe";

/** One EM training session: pairs from this blocking rule; comparisons it uses are held fixed. */
export interface TrainingSessionSpec {
  readonly blockingRule: BlockingRuleSpec;
}

export interface TrainingSpec {
  /** Seed of every random choice (u sampling). */
  readonly seed: number;
  /** Number of random pairs sampled to estimate u. */
  readonly uSamplePairs: number;
  /**
   * λ: either given directly, or estimated from deterministic rules (pairs meeting them are taken as
   * matches) and the recall those rules are assumed to have.
   */
  readonly priorMatchProbability?: number;
  readonly deterministicRules?: readonly BlockingRuleSpec[];
  readonly deterministicRecall?: number;
  /** EM sessions; when empty, one session per blocking rule of the spec. */
  readonly sessions?: readonly TrainingSessionSpec[];
  readonly maxIterations: number;
  /** Convergence when no parameter moves by more than this between iterations. */
  readonly tolerance: number;
  /** Re-estimate u by EM too (otherwise u comes from random sampling only). */
  readonly estimateU: boolean;
  /** Keep the Bayes factor m/u non-decreasing with the level, so more similar never weighs less. */
  readonly monotonic: boolean;
}

/** Output threshold: pairs scoring at or above it are kept and linked. */
export type ThresholdSpec =
  | { readonly kind: "matchProbability"; readonly value: number }
  | { readonly kind: "matchWeight"; readonly value: number };

export interface OneToOneSpec {
  /** best-first (greedy by score, ties reported as ambiguous) or optimal (maximum total weight). */
  readonly method: "bestFirst" | "optimal";
  /**
   * What links are decided on and reported with (linkType `link`): `oneToOne`, each pair's posterior against its
   * records' other candidates, under the share of subjects present estimated without labels; `pairwise`, each
   * pair's probability on its own under the trained prior λ.
   */
  readonly probability: "oneToOne" | "pairwise";
}

export interface LinkageSpec {
  readonly linkType: LinkType;
  readonly comparisons: readonly ComparisonSpec[];
  readonly blockingRules: readonly BlockingRuleSpec[];
  readonly training: TrainingSpec;
  readonly threshold: ThresholdSpec;
  readonly oneToOne: OneToOneSpec;
  /** Stop with a clear error instead of generating more candidate pairs than this. */
  readonly maxCandidatePairs: number;
}
