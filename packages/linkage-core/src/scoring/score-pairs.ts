// Scores every candidate pair: a weight looked up per pattern (or level), plus term-frequency terms where needed.
import { ModelError } from "../errors.js";
import type { ModelParameters } from "../estimation/types.js";
import type { ComparisonVectors, PatternCounts } from "../vectors/types.js";
import {
  matchProbabilityFromWeight,
  partialMatchWeights,
  patternMatchWeights,
  priorMatchWeight,
} from "./match-weights.js";

/** Term-frequency adjustment of one comparison level, with the frequency of each row's key. */
export interface TermFrequencyAdjustmentInput {
  readonly comparisonIndex: number;
  /** The level adjusted (normally the exact-match level). */
  readonly level: number;
  /** Share of Splink's full adjustment to apply, in [0, 1]. */
  readonly weight: number;
  /** Key of each row (NULL_CODE for null), as CompiledComparison.rowKeys. */
  readonly rowKeys: Int32Array;
  /** Relative frequency of each key (termFrequencies or termFrequenciesFromTable). */
  readonly frequencies: Float64Array;
  /** Level of this comparison for each pair; read from the vectors or the patterns when absent. */
  readonly levels?: Int8Array;
}

/** Where each pair's levels come from: full comparison vectors, or each pair's pattern index. */
export type PairLevelSource =
  | { readonly vectors: ComparisonVectors; readonly patternOfPair?: undefined; readonly patterns?: undefined }
  | { readonly vectors?: undefined; readonly patternOfPair: Int32Array; readonly patterns: PatternCounts };

export type ScorePairsInput = PairLevelSource & {
  readonly parameters: ModelParameters;
  readonly termFrequencyAdjustments?: readonly TermFrequencyAdjustmentInput[];
  /** Row of the first and second record of each pair (for term frequencies). */
  readonly left: Int32Array;
  readonly right: Int32Array;
};

export interface PairScores {
  /** log2 posterior odds of a match, per pair. */
  readonly matchWeight: Float64Array;
  /** Posterior match probability, per pair. */
  readonly matchProbability: Float64Array;
}

/**
 * Match weight and probability of every pair. With patterns, each pair's weight is one lookup into the
 * weights of the distinct patterns; with vectors, one lookup per comparison. Term-frequency terms are then
 * added only to the pairs at an adjusted level. No per-pair objects.
 */
export function scorePairs(input: ScorePairsInput): PairScores {
  const pairCount = checkScoreInput(input);
  const adjustments = input.termFrequencyAdjustments ?? [];
  if (input.vectors === undefined && adjustments.length === 0) return scoreByPattern(input, pairCount);
  const matchWeight = baseWeights(input, pairCount);
  for (const adjustment of adjustments) addTermFrequencyWeights(matchWeight, input, adjustment);
  const matchProbability = new Float64Array(pairCount);
  for (let pair = 0; pair < pairCount; pair++)
    matchProbability[pair] = matchProbabilityFromWeight(matchWeight[pair]!);
  return { matchWeight, matchProbability };
}

/** Without term frequencies every pair of a pattern has the same weight and probability: two lookups. */
function scoreByPattern(
  input: ScorePairsInput & { readonly patterns: PatternCounts },
  pairCount: number,
): PairScores {
  const weightOfPattern = patternMatchWeights(input.patterns, input.parameters);
  const probabilityOfPattern = weightOfPattern.map(matchProbabilityFromWeight);
  const patternOfPair = input.patternOfPair!;
  const matchWeight = new Float64Array(pairCount);
  const matchProbability = new Float64Array(pairCount);
  for (let pair = 0; pair < pairCount; pair++) {
    const pattern = patternOfPair[pair]!;
    matchWeight[pair] = weightOfPattern[pattern]!;
    matchProbability[pair] = probabilityOfPattern[pattern]!;
  }
  return { matchWeight, matchProbability };
}

function baseWeights(input: ScorePairsInput, pairCount: number): Float64Array {
  const weights = new Float64Array(pairCount);
  if (input.vectors === undefined) {
    const byPattern = patternMatchWeights(input.patterns, input.parameters);
    const patternOfPair = input.patternOfPair;
    for (let pair = 0; pair < pairCount; pair++) weights[pair] = byPattern[patternOfPair[pair]!]!;
    return weights;
  }
  weights.fill(priorMatchWeight(input.parameters.priorMatchProbability));
  const partial = partialMatchWeights(input.parameters);
  // Comparison by comparison: each pass reads one contiguous level column.
  input.vectors.levels.forEach((levels, comparison) => {
    const levelWeights = Float64Array.from(partial[comparison]!);
    for (let pair = 0; pair < pairCount; pair++) {
      const level = levels[pair]!;
      if (level >= 0) weights[pair]! += levelWeights[level]!;
    }
  });
  return weights;
}

