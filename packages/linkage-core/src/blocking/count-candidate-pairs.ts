// Counts of candidate pairs per blocking rule, computed before any pair is generated, so that a run can
// stop or a user can tighten rules before memory is spent.
import type { Dataset } from "../data/dataset.js";
import type { LinkType } from "../spec/types.js";
import {
  type BlockingKeyOptions,
  checkBlockingRules,
  encodeBlockingRule,
  isSetValuedRule,
} from "./blocking-keys.js";
import { blockingRuleName } from "./blocking-rule-name.js";
import { combineCodes, type DenseCodes } from "./dense-codes.js";
import { countPairsWithEqualKeys, groupRowsByKey } from "./key-groups.js";
import { countPairsWithKeySets, encodeRules } from "./key-set-pairs.js";
import { type PairScope, resolvePairScope } from "./pair-scope.js";
import { scanRulePairs } from "./scan-rule-pairs.js";
import type { BlockingRuleSpec } from "./types.js";

export interface BlockingRuleCount {
  readonly name: string;
  /** Pairs the rule would produce on its own. */
  readonly pairs: number;
  /** Pairs it adds to those of the earlier rules (an upper bound when `exact` is false). */
  readonly newPairs: number;
  /** Pairs of this rule and all earlier ones together (an upper bound when `exact` is false). */
  readonly cumulativePairs: number;
  /** Whether `newPairs` and `cumulativePairs` are exact; when false they are upper bounds. */
  readonly exact: boolean;
}

export interface BlockingCounts {
  readonly rules: readonly BlockingRuleCount[];
  /** Cumulative pairs of all rules: what generation will produce (an upper bound unless the last rule is exact). */
  readonly totalPairs: number;
}

export interface CountOptions extends BlockingKeyOptions {
  /**
   * Most intersections of earlier rules computed per rule for an exact count by inclusion–exclusion (each
   * costs a pass over the rows); default 127, enough for 7 earlier rules even without pruning.
   */
  readonly maxIntersections?: number;
  /** When inclusion–exclusion is too costly, count new pairs by visiting the rule's pairs if it has at most this many (default 20 million). */
  readonly maxPairsToVisit?: number;
}

const DEFAULT_MAX_INTERSECTIONS = 127;
const DEFAULT_MAX_PAIRS_TO_VISIT = 20_000_000;

/** For each rule: pairs on its own, new pairs after the earlier rules, and the cumulative total. */
export function countCandidatePairs(
  dataset: Dataset,
  rules: readonly BlockingRuleSpec[],
  linkType: LinkType,
  options: CountOptions = {},
): BlockingCounts {
  checkBlockingRules(dataset, rules);
  const scope = resolvePairScope(dataset, linkType);
  if (rules.some(isSetValuedRule)) {
    return countPairsWithKeySets(
      encodeRules(dataset, rules, options),
      rules.map(blockingRuleName),
      scope,
      options,
    );
  }
  const ruleKeys = rules.map((rule) => encodeBlockingRule(dataset, rule, options));
  return countFromKeys(ruleKeys, rules.map(blockingRuleName), scope, options);
}

/** Counts from already-encoded rule keys (shared with generation, which reports counts when it stops). */
export function countFromKeys(
  ruleKeys: readonly DenseCodes[],
  names: readonly string[],
  scope: PairScope,
  options: CountOptions = {},
  ownPairs: readonly number[] = ruleKeys.map((keys) => countPairsWithEqualKeys(keys, scope)),
): BlockingCounts {
  const maxIntersections = options.maxIntersections ?? DEFAULT_MAX_INTERSECTIONS;
  const maxPairsToVisit = options.maxPairsToVisit ?? DEFAULT_MAX_PAIRS_TO_VISIT;
  const rules: BlockingRuleCount[] = [];
  let cumulativePairs = 0;
  let exact = true;
  ruleKeys.forEach((keys, rule) => {
    const pairs = ownPairs[rule]!;
    let newPairs = pairs;
    if (rule > 0 && pairs > 0) {
      const overlap = countOverlapWithEarlierRules(rule, ruleKeys, scope, maxIntersections);
      if (overlap !== undefined) {
        newPairs = pairs - overlap;
      } else if (pairs <= maxPairsToVisit) {
        newPairs = scanRulePairs(
          rule,
          ruleKeys.map((earlier) => earlier.codes),
          groupRowsByKey(keys),
          scope,
        );
      } else {
        // Every new pair is one of the rule's own pairs: a true, if loose, upper bound.
        exact = false;
      }
    }
    cumulativePairs += newPairs;
    rules.push({ name: names[rule]!, pairs, newPairs, cumulativePairs, exact });
  });
  return { rules, totalPairs: cumulativePairs };
}

/**
 * Pairs of rule `rule` that some earlier rule also captures, by inclusion–exclusion over the earlier rules:
 * |A ∩ (B ∪ C …)| = Σ over non-empty subsets S of (−1)^(|S|+1) |A ∩ ⋂S|, each intersection counted from the
 * combined key codes without visiting pairs. An empty intersection prunes all its supersets. Returns
 * undefined when more than `maxIntersections` intersections would be needed.
 */
function countOverlapWithEarlierRules(
  rule: number,
  ruleKeys: readonly DenseCodes[],
  scope: PairScope,
  maxIntersections: number,
): number | undefined {
  let intersections = 0;
  let overlap = 0;
  const visit = (current: DenseCodes, firstEarlierRule: number, sign: number): boolean => {
    for (let earlier = firstEarlierRule; earlier < rule; earlier++) {
      if (++intersections > maxIntersections) return false;
      const intersection = combineCodes(current.codes, ruleKeys[earlier]!.codes);
      const shared = countPairsWithEqualKeys(intersection, scope);
      if (shared === 0) continue;
      overlap += sign * shared;
      if (!visit(intersection, earlier + 1, -sign)) return false;
    }
    return true;
  };
  return visit(ruleKeys[rule]!, 0, 1) ? overlap : undefined;
}
