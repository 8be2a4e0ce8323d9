// Public surface of blocking: keys, counts before generation, candidate pairs, random pairs and recall.
export {
  type BlockingKeyOptions,
  checkBlockingRules,
  computeBlockingKeys,
  isSetValuedRule,
  MAX_ADMISSION_WINDOW_DAYS,
  MAX_BLOCKING_RULES,
} from "./blocking-keys.js";
export { type BlockingRecall, blockingRecall } from "./blocking-recall.js";
export { blockingRuleName } from "./blocking-rule-name.js";
export {
  type CandidatePairChunk,
  type CandidatePairChunks,
  type CandidatePairSource,
  type ChunkedGenerateOptions,
  DEFAULT_CHUNK_PAIRS,
  generateCandidatePairChunks,
  planCandidatePairChunks,
} from "./candidate-pair-chunks.js";
export { ALL_PAIRS_RULE_NAME, cartesianPairs } from "./cartesian-pairs.js";
export {
  type BlockingCounts,
  type BlockingRuleCount,
  type CountOptions,
  countCandidatePairs,
} from "./count-candidate-pairs.js";
export { type GenerateOptions, generateCandidatePairs } from "./generate-candidate-pairs.js";
export { ruleCapturesPair } from "./rule-captures-pair.js";
export { type RandomPairs, sampleRandomPairs } from "./sample-random-pairs.js";
export type { BlockingProgress, BlockingProgressListener } from "./scan-rule-pairs.js";
export { TOO_MANY_PAIRS_CODE, TooManyPairsError } from "./too-many-pairs-error.js";
export type {
  BlockingKey,
  BlockingRuleSpec,
  KeyTransform,
  KeyTransformKind,
  SetKeyTransformKind,
  SingleKeyTransformKind,
} from "./types.js";
