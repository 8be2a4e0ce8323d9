// Several EM sessions merged into one model: each comparison's m averaged over the sessions that estimated it.
import { EstimationError } from "../errors.js";
import type { EstimationWarning } from "./estimation-warning.js";
import type { ComparisonParameters, ModelParameters } from "./types.js";

export interface TrainingSessionResult {
  readonly parameters: ModelParameters;
  /** Comparisons held fixed in the session (typically those whose columns the session's blocking rule uses). */
  readonly fixedComparisons: readonly boolean[];
}

export interface CombineTrainingOptions {
  /** Average u over the sessions as well (when sessions estimated u); default false keeps the base u. */
  readonly averageU?: boolean;
}

export interface CombinedTraining {
  readonly parameters: ModelParameters;
  /** Names of the comparisons no session estimated: they keep the base values. */
  readonly unestimatedComparisons: readonly string[];
  /** One `COMPARISON_NOT_ESTIMATED` warning per unestimated comparison. */
  readonly warnings: EstimationWarning[];
}

/**
 * Splink's approach: each comparison's m is the mean, level by level, over the sessions where it was not
 * fixed; λ (and u unless `averageU`) come from `base`. A comparison fixed in every session keeps the base
 * values and is reported, since its m was never learned.
 */
export function combineTrainingSessions(
  sessions: readonly TrainingSessionResult[],
  base: ModelParameters,
  options: CombineTrainingOptions = {},
): CombinedTraining {
  const unestimated: string[] = [];
  const warnings: EstimationWarning[] = [];
  const comparisons: ComparisonParameters[] = base.comparisons.map((comparison, index) => {
    const estimates: ComparisonParameters[] = [];
    sessions.forEach((session, sessionIndex) => {
      const estimate = session.parameters.comparisons[index];
      if (
        estimate === undefined ||
        session.fixedComparisons.length !== base.comparisons.length ||
        estimate.m.length !== comparison.m.length
      ) {
        throw new EstimationError(
          "SESSION_SHAPE_MISMATCH",
          `training session ${sessionIndex} does not have the same comparisons and levels as the base parameters (comparison "${comparison.name}").`,
        );
      }
      if (!session.fixedComparisons[index]) estimates.push(estimate);
    });
    if (estimates.length === 0) {
      unestimated.push(comparison.name);
      warnings.push({
        code: "COMPARISON_NOT_ESTIMATED",
        message: `comparison "${comparison.name}" was fixed in every training session, so its m keeps its starting values.`,
        comparison: comparison.name,
      });
      return comparison;
    }
    return {
      name: comparison.name,
      levelLabels: comparison.levelLabels,
      m: averageByLevel(estimates.map((estimate) => estimate.m)),
      u: options.averageU ? averageByLevel(estimates.map((estimate) => estimate.u)) : [...comparison.u],
    };
  });
  return {
    parameters: { priorMatchProbability: base.priorMatchProbability, comparisons },
    unestimatedComparisons: unestimated,
    warnings,
  };
}

function averageByLevel(values: readonly (readonly number[])[]): number[] {
  const first = values[0]!;
  return first.map((_, level) => values.reduce((sum, value) => sum + value[level]!, 0) / values.length);
}
