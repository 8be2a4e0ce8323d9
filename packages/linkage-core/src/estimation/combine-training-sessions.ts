// Several EM sessions merged into one model: each level's m averaged over the sessions that observed it, and
// levels that no session observed given a small floor instead of a veto.
import { EstimationError } from "../errors.js";
import { type EstimationWarning, floorAndNormalise, PROBABILITY_FLOOR } from "./estimation-warning.js";
import { monotoneLikelihoodRatio } from "./expectation-maximisation.js";
import type { ComparisonParameters, ModelParameters } from "./types.js";

export interface TrainingSessionResult {
  readonly parameters: ModelParameters;
  /** Comparisons held fixed in the session (typically those whose columns the session's blocking rule uses). */
  readonly fixedComparisons: readonly boolean[];
  /**
   * The session's pairs at each level of each comparison (`EmResult.pairsAtLevel`). A level with 0 pairs was
   * not observed: its m is the EM floor, not an estimate, and is left out of the average. When omitted, every
   * level counts as observed.
   */
  readonly pairsAtLevel?: readonly (readonly number[])[];
  /** Expected matches among the session's pairs (its λ × its pair count): sets the m of levels never observed. */
  readonly expectedMatches?: number;
}

export interface CombineTrainingOptions {
  /** Average u over the sessions as well (when sessions estimated u); default false keeps the base u. */
  readonly averageU?: boolean;
  /**
   * Keep the Bayes factor m/u non-decreasing in the level after combining (as EM's `monotonic` does within a
   * session): averaging each level over a different set of sessions can break that order. Default false.
   */
  readonly monotonic?: boolean;
}

export interface CombinedTraining {
  readonly parameters: ModelParameters;
  /** Names of the comparisons no session estimated: they keep the base values. */
  readonly unestimatedComparisons: readonly string[];
  /**
   * One `COMPARISON_NOT_ESTIMATED` warning per unestimated comparison, one `LEVEL_NEVER_OBSERVED` per level
   * no session observed.
   */
  readonly warnings: EstimationWarning[];
}

/**
 * Splink's approach, made robust to sparse sessions: each comparison's m is the mean, level by level, over
 * the sessions where the comparison was not fixed and the level was observed, then renormalised. λ (and u
 * unless `averageU`) come from `base`. A comparison that no session estimated (fixed everywhere, or null in
 * every pair) keeps the base values and is reported, since its m was never learned.
 *
 * A level no session observed gets m = 0.5 / max(E, L), E the most expected matches of a session that
 * estimated the comparison and L its number of levels, rather than EM's floor of 1e-9: a level not seen among
 * E matches most likely has m below 1/E, and half a pair is the usual correction for a zero count. With the
 * floor a never-seen "else" level would weigh about −30 bits, a veto; with E = 1,000 it weighs about −11.
 * Capping at 0.5 / L keeps those levels' total below one half when sessions are tiny. Without `expectedMatches`
 * such a level keeps the mean of the sessions' values.
 */
export function combineTrainingSessions(
  sessions: readonly TrainingSessionResult[],
  base: ModelParameters,
  options: CombineTrainingOptions = {},
): CombinedTraining {
  for (const [sessionIndex, session] of sessions.entries()) checkShape(session, sessionIndex, base);
  const unestimated: string[] = [];
  const warnings: EstimationWarning[] = [];
  const comparisons: ComparisonParameters[] = base.comparisons.map((comparison, index) => {
    const estimating = sessions.filter(
      (session) =>
        !session.fixedComparisons[index] &&
        (session.pairsAtLevel === undefined || session.pairsAtLevel[index]!.some((pairs) => pairs > 0)),
    );
    if (estimating.length === 0) {
      unestimated.push(comparison.name);
      warnings.push({
        code: "COMPARISON_NOT_ESTIMATED",
        message: `comparison "${comparison.name}" was fixed or null in every training session, so its m keeps its starting values.`,
        comparison: comparison.name,
      });
      return comparison;
    }
    const neverObserved = unobservedFloor(estimating, comparison.m.length);
    const m = averageObserved(estimating, index, (session) => session.parameters.comparisons[index]!.m, {
      neverObserved,
    });
    if (neverObserved !== undefined) {
      m.forEach((_, level) => {
        if (estimating.some((session) => observed(session, index, level))) return;
        warnings.push(neverObservedWarning(comparison, level, neverObserved));
      });
    }
    const u = options.averageU
      ? averageObserved(estimating, index, (session) => session.parameters.comparisons[index]!.u, {
          fallback: comparison.u,
        })
      : [...comparison.u];
    return {
      name: comparison.name,
      levelLabels: comparison.levelLabels,
      m: options.monotonic ? floorAndNormalise(monotoneLikelihoodRatio(m, u)) : m,
      u,
    };
  });
  return {
    parameters: { priorMatchProbability: base.priorMatchProbability, comparisons },
    unestimatedComparisons: unestimated,
    warnings,
  };
}

