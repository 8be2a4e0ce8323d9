// Compiles comparison specs against a dataset into evaluators over row keys, each distinct key pair's
// level computed once and cached (fastLink's "compare distinct values, not records").
import { type Dataset, type EncodedColumn, NULL_CODE } from "../data/dataset.js";
import { SpecError, type SpecIssue } from "../errors.js";
import type { PhoneticEncoder } from "../french/phonetics.js";
import { phoneticCode } from "../french/phonetics.js";
import { NULL_LEVEL } from "../vectors/types.js";
import { ColumnValues } from "./column-values.js";
import { buildComparisonKeys, type ComparisonKeys, type NullKeyRule } from "./comparison-keys.js";
import { assignLevelIndices, countNonNullLevels } from "./level-indices.js";
import { levelLabel } from "./level-labels.js";
import { compileLevelPredicate, type KeyPredicate, type LevelContext } from "./level-predicates.js";
import {
  MISSING_LEVEL,
  PairLevelCache,
  type PairLevelCacheMode,
  type PairLevelCacheOptions,
} from "./pair-level-cache.js";
import { didYouMean } from "./suggest-name.js";
import type { ComparisonSpec, ComparisonValues, CustomLevelPredicate, LevelKind } from "./types.js";
import { validateComparison } from "./validate-comparison.js";

export interface CompiledComparison {
  readonly name: string;
  readonly spec: ComparisonSpec;
  /** Number of non-null levels (levels are 0 … levelCount-1, 0 = else). */
  readonly levelCount: number;
  /** Label of each level, indexed by level (0 = else). */
  readonly levelLabels: readonly string[];
  /** Per row of the dataset: the key of the tuple of the comparison's values; -1 when the row alone makes the pair null. */
  readonly rowKeys: Int32Array;
  readonly keyCount: number;
  /** How distinct key pairs are cached: a dense table, a hash table for many keys, or not at all. */
  readonly cacheMode: PairLevelCacheMode;
  /** Level for two rows' keys; computed once per distinct (unordered) key pair and cached. */
  levelOfKeys(keyA: number, keyB: number): number;
  /** The same level computed afresh, bypassing the cache (for checks and explanations). */
  levelOfKeysUncached(keyA: number, keyB: number): number;
  /**
   * The hot loop: `out[p - outOffset]` = level of the pair of rows (`left[p]`, `right[p]`) for p in [from, to),
   * the same as levelOfKeys on their row keys.
   */
  fillLevels(
    left: Int32Array,
    right: Int32Array,
    from: number,
    to: number,
    out: Int8Array,
    outOffset: number,
  ): void;
  /** The exact level carrying term-frequency adjustment, its weight, and the column whose value frequencies apply. */
  readonly termFrequency?: { readonly level: number; readonly weight: number; readonly column: string };
}

export interface CompileComparisonsOptions {
  /** Predicates of `custom` levels, by name. */
  readonly customLevels?: Readonly<Record<string, CustomLevelPredicate>>;
  /** Phonetic encoder of `phonetic` levels (default: the library's `phoneticCode`). */
  readonly phoneticEncoder?: PhoneticEncoder;
  /** Sizing of each comparison's pair cache (an explicit `maxDenseEntries` overrides the shared budget). */
  readonly cache?: PairLevelCacheOptions & {
    /**
     * Bytes shared by the dense caches of all comparisons (default 1 GiB): comparisons with the fewest keys
     * get a dense table (keyCount² bytes, at most 2^28 each) while the budget lasts; the others hash. Pages
     * are only committed once written, so actual use is often far lower.
     */
    readonly maxDenseBytes?: number;
  };
}

const DEFAULT_DENSE_BUDGET_BYTES = 2 ** 30;
const MAX_DENSE_TABLE_BYTES = 2 ** 28;

/**
 * Levels worth a hash-table lookup: string comparators and custom predicates cost more than a cache miss;
 * the others are a few arithmetic operations on per-value data computed at compile time.
 */
const costlyLevelKinds: Record<LevelKind, boolean> = {
  null: false,
  exact: false,
  similarity: true,
  editDistance: true,
  numericDifference: false,
  dateDifference: false,
  dayMonthSwap: false,
  phonetic: false,
  columnsReversed: false,
  distanceKm: false,
  literal: false,
  custom: true,
  // Name variants and phonetic codes cost more than a cache miss; dates, communes and PMSI codes are read from
  // per-value data computed once; two lists of stays rarely meet twice, so caching them only costs.
  frenchName: true,
  partialDate: false,
  deathDate: false,
  commune: false,
  pmsiGeography: false,
  hospitalStays: false,
  missingValues: false,
  else: false,
};

