// Public API of pair comparers: the executor interface of the hot path and its in-process implementation
// (the worker-thread one lives in linkage-core/node).
export { compareAhead } from "./compare-ahead.js";
export { createInProcessComparer } from "./in-process-comparer.js";
export type {
  CompareOptions,
  PairComparer,
  PendingComparison,
  ScoredVectors,
  ScoringModel,
  TermFrequencyTerm,
} from "./pair-comparer.js";
export { scoreLevels } from "./score-levels.js";
