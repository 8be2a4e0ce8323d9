// EM over distinct agreement patterns (fastLink): cost grows with the number of patterns, not of pairs.
import { EstimationError } from "../errors.js";
import type { PatternCounts } from "../vectors/types.js";
import {
  clampProbability,
  type EstimationWarning,
  floorAndNormalise,
  PROBABILITY_FLOOR,
} from "./estimation-warning.js";
import { poolAdjacentViolators } from "./pool-adjacent-violators.js";
import type { ComparisonParameters, ModelParameters } from "./types.js";

export interface ExpectationMaximisationOptions {
  /** Stop after this many iterations even when not converged (the result then says `converged: false`). */
  readonly maxIterations: number;
  /** Converged when no parameter (λ, any m, any u) moves by more than this in one iteration. */
  readonly tolerance: number;
  /**
   * Comparisons held out of this session (Splink's training sessions): their m and u are returned unchanged
   * and they are left out of the E step. Within a session blocked on a comparison's columns that comparison
   * agrees in every pair, so its evidence would only be confounded with λ.
   */
  readonly fixedComparisons?: readonly boolean[];
  /**
   * Comparisons whose m and u are kept (for example m from labelled pairs) but still count as evidence in the
   * E step.
   */
  readonly frozenComparisons?: readonly boolean[];
  /** Re-estimate u too (default false: u from random sampling is usually better than u from EM). */
  readonly estimateU?: boolean;
  /** Re-estimate λ (default true). */
  readonly estimatePrior?: boolean;
  /** After each M step keep the Bayes factor m/u non-decreasing in the level (see monotoneLikelihoodRatio). Default false. */
  readonly monotonic?: boolean;
  /** Called after each iteration with its 1-based number and the largest parameter change. */
  readonly onIteration?: (iteration: number, maxChange: number) => void;
}

export interface EmResult {
  readonly parameters: ModelParameters;
  readonly converged: boolean;
  readonly iterations: number;
  /** Log-likelihood (natural log) of the pattern counts under the returned parameters. */
  readonly logLikelihood: number;
  /**
   * Pairs at each level of each comparison (nulls excluded), whatever their class: a level with 0 was never
   * observed, so its m only reflects the floor (see combineTrainingSessions).
   */
  readonly pairsAtLevel: readonly (readonly number[])[];
  readonly warnings: EstimationWarning[];
}

/** Flat working copy of the parameters: level `l` of comparison `c` sits at `offsets[c] + l`. */
interface FlatParameters {
  prior: number;
  readonly m: Float64Array;
  readonly u: Float64Array;
}

interface Layout {
  readonly comparisonCount: number;
  readonly levelCounts: readonly number[];
  readonly offsets: Int32Array;
  readonly totalLevels: number;
  /** 1 when the comparison takes part in the E step. */
  readonly active: Uint8Array;
  /** 1 when the comparison's m (and u, if estimated) are re-estimated. */
  readonly updated: Uint8Array;
}

/** Expected counts of the E step: pairs (weighted by posterior) per level, by class. */
interface ExpectedCounts {
  readonly matchesAtLevel: Float64Array;
  readonly nonMatchesAtLevel: Float64Array;
  matches: number;
  pairs: number;
  logLikelihood: number;
}

/**
 * Fits λ, m and (optionally) u to pattern counts by expectation–maximisation, starting from `initial`.
 * Works in log space (sums of logs, log-sum-exp for the posterior) so thousands of comparisons or extreme
 * probabilities cannot underflow. A null level leaves its comparison out of both the numerator and the
 * denominator of that comparison's update (missing at random). Never throws for non-convergence: the
 * result says `converged: false` and carries an `EM_NOT_CONVERGED` warning.
 */
