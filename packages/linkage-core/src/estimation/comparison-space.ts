// Size of the comparison space (all pairs a link type allows) and λ estimated from deterministic matches.
import { EstimationError } from "../errors.js";
import type { LinkType } from "../spec/types.js";

/**
 * Number of record pairs the link type allows among sources of the given sizes: cross-source pairs only for
 * `link`; every pair for `dedupe` and `linkAndDedupe` (a dedupe run treats its rows as one dataset, as blocking
 * does).
 */
export function comparisonSpaceSize(linkType: LinkType, sourceSizes: readonly number[]): number {
  let rows = 0;
  let withinSources = 0;
  for (const size of sourceSizes) {
    if (!Number.isInteger(size) || size < 0) {
      throw new EstimationError(
        "SOURCE_SIZE_INVALID",
        `source sizes must be whole numbers ≥ 0, got ${size}.`,
      );
    }
    rows += size;
    withinSources += (size * (size - 1)) / 2;
  }
  const all = (rows * (rows - 1)) / 2;
  return linkType === "link" ? all - withinSources : all;
}

export interface DeterministicPriorInput {
  /** Number of pairs meeting the deterministic rules (taken as matches). */
  readonly matchingPairs: number;
  /** Share of all true matches the deterministic rules are assumed to find, in (0, 1]. */
  readonly assumedRecall: number;
  /** Number of pairs in the comparison space (see comparisonSpaceSize). */
  readonly comparisonSpaceSize: number;
}

/**
 * λ = matchingPairs / assumedRecall / comparisonSpaceSize: the expected number of true matches spread over
 * the whole comparison space. Throws an EstimationError when the inputs are invalid or λ is outside (0, 1),
 * because a prior of 0 or 1 would make every pair a non-match or a match whatever its evidence.
 */
export function estimatePriorFromDeterministicMatches(input: DeterministicPriorInput): number {
  const { matchingPairs, assumedRecall, comparisonSpaceSize: spaceSize } = input;
  if (!(assumedRecall > 0 && assumedRecall <= 1)) {
    throw new EstimationError(
      "PRIOR_RECALL_INVALID",
      `the assumed recall of the deterministic rules must be in (0, 1], got ${assumedRecall}.`,
      { hint: "Set training.deterministicRecall to the share of true matches the rules find, e.g. 0.7." },
    );
  }
  if (!(spaceSize > 0) || !Number.isFinite(spaceSize)) {
    throw new EstimationError("PRIOR_SPACE_EMPTY", `the comparison space holds ${spaceSize} pairs.`, {
      hint: "λ needs at least one pair of records to compare: check the inputs and the link type.",
    });
  }
  if (!(matchingPairs >= 0) || !Number.isFinite(matchingPairs)) {
    throw new EstimationError("PRIOR_MATCHES_INVALID", `matchingPairs must be ≥ 0, got ${matchingPairs}.`);
  }
  const prior = matchingPairs / assumedRecall / spaceSize;
  if (prior === 0) {
    throw new EstimationError(
      "PRIOR_NO_DETERMINISTIC_MATCHES",
      "no pair meets the deterministic rules, so λ (the prior match probability) cannot be estimated.",
      { hint: "Loosen training.deterministicRules, or give training.priorMatchProbability directly." },
    );
  }
  if (prior >= 1) {
    throw new EstimationError(
      "PRIOR_OUT_OF_RANGE",
      `the deterministic rules imply λ = ${prior} (${matchingPairs} matching pairs / recall ${assumedRecall} / ${spaceSize} pairs), which is not below 1.`,
      { hint: "Tighten training.deterministicRules or raise training.deterministicRecall." },
    );
  }
  return prior;
}
