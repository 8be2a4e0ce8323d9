// Match weights of pairs from their levels, the way every comparer computes them, so that a pair's score never
// depends on which pairs it was scored with.
import type { CompiledComparison } from "../comparisons/compile-comparisons.js";
import { scorePairs } from "../scoring/score-pairs.js";
import { countAgreementPatterns } from "../vectors/count-agreement-patterns.js";
import type { ComparisonVectors } from "../vectors/types.js";
import type { ScoringModel } from "./pair-comparer.js";

/**
 * Scores pairs `start … start + vectors.pairCount − 1` of `left`/`right` from their levels: each pattern's
 * weight once (prior plus partial weights, in comparison order), then the term-frequency terms in model order.
 * A pattern's weight is the same sum whichever pairs share it, so splitting the pairs never changes a score.
 */
export function scoreLevels(
  comparisons: readonly CompiledComparison[],
  vectors: ComparisonVectors,
  left: Int32Array,
  right: Int32Array,
  start: number,
  model: ScoringModel,
): { matchWeight: Float64Array; matchProbability: Float64Array } {
  const end = start + vectors.pairCount;
  const patterns = countAgreementPatterns(vectors);
  return scorePairs({
    patterns,
    patternOfPair: patterns.patternOfPair,
    parameters: model.parameters,
    termFrequencyAdjustments: model.termFrequencies.map((term) => ({
      ...term,
      rowKeys: comparisons[term.comparisonIndex]!.rowKeys,
    })),
    left: left.subarray(start, end),
    right: right.subarray(start, end),
  });
}
