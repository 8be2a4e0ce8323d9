// The comparer of the calling thread: computeComparisonVectors and scoreLevels, nothing shared, nothing to set up.
import type { CompiledComparison } from "../comparisons/compile-comparisons.js";
import { computeComparisonVectors, type PairRows } from "../vectors/compute-comparison-vectors.js";
import type { CompareOptions, PairComparer, PendingComparison, ScoringModel } from "./pair-comparer.js";
import { scoreLevels } from "./score-levels.js";

/** A comparer that works on the calling thread with the given compiled comparisons (and their caches). */
export function createInProcessComparer(comparisons: readonly CompiledComparison[]): PairComparer {
  const compare = (pairs: PairRows, options: CompareOptions = {}) =>
    computeComparisonVectors(comparisons, pairs, {
      ...(options.start === undefined ? {} : { start: options.start }),
      ...(options.end === undefined ? {} : { end: options.end }),
      ...(options.cache === undefined ? {} : { cache: options.cache }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  const compareAndScore = (pairs: PairRows, model: ScoringModel, options: CompareOptions = {}) => {
    const vectors = compare(pairs, options);
    const scores = scoreLevels(comparisons, vectors, pairs.left, pairs.right, options.start ?? 0, model);
    return { vectors, ...scores };
  };
  return {
    threads: 1,
    comparisonNames: comparisons.map((comparison) => comparison.name),
    compare,
    compareAndScore,
    // Nothing runs beside the caller: the work is done when started.
    beginCompare: (pairs, options) => done(compare(pairs, options)),
    beginCompareAndScore: (pairs, model, options) => done(compareAndScore(pairs, model, options)),
    close() {},
  };
}

function done<Result>(result: Result): PendingComparison<Result> {
  return { result: () => result };
}
