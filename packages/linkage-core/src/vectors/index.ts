// Public API of comparison vectors and agreement-pattern counts.
export {
  type ComputeComparisonVectorsOptions,
  computeComparisonVectors,
  type PairRows,
} from "./compute-comparison-vectors.js";
export { type AgreementPatterns, countAgreementPatterns } from "./count-agreement-patterns.js";
export { type CandidatePairs, type ComparisonVectors, NULL_LEVEL, type PatternCounts } from "./types.js";