function addTermFrequencyWeights(
  weights: Float64Array,
  input: ScorePairsInput,
  adjustment: TermFrequencyAdjustmentInput,
): void {
  const { level, weight, rowKeys, frequencies } = adjustment;
  const log2LevelU = Math.log2(input.parameters.comparisons[adjustment.comparisonIndex]!.u[level]!);
  // log2 of each key's frequency once, so the pair loop does no logarithms: max of logs = log of max.
  const log2Frequency = new Float64Array(frequencies.length);
  for (let key = 0; key < frequencies.length; key++) log2Frequency[key] = Math.log2(frequencies[key]!);
  const { left, right } = input;
  const addOne = (pair: number) => {
    const keyA = rowKeys[left[pair]!]!;
    const keyB = rowKeys[right[pair]!]!;
    if (keyA < 0 || keyB < 0) return;
    const log2Larger = Math.max(log2Frequency[keyA]!, log2Frequency[keyB]!);
    // A key of unknown (zero) frequency gets no adjustment rather than an infinite one.
    if (log2Larger !== Number.NEGATIVE_INFINITY) weights[pair]! += weight * (log2LevelU - log2Larger);
  };
  const levels = adjustment.levels ?? input.vectors?.levels[adjustment.comparisonIndex];
  if (levels !== undefined) {
    for (let pair = 0; pair < weights.length; pair++) if (levels[pair] === level) addOne(pair);
    return;
  }
  // From patterns: is each pattern at the adjusted level? Then one lookup per pair.
  const { patterns, patternOfPair } = input as { patterns: PatternCounts; patternOfPair: Int32Array };
  const comparisonCount = patterns.levelCounts.length;
  const atLevel = new Uint8Array(patterns.patternCount);
  for (let pattern = 0; pattern < patterns.patternCount; pattern++) {
    atLevel[pattern] =
      patterns.patterns[pattern * comparisonCount + adjustment.comparisonIndex] === level ? 1 : 0;
  }
  for (let pair = 0; pair < weights.length; pair++) if (atLevel[patternOfPair[pair]!] === 1) addOne(pair);
}

/** Reads the level of the adjusted comparison for a pair, from wherever the input holds it. */
export function pairLevelReader(
  input: PairLevelSource,
  adjustment: Pick<TermFrequencyAdjustmentInput, "comparisonIndex" | "levels">,
): (pair: number) => number {
  if (adjustment.levels !== undefined) {
    const levels = adjustment.levels;
    return (pair) => levels[pair]!;
  }
  if (input.vectors !== undefined) {
    const levels = input.vectors.levels[adjustment.comparisonIndex]!;
    return (pair) => levels[pair]!;
  }
  const { patterns, patternOfPair } = input;
  const comparisonCount = patterns.levelCounts.length;
  const comparison = adjustment.comparisonIndex;
  return (pair) => patterns.patterns[patternOfPair[pair]! * comparisonCount + comparison]!;
}

/** Checks that every array agrees on the number of pairs and comparisons; returns the pair count. */
export function checkScoreInput(input: ScorePairsInput): number {
  const pairCount = input.vectors !== undefined ? input.vectors.pairCount : input.patternOfPair.length;
  const comparisonCount =
    input.vectors !== undefined ? input.vectors.levelCounts.length : input.patterns.levelCounts.length;
  if (comparisonCount !== input.parameters.comparisons.length) {
    throw new ModelError(
      "MODEL_DATA_MISMATCH",
      `the pairs were compared on ${comparisonCount} comparisons but the model has ${input.parameters.comparisons.length}.`,
      { hint: "Score with the model trained on the same comparisons as the vectors." },
    );
  }
  if (input.left.length !== pairCount || input.right.length !== pairCount) {
    throw new ModelError(
      "SCORE_INPUT_MISMATCH",
      `${pairCount} pairs to score but ${input.left.length} left and ${input.right.length} right rows.`,
    );
  }
  for (const adjustment of input.termFrequencyAdjustments ?? []) {
    const comparison = input.parameters.comparisons[adjustment.comparisonIndex];
    if (comparison === undefined || adjustment.level < 0 || adjustment.level >= comparison.u.length) {
      throw new ModelError(
        "SCORE_INPUT_MISMATCH",
        `term-frequency adjustment for comparison ${adjustment.comparisonIndex}, level ${adjustment.level} does not exist in the model.`,
      );
    }
    if (adjustment.levels !== undefined && adjustment.levels.length !== pairCount) {
      throw new ModelError(
        "SCORE_INPUT_MISMATCH",
        `term-frequency levels cover ${adjustment.levels.length} pairs, not ${pairCount}.`,
      );
    }
  }
  return pairCount;
}
