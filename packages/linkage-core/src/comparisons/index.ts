// Public API of comparisons: the spec types, the library of comparisons and templates, and compilation.

export { parseNumber } from "./column-values.js";
export {
  absoluteDifferenceAtThresholds,
  type ComparisonOptions,
  type DateDifferenceOptions,
  type DateDifferenceThreshold,
  damerauLevenshteinAtThresholds,
  dateDifferenceAtThresholds,
  defaultDateDifferenceThresholds,
  defaultDistanceKmThresholds,
  defaultEditDistanceThresholds,
  defaultJaroThresholds,
  defaultJaroWinklerThresholds,
  defaultQgramThresholds,
  diceAtThresholds,
  distanceKmAtThresholds,
  exactMatch,
  type ForenameSurnameOptions,
  forenameSurnameComparison,
  jaccardAtThresholds,
  jaroAtThresholds,
  jaroWinklerAtThresholds,
  levenshteinAtThresholds,
  type NameComparisonOptions,
  nameComparison,
  type QgramOptions,
  relativeDifferenceAtThresholds,
  type TermFrequencyOptions,
} from "./comparison-library.js";
export { comparisonSchema, levelSchema, MAX_LEVELS } from "./comparison-schema.js";
export {
  type ComparisonTemplate,
  type ComparisonTemplateName,
  checkComparisonTemplate,
  comparisonTemplateNames,
  comparisonTemplateSchema,
  expandComparisonTemplate,
} from "./comparison-templates.js";
export {
  type CompileComparisonsOptions,
  type CompiledComparison,
  compileComparisons,
} from "./compile-comparisons.js";
export { assignLevelIndices, countNonNullLevels } from "./level-indices.js";
export { levelLabel } from "./level-labels.js";
export {
  MAX_CACHED_KEYS,
  MISSING_LEVEL,
  PairLevelCache,
  type PairLevelCacheMode,
  type PairLevelCacheOptions,
} from "./pair-level-cache.js";
export type {
  ColumnsReversedLevel,
  ComparisonSpec,
  ComparisonValues,
  CustomLevel,
  CustomLevelPredicate,
  DateDifferenceLevel,
  DateUnit,
  DayMonthSwapLevel,
  DistanceKmLevel,
  EditDistanceComparator,
  EditDistanceLevel,
  ElseLevel,
  ExactLevel,
  LevelKind,
  LevelSpec,
  LiteralLevel,
  NullLevel,
  NumericDifferenceLevel,
  PhoneticLevel,
  SimilarityComparator,
  SimilarityLevel,
} from "./types.js";
export { comparisonSemanticIssues, validateComparison } from "./validate-comparison.js";
