// Candidate pairs from several blocking rules: each pair once, owned by the first rule that captures it,
// in a deterministic order, and never more than maxPairs of them.
import type { Dataset } from "../data/dataset.js";
import { SpecError } from "../errors.js";
import type { LinkType } from "../spec/types.js";
import type { CandidatePairs } from "../vectors/types.js";
import {
  type BlockingKeyOptions,
  checkBlockingRules,
  encodeBlockingRule,
  isSetValuedRule,
} from "./blocking-keys.js";
import { blockingRuleName } from "./blocking-rule-name.js";
import { CandidatePairScanner } from "./candidate-pair-scanner.js";
import { type BlockingCounts, type CountOptions, countFromKeys } from "./count-candidate-pairs.js";
import type { DenseCodes } from "./dense-codes.js";
import { countPairsWithEqualKeys } from "./key-groups.js";
import { type EncodedRule, planPairsWithKeySets } from "./key-set-pairs.js";
import { PairBuffer } from "./pair-buffer.js";
import { type PairScope, resolvePairScope } from "./pair-scope.js";
import type { BlockingProgressListener } from "./scan-rule-pairs.js";
import { TooManyPairsError } from "./too-many-pairs-error.js";
import type { BlockingRuleSpec } from "./types.js";

export interface GenerateOptions extends BlockingKeyOptions {
  /** Ceiling: throws `BLOCKING_TOO_MANY_PAIRS` (TooManyPairsError) rather than produce more pairs than this. */
  readonly maxPairs: number;
  readonly onProgress?: BlockingProgressListener;
  /** How counts are computed for the error message when the ceiling is hit. */
  readonly countOptions?: CountOptions;
}

/**
 * Pairs of rows sharing every key of at least one rule, each once. Order: by rule, then by left row, then
 * by right row (left < right). A pair belongs to the first rule capturing it: a later rule skips pairs
 * whose keys of an earlier rule are equal and non-null, so that no pair is compared or scored twice and
 * `ruleIndex` says which rule found each pair (rule order states priority). `link` keeps cross-source pairs
 * only (sources from `combineDatasets`), `dedupe` every pair, `linkAndDedupe` every pair of a stacked dataset.
 * Stops with TooManyPairsError (`BLOCKING_TOO_MANY_PAIRS`) before holding more than `maxPairs` pairs.
 */
export function generateCandidatePairs(
  dataset: Dataset,
  rules: readonly BlockingRuleSpec[],
  linkType: LinkType,
  options: GenerateOptions,
): CandidatePairs {
  const plan = planCandidatePairs(dataset, rules, linkType, options);
  // Exact counts size the arrays once. Otherwise the union lies between the largest rule and the sum of all
  // rules: allocate the first and grow geometrically, never past the second.
  const buffer = new PairBuffer({
    leastPairs: plan.leastPairs,
    mostPairs: plan.mostPairs,
    maxPairs: plan.maxPairs,
    onCeiling: () => plan.stop(),
  });
  new CandidatePairScanner(plan).fill(buffer, Number.POSITIVE_INFINITY, options.onProgress);
  return buffer.finish(plan.ruleNames);
}

/** Everything generation needs before the first pair: checked rules, their keys and the pair bounds. */
export interface CandidatePairPlan {
  readonly ruleNames: readonly string[];
  readonly ruleKeys: readonly DenseCodes[];
  /** Set instead of `ruleKeys` (then empty) when some rule gives records several keys (hospital stays). */
  readonly encodedRules?: readonly EncodedRule[];
  /** Pairs each rule captures on its own. */
  readonly ownPairs: readonly number[];
  readonly scope: PairScope;
  /** The number of pairs to come when counted exactly, else undefined. */
  readonly exactPairs: number | undefined;
  /** Bounds on the pairs to come (equal when exact). */
  readonly leastPairs: number;
  readonly mostPairs: number;
  readonly maxPairs: number;
  /** Throws TooManyPairsError (`BLOCKING_TOO_MANY_PAIRS`) with the per-rule counts. */
  stop(): never;
  /** The per-rule counts of countCandidatePairs, from the keys already encoded (when the plan can). */
  counts?(countOptions?: CountOptions): BlockingCounts;
}