/**
 * Validates `specs` against the dataset (reporting every problem at once in one SpecError, with JSON paths
 * `$.comparisons[i]…`) and compiles each into key-based evaluators. Per-value work (parsing, flattening,
 * phonetic codes) is done once here, shared between comparisons reading the same column.
 */
export function compileComparisons(
  specs: readonly ComparisonSpec[],
  dataset: Dataset,
  options: CompileComparisonsOptions = {},
): CompiledComparison[] {
  const customLevels = options.customLevels ?? {};
  const issues = compileIssues(specs, dataset, customLevels);
  if (issues.length > 0) throw new SpecError(issues);
  const values = new ColumnValues(options.phoneticEncoder ?? phoneticCode);
  const keyed = specs.map((spec) => ({ spec, ...keysOf(spec, dataset) }));
  const denseLimits = denseEntryLimits(
    keyed.map(({ keys }) => keys.keyCount),
    options.cache?.maxDenseBytes ?? DEFAULT_DENSE_BUDGET_BYTES,
  );
  return keyed.map(({ spec, keys, nullKeyRule }, index) =>
    compileComparison(spec, keys, nullKeyRule, dataset, values, customLevels, {
      maxDenseEntries: denseLimits[index],
      allowHashing: spec.levels.some((level) => costlyLevelKinds[level.kind]),
      ...options.cache,
    }),
  );
}

/** Dense-table limits: the comparisons with the fewest keys are served first from the shared budget. */
function denseEntryLimits(keyCounts: readonly number[], budgetBytes: number): number[] {
  const limits = keyCounts.map(() => 0);
  let remaining = budgetBytes;
  const order = keyCounts.map((_, index) => index).sort((a, b) => keyCounts[a] - keyCounts[b]);
  for (const index of order) {
    const bytes = keyCounts[index] * keyCounts[index];
    if (bytes > MAX_DENSE_TABLE_BYTES || bytes > remaining) continue;
    limits[index] = bytes;
    remaining -= bytes;
  }
  return limits;
}

function keysOf(spec: ComparisonSpec, dataset: Dataset): { keys: ComparisonKeys; nullKeyRule: NullKeyRule } {
  const columns = spec.columns.map((name) => dataset.columns.get(name) as EncodedColumn);
  const first = spec.levels[0];
  const nullLevel = first.kind === "null" ? first : undefined;
  const nullKeyRule: NullKeyRule =
    nullLevel === undefined
      ? "never"
      : nullLevel.columnsMissing === "all"
        ? "allColumnsNull"
        : "anyColumnNull";
  return { keys: buildComparisonKeys(columns, nullKeyRule), nullKeyRule };
}

function compileIssues(
  specs: readonly ComparisonSpec[],
  dataset: Dataset,
  customLevels: Readonly<Record<string, CustomLevelPredicate>>,
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const firstWithName = new Map<string, number>();
  const available = [...dataset.columns.keys()];
  specs.forEach((spec, index) => {
    const path = `$.comparisons[${index}]`;
    const own = validateComparison(spec, path);
    issues.push(...own);
    if (own.length > 0) return;
    const earlier = firstWithName.get(spec.name);
    if (earlier !== undefined) {
      issues.push({
        jsonPath: `${path}.name`,
        message: `comparison name "${spec.name}" is already used by comparisons[${earlier}]: give each comparison a unique name.`,
      });
    } else firstWithName.set(spec.name, index);
    spec.columns.forEach((column, columnIndex) => {
      if (!dataset.columns.has(column)) {
        issues.push({
          jsonPath: `${path}.columns[${columnIndex}]`,
          message: `column "${column}" is not in the data${didYouMean(column, available)}; available columns: ${available.join(", ")}.`,
        });
      }
    });
    spec.levels.forEach((level, levelIndex) => {
      if (level.kind === "custom" && !Object.hasOwn(customLevels, level.name)) {
        const registered = Object.keys(customLevels);
        issues.push({
          jsonPath: `${path}.levels[${levelIndex}].name`,
          message: `no custom level "${level.name}" is registered${didYouMean(level.name, registered)}: pass its predicate in the customLevels option (registered: ${registered.join(", ") || "none"}).`,
        });
      }
    });
  });
  return issues;
}