export function runExpectationMaximisation(
  patterns: PatternCounts,
  initial: ModelParameters,
  options: ExpectationMaximisationOptions,
): EmResult {
  const layout = checkAndLayOut(patterns, initial, options);
  const warnings: EstimationWarning[] = [];
  const estimateU = options.estimateU ?? false;
  const estimatePrior = options.estimatePrior ?? true;
  const current = flatten(initial, layout);
  const pairsAtLevel = countPairsAtLevel(patterns, layout);
  warnUnobservedLevels(pairsAtLevel, initial, layout, warnings);

  let converged = false;
  let iterations = 0;
  let lastChange = Number.POSITIVE_INFINITY;
  while (iterations < options.maxIterations) {
    const expected = expectationStep(patterns, current, layout);
    const previous = { prior: current.prior, m: current.m.slice(), u: current.u.slice() };
    maximisationStep(expected, current, layout, {
      estimateU,
      estimatePrior,
      monotonic: options.monotonic ?? false,
    });
    iterations++;
    lastChange = largestChange(previous, current);
    options.onIteration?.(iterations, lastChange);
    if (lastChange < options.tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    warnings.push({
      code: "EM_NOT_CONVERGED",
      message: `EM stopped after ${iterations} iterations without converging (last largest change ${lastChange}, tolerance ${options.tolerance}).`,
    });
  }
  if (
    estimatePrior &&
    (current.prior <= 10 * PROBABILITY_FLOOR || current.prior >= 1 - 10 * PROBABILITY_FLOOR)
  ) {
    warnings.push({
      code: "EM_PRIOR_DEGENERATE",
      message: `EM drove λ to ${current.prior}: the pairs look like ${current.prior < 0.5 ? "no" : "only"} matches.`,
    });
  }
  const finalExpected = expectationStep(patterns, current, layout);
  return {
    parameters: unflatten(initial, current, layout, estimateU),
    converged,
    iterations,
    logLikelihood: finalExpected.logLikelihood,
    pairsAtLevel: initial.comparisons.map((_, index) => {
      const start = layout.offsets[index]!;
      return Array.from(pairsAtLevel.subarray(start, start + layout.levelCounts[index]!));
    }),
    warnings,
  };
}

function checkAndLayOut(
  patterns: PatternCounts,
  initial: ModelParameters,
  options: ExpectationMaximisationOptions,
): Layout {
  const comparisonCount = patterns.levelCounts.length;
  if (initial.comparisons.length !== comparisonCount) {
    throw new EstimationError(
      "EM_SHAPE_MISMATCH",
      `the pattern counts have ${comparisonCount} comparisons but the starting parameters have ${initial.comparisons.length}.`,
      { hint: "Build the starting parameters from the same compiled comparisons as the pattern counts." },
    );
  }
  const offsets = new Int32Array(comparisonCount);
  let totalLevels = 0;
  initial.comparisons.forEach((comparison, index) => {
    const levelCount = patterns.levelCounts[index]!;
    if (comparison.m.length !== levelCount || comparison.u.length !== levelCount) {
      throw new EstimationError(
        "EM_SHAPE_MISMATCH",
        `comparison "${comparison.name}" has ${levelCount} levels in the pattern counts but ${comparison.m.length} m and ${comparison.u.length} u values.`,
        { jsonPath: `$.comparisons[${index}]` },
      );
    }
    offsets[index] = totalLevels;
    totalLevels += levelCount;
  });
  if (!(initial.priorMatchProbability > 0 && initial.priorMatchProbability < 1)) {
    throw new EstimationError(
      "EM_START_INVALID",
      `the starting λ must be strictly between 0 and 1, got ${initial.priorMatchProbability}.`,
      { hint: "Start λ from the spec, from deterministic rules, or from a small value such as 0.01." },
    );
  }
  for (const [name, mask] of [
    ["fixedComparisons", options.fixedComparisons],
    ["frozenComparisons", options.frozenComparisons],
  ] as const) {
    if (mask !== undefined && mask.length !== comparisonCount) {
      throw new EstimationError(
        "EM_SHAPE_MISMATCH",
        `${name} has ${mask.length} entries for ${comparisonCount} comparisons.`,
      );
    }
  }
  if (!(options.tolerance >= 0) || !(options.maxIterations >= 0)) {
    throw new EstimationError(
      "EM_OPTIONS_INVALID",
      `maxIterations and tolerance must be ≥ 0, got ${options.maxIterations} and ${options.tolerance}.`,
    );
  }
  let pairs = 0;
  for (let pattern = 0; pattern < patterns.patternCount; pattern++) {
    const count = patterns.counts[pattern]!;
    if (!(count >= 0)) {
      throw new EstimationError(
        "EM_COUNT_INVALID",
        `pattern ${pattern} has count ${count}; counts must be ≥ 0.`,
      );
    }
    pairs += count;
    for (let comparison = 0; comparison < comparisonCount; comparison++) {
      const level = patterns.patterns[pattern * comparisonCount + comparison]!;
      if (level < -1 || level >= patterns.levelCounts[comparison]!) {
        throw new EstimationError(
          "EM_LEVEL_OUT_OF_RANGE",
          `pattern ${pattern} has level ${level} for comparison "${patterns.comparisonNames[comparison]}", which has ${patterns.levelCounts[comparison]} levels.`,
        );
      }
    }
  }
  if (pairs === 0) {
    throw new EstimationError("EM_NO_PAIRS", "there are no pairs to train on.", {
      hint: "Check that the training blocking rule produces candidate pairs.",
    });
  }
  const active = new Uint8Array(comparisonCount);
  const updated = new Uint8Array(comparisonCount);
  for (let comparison = 0; comparison < comparisonCount; comparison++) {
    const fixed = options.fixedComparisons?.[comparison] ?? false;
    const frozen = options.frozenComparisons?.[comparison] ?? false;
    active[comparison] = fixed ? 0 : 1;
    updated[comparison] = fixed || frozen ? 0 : 1;
  }
  return { comparisonCount, levelCounts: patterns.levelCounts, offsets, totalLevels, active, updated };
}

function flatten(initial: ModelParameters, layout: Layout): FlatParameters {
  const m = new Float64Array(layout.totalLevels);
  const u = new Float64Array(layout.totalLevels);
  initial.comparisons.forEach((comparison, index) => {
    // Updated comparisons start from floored values so that no log is -Infinity; kept ones stay as given.
    const keep = layout.updated[index] === 0;
    const startM = keep ? [...comparison.m] : floorAndNormalise([...comparison.m]);
    const startU = keep ? [...comparison.u] : floorAndNormalise([...comparison.u]);
    m.set(startM, layout.offsets[index]!);
    u.set(startU, layout.offsets[index]!);
  });
  return { prior: initial.priorMatchProbability, m, u };
}

function unflatten(
  initial: ModelParameters,
  current: FlatParameters,
  layout: Layout,
  estimateU: boolean,
): ModelParameters {
  const comparisons: ComparisonParameters[] = initial.comparisons.map((comparison, index) => {
    if (layout.updated[index] === 0) return comparison;
    const start = layout.offsets[index]!;
    const end = start + layout.levelCounts[index]!;
    return {
      name: comparison.name,
      levelLabels: comparison.levelLabels,
      m: Array.from(current.m.subarray(start, end)),
      // u not estimated is returned exactly as given (the working copy was only floored for the logs).
      u: estimateU ? Array.from(current.u.subarray(start, end)) : [...comparison.u],
    };
  });
  return { priorMatchProbability: current.prior, comparisons };
}

/** Posterior match probability of every pattern, accumulated into expected counts per level. */
function expectationStep(patterns: PatternCounts, current: FlatParameters, layout: Layout): ExpectedCounts {
  const { comparisonCount, offsets, active, updated } = layout;
  const logM = new Float64Array(layout.totalLevels);
  const logU = new Float64Array(layout.totalLevels);
  for (let index = 0; index < layout.totalLevels; index++) {
    logM[index] = Math.log(Math.max(current.m[index]!, PROBABILITY_FLOOR));
    logU[index] = Math.log(Math.max(current.u[index]!, PROBABILITY_FLOOR));
  }
  const logPrior = Math.log(current.prior);
  const logNonPrior = Math.log1p(-current.prior);
  const expected: ExpectedCounts = {
    matchesAtLevel: new Float64Array(layout.totalLevels),
    nonMatchesAtLevel: new Float64Array(layout.totalLevels),
    matches: 0,
    pairs: 0,
    logLikelihood: 0,
  };
  const { patterns: levels, counts } = patterns;
  for (let pattern = 0; pattern < patterns.patternCount; pattern++) {
    const count = counts[pattern]!;
    if (count === 0) continue;
    const base = pattern * comparisonCount;
    let logMatch = logPrior;
    let logNonMatch = logNonPrior;
    for (let comparison = 0; comparison < comparisonCount; comparison++) {
      const level = levels[base + comparison]!;
      if (level < 0 || active[comparison] === 0) continue;
      logMatch += logM[offsets[comparison]! + level]!;
      logNonMatch += logU[offsets[comparison]! + level]!;
    }
    // log-sum-exp: the likelihood of the pattern without leaving log space.
    const largest = Math.max(logMatch, logNonMatch);
    const logTotal = largest + Math.log(Math.exp(logMatch - largest) + Math.exp(logNonMatch - largest));
    // Both posteriors from logs, so that 1 − posterior keeps its precision when the posterior is near 1.
    const matchShare = count * Math.exp(logMatch - logTotal);
    const nonMatchShare = count * Math.exp(logNonMatch - logTotal);
    expected.logLikelihood += count * logTotal;
    expected.matches += matchShare;
    expected.pairs += count;
    for (let comparison = 0; comparison < comparisonCount; comparison++) {
      const level = levels[base + comparison]!;
      if (level < 0 || updated[comparison] === 0) continue;
      expected.matchesAtLevel[offsets[comparison]! + level]! += matchShare;
      expected.nonMatchesAtLevel[offsets[comparison]! + level]! += nonMatchShare;
    }
  }
  return expected;
}

function maximisationStep(
  expected: ExpectedCounts,
  current: FlatParameters,
  layout: Layout,
  settings: { readonly estimateU: boolean; readonly estimatePrior: boolean; readonly monotonic: boolean },
): void {
  if (settings.estimatePrior) current.prior = clampProbability(expected.matches / expected.pairs);
  for (let comparison = 0; comparison < layout.comparisonCount; comparison++) {
    if (layout.updated[comparison] === 0) continue;
    const start = layout.offsets[comparison]!;
    const end = start + layout.levelCounts[comparison]!;
    if (settings.estimateU) {
      const u = proportions(expected.nonMatchesAtLevel.subarray(start, end));
      if (u !== undefined) current.u.set(floorAndNormalise(u), start);
    }
    const m = proportions(expected.matchesAtLevel.subarray(start, end));
    // All-null comparisons carry no information: they keep their values.
    if (m === undefined) continue;
    const u = Array.from(current.u.subarray(start, end));
    current.m.set(floorAndNormalise(settings.monotonic ? monotoneLikelihoodRatio(m, u) : m), start);
  }
}

/**
 * m adjusted so that the Bayes factor m/u never decreases with the level (a more similar level never weighs
 * less than a less similar one), u held as it is. For multinomial proportions under this likelihood-ratio
 * order, the maximum-likelihood m is the isotonic regression of the ratios m/u weighted by u, times u
 * (Robertson, Wright & Dykstra, Order Restricted Statistical Inference, 1988, §5.3); the weighted pooling
 * keeps Σ u·(m/u) = Σ m = 1. Only the order of the weights is constrained, not of m itself: m of "else" may
 * well exceed m of a partial level.
 */
export function monotoneLikelihoodRatio(m: readonly number[], u: readonly number[]): number[] {
  const ratios = m.map((value, level) => value / u[level]!);
  const pooled = poolAdjacentViolators(ratios, u);
  return pooled.map((ratio, level) => ratio * u[level]!);
}

/**
 * Expected counts turned into a distribution over levels, or undefined when there are none. Unit weights in
 * the pool-adjacent-violators step are deliberate: for multinomial proportions under an order constraint, the
 * maximum-likelihood solution pools violating levels to their mean proportion (which keeps the sum at 1).
 */
function proportions(expectedAtLevel: Float64Array): number[] | undefined {
  let total = 0;
  for (const value of expectedAtLevel) total += value;
  if (!(total > 0)) return undefined;
  return Array.from(expectedAtLevel, (value) => value / total);
}

function largestChange(previous: FlatParameters, current: FlatParameters): number {
  let change = Math.abs(previous.prior - current.prior);
  for (let index = 0; index < current.m.length; index++) {
    change = Math.max(change, Math.abs(previous.m[index]! - current.m[index]!));
    change = Math.max(change, Math.abs(previous.u[index]! - current.u[index]!));
  }
  return change;
}

/** Pairs at each level (flat layout), nulls excluded. */
function countPairsAtLevel(patterns: PatternCounts, layout: Layout): Float64Array {
  const pairsAtLevel = new Float64Array(layout.totalLevels);
  for (let pattern = 0; pattern < patterns.patternCount; pattern++) {
    for (let comparison = 0; comparison < layout.comparisonCount; comparison++) {
      const level = patterns.patterns[pattern * layout.comparisonCount + comparison]!;
      if (level >= 0) pairsAtLevel[layout.offsets[comparison]! + level]! += patterns.counts[pattern]!;
    }
  }
  return pairsAtLevel;
}

/** Levels (and whole comparisons) that no training pair shows cannot be estimated: say so up front. */
function warnUnobservedLevels(
  pairsAtLevel: Float64Array,
  initial: ModelParameters,
  layout: Layout,
  warnings: EstimationWarning[],
): void {
  initial.comparisons.forEach((comparison, index) => {
    if (layout.updated[index] === 0) return;
    const start = layout.offsets[index]!;
    const levelCount = layout.levelCounts[index]!;
    const seen = pairsAtLevel.subarray(start, start + levelCount);
    if (seen.every((count) => count === 0)) {
      warnings.push({
        code: "EM_COMPARISON_ALL_NULL",
        message: `comparison "${comparison.name}" is null in every training pair; it keeps its starting m and u.`,
        comparison: comparison.name,
      });
      return;
    }
    seen.forEach((count, level) => {
      if (count > 0) return;
      warnings.push({
        code: "EM_LEVEL_UNOBSERVED",
        message: `level ${level} ("${comparison.levelLabels[level] ?? level}") of comparison "${comparison.name}" occurs in no training pair; its m is set near ${PROBABILITY_FLOOR}.`,
        comparison: comparison.name,
      });
    });
  });
}
