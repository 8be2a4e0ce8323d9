// The fixed, documented values EM starts from: m from a decreasing ladder, u from random sampling.
import { EstimationError } from "../errors.js";
import type { ComparisonParameters, ModelParameters } from "./types.js";

/** Starting m of the most similar level; the rest of the mass goes down the ladder. */
export const STARTING_TOP_LEVEL_M = 0.9;

/** Starting λ when none is known (the pipeline normally passes λ from the spec or deterministic rules). */
export const DEFAULT_STARTING_PRIOR = 0.01;

/**
 * Starting m of a comparison with `levelCount` levels (0 = else … top = most similar): 0.9 on the top level,
 * the remaining 0.1 halved at each step down, so for 4 levels [0.014, 0.029, 0.057, 0.9]. Matches are
 * expected to agree; starting there (never at random) keeps EM deterministic and on the "match" side.
 */
export function startingM(levelCount: number): number[] {
  if (!Number.isInteger(levelCount) || levelCount < 1) {
    throw new EstimationError(
      "LEVEL_COUNT_INVALID",
      `a comparison needs at least one level, got ${levelCount}.`,
    );
  }
  if (levelCount === 1) return [1];
  const below = Array.from({ length: levelCount - 1 }, (_, level) => 2 ** level);
  const total = below.reduce((sum, value) => sum + value, 0);
  return [...below.map((value) => ((1 - STARTING_TOP_LEVEL_M) * value) / total), STARTING_TOP_LEVEL_M];
}

/** Starting u when no sample is available: the mirror image of startingM (non-matches mostly disagree). */
export function startingU(levelCount: number): number[] {
  return startingM(levelCount).reverse();
}

export interface StartingParametersInput {
  readonly comparisonNames: readonly string[];
  readonly levelCounts: readonly number[];
  /** Level labels per comparison; "level 0", "level 1"… when absent. */
  readonly levelLabels?: readonly (readonly string[])[];
  /** u per comparison per level, normally from estimateUFromSample; startingU when absent. */
  readonly u?: readonly (readonly number[])[];
  /** Starting λ; DEFAULT_STARTING_PRIOR when absent. */
  readonly priorMatchProbability?: number;
}

/** The parameters the pipeline starts EM from: m from startingM, u as given (or startingU), λ as given. */
export function startingParameters(input: StartingParametersInput): ModelParameters {
  const comparisons: ComparisonParameters[] = input.comparisonNames.map((name, index) => {
    const levelCount = input.levelCounts[index];
    if (levelCount === undefined) {
      throw new EstimationError("EM_SHAPE_MISMATCH", `no level count for comparison "${name}".`);
    }
    const u = input.u?.[index] ?? startingU(levelCount);
    if (u.length !== levelCount) {
      throw new EstimationError(
        "EM_SHAPE_MISMATCH",
        `comparison "${name}" has ${levelCount} levels but ${u.length} u values.`,
      );
    }
    return {
      name,
      levelLabels:
        input.levelLabels?.[index] ?? Array.from({ length: levelCount }, (_, level) => `level ${level}`),
      m: startingM(levelCount),
      u: [...u],
    };
  });
  return { priorMatchProbability: input.priorMatchProbability ?? DEFAULT_STARTING_PRIOR, comparisons };
}
