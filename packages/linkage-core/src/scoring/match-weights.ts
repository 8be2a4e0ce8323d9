// Fellegi–Sunter weights in bits: partial weights log2(m/u), the prior weight, and weight ↔ probability.
import type { ModelParameters } from "../estimation/types.js";
import type { PatternCounts } from "../vectors/types.js";

/** log2(m/u): the evidence (in bits) a level with these m and u brings for a match. */
export function partialMatchWeight(m: number, u: number): number {
  return Math.log2(m) - Math.log2(u);
}

/** {@link partialMatchWeight} of every level of every comparison. */
export function partialMatchWeights(parameters: ModelParameters): number[][] {
  return parameters.comparisons.map((comparison) =>
    comparison.m.map((m, level) => partialMatchWeight(m, comparison.u[level]!)),
  );
}

/** log2(λ/(1−λ)): the match weight of a pair before any comparison is looked at (the prior's odds in bits). */
export function priorMatchWeight(priorMatchProbability: number): number {
  return weightFromMatchProbability(priorMatchProbability);
}

/** Match weight of every distinct pattern: prior weight plus the partial weight of each non-null level. */
export function patternMatchWeights(patterns: PatternCounts, parameters: ModelParameters): Float64Array {
  const partial = partialMatchWeights(parameters);
  const prior = priorMatchWeight(parameters.priorMatchProbability);
  const comparisonCount = patterns.levelCounts.length;
  const weights = new Float64Array(patterns.patternCount);
  for (let pattern = 0; pattern < patterns.patternCount; pattern++) {
    let weight = prior;
    for (let comparison = 0; comparison < comparisonCount; comparison++) {
      const level = patterns.patterns[pattern * comparisonCount + comparison]!;
      // A null level says nothing either way (missing at random): weight 0.
      if (level >= 0) weight += partial[comparison]![level]!;
    }
    weights[pattern] = weight;
  }
  return weights;
}

/**
 * Probability 2^w / (1 + 2^w), computed from whichever side keeps precision: for very negative weights
 * 2^w is tiny but exact, for very positive ones 2^-w is; neither branch overflows to NaN. exp(w·ln 2) is
 * used rather than 2 ** w, which is several times slower in V8 and this runs once per pair.
 */
export function matchProbabilityFromWeight(matchWeight: number): number {
  if (matchWeight >= 0) return 1 / (1 + Math.exp(-matchWeight * Math.LN2));
  const odds = Math.exp(matchWeight * Math.LN2);
  return odds / (1 + odds);
}

/** Inverse of matchProbabilityFromWeight: log2(p/(1−p)); −Infinity at 0 and +Infinity at 1. */
export function weightFromMatchProbability(matchProbability: number): number {
  return Math.log2(matchProbability) - Math.log2(1 - matchProbability);
}