/**
 * Checks the rules and the ceiling, encodes each rule's keys and bounds the number of pairs; stops with
 * TooManyPairsError before any pair is made when the ceiling is certain to be exceeded.
 */
export function planCandidatePairs(
  dataset: Dataset,
  rules: readonly BlockingRuleSpec[],
  linkType: LinkType,
  options: GenerateOptions,
): CandidatePairPlan {
  checkMaxPairs(options.maxPairs);
  checkBlockingRules(dataset, rules);
  const scope = resolvePairScope(dataset, linkType);
  const names = rules.map(blockingRuleName);
  // Rules giving records several keys (hospital stays) pair records through an inverted index instead.
  if (rules.some(isSetValuedRule)) return planPairsWithKeySets(dataset, rules, scope, names, options);
  const ruleKeys = rules.map((rule) => encodeBlockingRule(dataset, rule, options));
  const ownPairs = ruleKeys.map((keys) => countPairsWithEqualKeys(keys, scope));
  const countsFor = (countOptions: CountOptions) =>
    countFromKeys(ruleKeys, names, scope, countOptions, ownPairs);
  const stop = (counts?: BlockingCounts): never => {
    // Visiting pairs to count them exactly is only worth it up to the ceiling the user set.
    const maxPairsToVisit = Math.min(
      options.countOptions?.maxPairsToVisit ?? options.maxPairs,
      options.maxPairs,
    );
    throw new TooManyPairsError(
      counts ?? countsFor({ ...options.countOptions, maxPairsToVisit }),
      options.maxPairs,
    );
  };
  // All rules together produce at least as many pairs as the largest rule alone: stop before any pair is made.
  const largestRulePairs = Math.max(...ownPairs);
  if (largestRulePairs > options.maxPairs) stop();
  const exactCounts = countExactlyWhenCheap(ownPairs, scope.rowCount, countsFor);
  if (exactCounts !== undefined && exactCounts.totalPairs > options.maxPairs) stop(exactCounts);
  const exactPairs = exactCounts?.totalPairs ?? (rules.length === 1 ? ownPairs[0] : undefined);
  return {
    ruleNames: names,
    ruleKeys,
    ownPairs,
    scope,
    exactPairs,
    leastPairs: exactPairs ?? largestRulePairs,
    mostPairs: exactPairs ?? ownPairs.reduce((total, pairs) => total + pairs, 0),
    maxPairs: options.maxPairs,
    stop: () => stop(),
    // Counts made exactly while planning are the counts: no need to intersect the rules again.
    counts: (countOptions = {}) =>
      exactCounts !== undefined && Object.keys(countOptions).length === 0
        ? exactCounts
        : countsFor(countOptions),
  };
}

/**
 * Exact counts by inclusion–exclusion (no pair visited) when that costs no more passes over the rows than
 * there are pairs to copy: growing arrays geometrically would otherwise copy every pair once or twice.
 */
function countExactlyWhenCheap(
  ownPairs: readonly number[],
  rowCount: number,
  countsFor: (countOptions: CountOptions) => BlockingCounts,
): BlockingCounts | undefined {
  const ruleCount = ownPairs.length;
  const pairsAtMost = ownPairs.reduce((total, pairs) => total + pairs, 0);
  if (ruleCount === 1 || pairsAtMost === Math.max(...ownPairs)) return undefined;
  // Worst case of rule r is 2^r − 1 intersections; empty intersections prune many in practice.
  let intersections = 0;
  for (let rule = 1; rule < ruleCount; rule++) intersections += 2 ** rule - 1;
  if (intersections * rowCount > pairsAtMost) return undefined;
  const counts = countsFor({ maxIntersections: 2 ** (ruleCount - 1), maxPairsToVisit: 0 });
  return counts.rules.every((rule) => rule.exact) ? counts : undefined;
}

/** The ceiling must be a whole number of pairs (Infinity to disable it). */
export function checkMaxPairs(maxPairs: number): void {
  if (typeof maxPairs === "number" && maxPairs >= 0 && (Number.isInteger(maxPairs) || maxPairs === Infinity))
    return;
  throw new SpecError([
    { jsonPath: "$.maxCandidatePairs", message: `must be a non-negative integer, got ${String(maxPairs)}.` },
  ]);
}