function compileComparison(
  spec: ComparisonSpec,
  keys: ComparisonKeys,
  nullKeyRule: NullKeyRule,
  dataset: Dataset,
  values: ColumnValues,
  customLevels: Readonly<Record<string, CustomLevelPredicate>>,
  cacheOptions: PairLevelCacheOptions,
): CompiledComparison {
  const columns = spec.columns.map((name) => dataset.columns.get(name) as EncodedColumn);
  const keyValues: (ComparisonValues | undefined)[] = [];
  const context: LevelContext = {
    columns,
    keyColumnCodes: keys.keyColumnCodes,
    columnIndex: (name) => spec.columns.indexOf(name),
    values,
    customLevel: (name) => customLevels[name],
    valuesOfKey: (key) => {
      let decoded = keyValues[key];
      if (decoded === undefined) {
        decoded = columns.map((column, index) => {
          const code = keys.keyColumnCodes[index][key];
          return code === NULL_CODE ? null : column.dictionary[code];
        });
        keyValues[key] = decoded;
      }
      return decoded;
    },
  };
  const indices = assignLevelIndices(spec.levels);
  const levelCount = countNonNullLevels(spec.levels);
  const levelLabels: string[] = new Array(levelCount);
  const predicates: KeyPredicate[] = [];
  const predicateLevels: number[] = [];
  spec.levels.forEach((level, position) => {
    if (indices[position] !== NULL_LEVEL) levelLabels[indices[position]] = levelLabel(level, spec);
    // With the "any column" rule every key holding a null is NULL_KEY, so the null level never needs testing.
    if (level.kind === "null" && nullKeyRule === "anyColumnNull") return;
    predicates.push(compileLevelPredicate(level, context));
    predicateLevels.push(indices[position]);
  });
  return new KeyedComparison(
    spec,
    levelCount,
    levelLabels,
    keys.rowKeys,
    keys.keyCount,
    predicates,
    Int8Array.from(predicateLevels),
    new PairLevelCache(keys.keyCount, cacheOptions),
    termFrequencyOf(spec, indices),
  );
}

class KeyedComparison implements CompiledComparison {
  readonly name: string;
  readonly cacheMode: PairLevelCacheMode;

  constructor(
    readonly spec: ComparisonSpec,
    readonly levelCount: number,
    readonly levelLabels: readonly string[],
    readonly rowKeys: Int32Array,
    readonly keyCount: number,
    private readonly predicates: readonly KeyPredicate[],
    private readonly predicateLevels: Int8Array,
    private readonly cache: PairLevelCache,
    readonly termFrequency: CompiledComparison["termFrequency"],
  ) {
    this.name = spec.name;
    this.cacheMode = cache.mode;
  }

  levelOfKeys(keyA: number, keyB: number): number {
    if (keyA < 0 || keyB < 0) return NULL_LEVEL;
    const cached = this.cache.get(keyA, keyB);
    if (cached !== MISSING_LEVEL) return cached;
    const level = this.levelOfKeysUncached(keyA, keyB);
    this.cache.set(keyA, keyB, level);
    return level;
  }

  fillLevels(
    left: Int32Array,
    right: Int32Array,
    from: number,
    to: number,
    out: Int8Array,
    outOffset: number,
  ): void {
    this.cache.fillLevels(this.rowKeys, left, right, from, to, out, outOffset, NULL_LEVEL, this.computeLevel);
  }

  // Bound once, so the cache's hot loop calls a stable function on misses.
  private readonly computeLevel = (keyA: number, keyB: number): number =>
    this.levelOfKeysUncached(keyA, keyB);

  levelOfKeysUncached(keyA: number, keyB: number): number {
    if (keyA < 0 || keyB < 0) return NULL_LEVEL;
    const predicates = this.predicates;
    // The else level is last and always holds, so the loop always returns.
    for (let index = 0; index < predicates.length; index++) {
      if (predicates[index](keyA, keyB)) return this.predicateLevels[index];
    }
    return 0;
  }
}

function termFrequencyOf(
  spec: ComparisonSpec,
  indices: readonly number[],
): CompiledComparison["termFrequency"] {
  const position = spec.levels.findIndex((level) => level.kind === "exact" && level.termFrequency === true);
  if (position < 0) return undefined;
  const level = spec.levels[position];
  if (level.kind !== "exact") return undefined;
  return {
    level: indices[position],
    weight: level.termFrequencyWeight ?? 1,
    column: level.column ?? level.columns?.[0] ?? spec.columns[0],
  };
}