function checkShape(session: TrainingSessionResult, sessionIndex: number, base: ModelParameters): void {
  const fits =
    session.fixedComparisons.length === base.comparisons.length &&
    session.parameters.comparisons.length === base.comparisons.length &&
    (session.pairsAtLevel === undefined || session.pairsAtLevel.length === base.comparisons.length) &&
    base.comparisons.every((comparison, index) => {
      const levels = comparison.m.length;
      const estimate = session.parameters.comparisons[index]!;
      return (
        estimate.m.length === levels &&
        estimate.u.length === levels &&
        (session.pairsAtLevel === undefined || session.pairsAtLevel[index]!.length === levels)
      );
    });
  if (!fits) {
    throw new EstimationError(
      "SESSION_SHAPE_MISMATCH",
      `training session ${sessionIndex} does not have the same comparisons and levels as the base parameters.`,
      { hint: "Combine sessions trained from the same compiled comparisons as the base parameters." },
    );
  }
}

function observed(session: TrainingSessionResult, comparison: number, level: number): boolean {
  return session.pairsAtLevel === undefined || session.pairsAtLevel[comparison]![level]! > 0;
}

/** m given to a level no session observed, or undefined when no session says how many matches it saw. */
function unobservedFloor(sessions: readonly TrainingSessionResult[], levelCount: number): number | undefined {
  let largest = Number.NEGATIVE_INFINITY;
  for (const session of sessions) {
    if (session.expectedMatches !== undefined && session.expectedMatches > largest) {
      largest = session.expectedMatches;
    }
  }
  if (largest === Number.NEGATIVE_INFINITY) return undefined;
  return Math.max(PROBABILITY_FLOOR, 0.5 / Math.max(largest, levelCount));
}

/**
 * Level by level, the mean over the sessions that observed the level, then rescaled so that the levels sum
 * to 1. A level no session observed takes `neverObserved` (kept as it is, the others sharing the rest), else
 * `fallback[level]`, else the mean over every session.
 */
function averageObserved(
  sessions: readonly TrainingSessionResult[],
  comparison: number,
  valuesOf: (session: TrainingSessionResult) => readonly number[],
  settings: { readonly neverObserved?: number; readonly fallback?: readonly number[] },
): number[] {
  const levelAcross = (from: readonly TrainingSessionResult[], level: number) =>
    mean(from.map((session) => valuesOf(session)[level]!));
  const pinned: boolean[] = [];
  const averaged = valuesOf(sessions[0]!).map((_, level) => {
    const observers = sessions.filter((session) => observed(session, comparison, level));
    pinned[level] = observers.length === 0 && settings.neverObserved !== undefined;
    if (observers.length > 0) return levelAcross(observers, level);
    return settings.neverObserved ?? settings.fallback?.[level] ?? levelAcross(sessions, level);
  });
  let pinnedTotal = 0;
  let freeTotal = 0;
  averaged.forEach((value, level) => {
    if (pinned[level]) pinnedTotal += value;
    else freeTotal += value;
  });
  // The free levels share what the pinned ones leave (pinned levels total below one half, see the floor).
  const scale = freeTotal > 0 ? (1 - pinnedTotal) / freeTotal : 0;
  return averaged.map((value, level) => (pinned[level] ? value : Math.max(value * scale, PROBABILITY_FLOOR)));
}

function mean(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

function neverObservedWarning(
  comparison: ComparisonParameters,
  level: number,
  value: number,
): EstimationWarning {
  const label = comparison.levelLabels[level] ?? String(level);
  return {
    code: "LEVEL_NEVER_OBSERVED",
    message: `level ${level} ("${label}") of comparison "${comparison.name}" occurs in no training pair of any session; its m is set to ${value.toPrecision(3)} (half a match among the expected matches of the largest session) rather than left near 0, so that it weighs against a link without vetoing it.`,
    comparison: comparison.name,
  };
}
