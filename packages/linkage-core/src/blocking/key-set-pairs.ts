// Counting and generating candidate pairs when some rule gives records several keys (hospital stays): an
// inverted index from each key to its rows, each pair once, the first rule capturing a pair owning it.
import type { Dataset } from "../data/dataset.js";
import { upperBound } from "../sorted-search.js";
import { type BlockingKeyOptions, encodeBlockingRule, isSetValuedRule } from "./blocking-keys.js";
import type { BlockingCounts, BlockingRuleCount, CountOptions } from "./count-candidate-pairs.js";
import type { DenseCodes } from "./dense-codes.js";
import type { CandidatePairPlan } from "./generate-candidate-pairs.js";
import { countPairsWithEqualKeys, groupRowsByKey, type KeyGroups } from "./key-groups.js";
import type { PairBuffer } from "./pair-buffer.js";
import type { PairScope } from "./pair-scope.js";
import { encodeRuleKeySets, firstMeetingProbe, keySetsMeet, type RuleKeySets } from "./rule-key-sets.js";
import type { BlockingProgressListener } from "./scan-rule-pairs.js";
import { TooManyPairsError } from "./too-many-pairs-error.js";
import type { BlockingRuleSpec } from "./types.js";

/** A rule encoded for pair visits: one key code per row, or key sets. */
export type EncodedRule =
  | { readonly kind: "codes"; readonly keys: DenseCodes }
  | { readonly kind: "sets"; readonly sets: RuleKeySets };

export function encodeRules(
  dataset: Dataset,
  rules: readonly BlockingRuleSpec[],
  options: BlockingKeyOptions,
): EncodedRule[] {
  return rules.map((rule) =>
    isSetValuedRule(rule)
      ? { kind: "sets", sets: encodeRuleKeySets(dataset, rule, options) }
      : { kind: "codes", keys: encodeBlockingRule(dataset, rule, options) },
  );
}

/** Whether rule `rule` captures the pair of rows (in either order). */
export function ruleCaptures(encoded: EncodedRule, rowA: number, rowB: number): boolean {
  if (encoded.kind === "sets") return keySetsMeet(encoded.sets, rowA, rowB);
  const codes = encoded.keys.codes;
  return codes[rowA]! >= 0 && codes[rowA] === codes[rowB];
}

interface VisitOptions {
  /** Skip pairs an earlier rule captures (first rule wins); off to count a rule's own pairs. */
  readonly skipEarlier: boolean;
  readonly buffer?: PairBuffer;
  readonly onProgress?: BlockingProgressListener;
  /** First left row to visit (default 0): resumes a visit stopped by `stopAtPairs`. */
  readonly fromRow?: number;
  /** Stop at the end of the first left row after which the buffer holds at least this many pairs. */
  readonly stopAtPairs?: number;
}

const PROGRESS_EVERY_ROWS = 1 << 16;

/** What visiting a rule's pairs needs, built once per rule. */
type PreparedRule =
  | { readonly kind: "codes"; readonly codes: Int32Array; readonly groups: KeyGroups }
  | { readonly kind: "sets"; readonly sets: RuleKeySets; readonly index: KeyIndex };

function prepareRule(rule: EncodedRule): PreparedRule {
  return rule.kind === "codes"
    ? { kind: "codes", codes: rule.keys.codes, groups: groupRowsByKey(rule.keys) }
    : { kind: "sets", sets: rule.sets, index: indexKeys(rule.sets) };
}

/**
 * Visits the pairs (left < right) of rule `rule`, by left row then right row, each once; returns how many it
 * kept (pushed to the buffer when given).
 */
export function visitRulePairs(
  rule: number,
  encoded: readonly EncodedRule[],
  scope: PairScope,
  options: VisitOptions,
): number {
  return visitPrepared(rule, prepareRule(encoded[rule]!), encoded, scope, options).kept;
}

function visitPrepared(
  rule: number,
  prepared: PreparedRule,
  encoded: readonly EncodedRule[],
  scope: PairScope,
  options: VisitOptions,
): { nextRow: number; kept: number } {
  const { rowCount } = scope;
  const { buffer } = options;
  const stopAtPairs = options.stopAtPairs ?? Number.POSITIVE_INFINITY;
  const visitRow = prepared.kind === "codes" ? codeRowVisitor(prepared) : setRowVisitor(prepared);
  let kept = 0;
  let left = options.fromRow ?? 0;
  for (; left < rowCount; left++) {
    if (buffer !== undefined && buffer.count >= stopAtPairs) break;
    if (left % PROGRESS_EVERY_ROWS === 0) report(options, rule, encoded.length, left, rowCount, kept);
    kept += visitRow(left, rule, encoded, scope, options);
  }
  if (left === rowCount) report(options, rule, encoded.length, rowCount, rowCount, kept);
  return { nextRow: left, kept };
}

type RowVisitor = (
  left: number,
  rule: number,
  encoded: readonly EncodedRule[],
  scope: PairScope,
  options: VisitOptions,
) => number;

function capturedEarlier(
  encoded: readonly EncodedRule[],
  rule: number,
  left: number,
  right: number,
): boolean {
  for (let earlier = 0; earlier < rule; earlier++) {
    if (ruleCaptures(encoded[earlier]!, left, right)) return true;
  }
  return false;
}

/** Pairs of one left row under a rule with one key per row: the rows after it in its key group. */
function codeRowVisitor(prepared: Extract<PreparedRule, { kind: "codes" }>): RowVisitor {
  const { codes } = prepared;
  const { rows, groupStart, positionOf } = prepared.groups;
  return (left, rule, encoded, scope, options) => {
    const key = codes[left]!;
    if (key < 0) return 0;
    const { sourceOf, crossSourceOnly } = scope;
    const end = groupStart[key + 1]!;
    let kept = 0;
    for (let position = positionOf[left]! + 1; position < end; position++) {
      const right = rows[position]!;
      if (crossSourceOnly && sourceOf[right] === sourceOf[left]) continue;
      if (options.skipEarlier && capturedEarlier(encoded, rule, left, right)) continue;
      options.buffer?.push(left, right, rule);
      kept++;
    }
    return kept;
  };
}

/** Rows holding each plain key, ascending: the inverted index of a key-set rule. */
interface KeyIndex {
  readonly keyStart: Int32Array;
  readonly keyRows: Int32Array;
}

function indexKeys(sets: RuleKeySets): KeyIndex {
  const keyStart = new Int32Array(sets.keyCount + 1);
  const { plainOffsets, plainCodes, rowCount } = sets;
  for (let index = 0; index < plainCodes.length; index++) keyStart[plainCodes[index]! + 1]++;
  for (let key = 0; key < sets.keyCount; key++) keyStart[key + 1] += keyStart[key]!;
  const next = keyStart.slice(0, sets.keyCount);
  const keyRows = new Int32Array(plainCodes.length);
  for (let row = 0; row < rowCount; row++) {
    for (let index = plainOffsets[row]!; index < plainOffsets[row + 1]!; index++) {
      keyRows[next[plainCodes[index]!]!++] = row;
    }
  }
  return { keyStart, keyRows };
}

/**
 * Pairs of one left row under a key-set rule: the later rows holding a key it reaches, each kept through the
 * first such key only, then sorted so that pairs run by right row within the left row, as for other rules.
 */
function setRowVisitor(prepared: Extract<PreparedRule, { kind: "sets" }>): RowVisitor {
  const { sets } = prepared;
  const { keyStart, keyRows } = prepared.index;
  const { probeOffsets, probeCodes, base } = sets;
  let partners = new Int32Array(64);
  return (left, rule, encoded, scope, options) => {
    const { sourceOf, crossSourceOnly } = scope;
    if (base !== undefined && base[left]! < 0) return 0;
    const probeStart = probeOffsets[left]!;
    const probeEnd = probeOffsets[left + 1]!;
    let partnerCount = 0;
    for (let probe = probeStart; probe < probeEnd; probe++) {
      const key = probeCodes[probe]!;
      const end = keyStart[key + 1]!;
      for (let position = firstAfter(keyRows, keyStart[key]!, end, left); position < end; position++) {
        const right = keyRows[position]!;
        if (crossSourceOnly && sourceOf[right] === sourceOf[left]) continue;
        if (base !== undefined && base[right] !== base[left]) continue;
        if (probe > probeStart && firstMeetingProbe(sets, left, probe, right) >= 0) continue;
        if (options.skipEarlier && capturedEarlier(encoded, rule, left, right)) continue;
        if (partnerCount === partners.length) {
          const grown = new Int32Array(partners.length * 2);
          grown.set(partners);
          partners = grown;
        }
        partners[partnerCount++] = right;
      }
    }
    if (partnerCount > 1) partners.subarray(0, partnerCount).sort();
    if (options.buffer !== undefined) {
      for (let index = 0; index < partnerCount; index++) options.buffer.push(left, partners[index]!, rule);
    }
    return partnerCount;
  };
}

/** First position in the ascending rows[start, end) holding a row greater than `row`. */
function firstAfter(rows: Int32Array, start: number, end: number, row: number): number {
  return upperBound(rows, row, start, end);
}

/**
 * How many rows a key-set rule's visit inspects (each pair is met from both sides, plus pairs the link type or
 * the rule's single-valued keys leave out): an upper bound on its pairs, computed without visiting any.
 */
export function keySetVisitBound(sets: RuleKeySets): number {
  const counts = new Int32Array(sets.keyCount);
  for (let index = 0; index < sets.plainCodes.length; index++) counts[sets.plainCodes[index]!]++;
  let visits = 0;
  for (let index = 0; index < sets.probeCodes.length; index++) visits += counts[sets.probeCodes[index]!]! - 1;
  return Math.max(0, visits);
}

const DEFAULT_MAX_PAIRS_TO_VISIT = 20_000_000;

/**
 * Pairs of each rule on its own: Σ C(n, 2) over keys for a rule with one key per row; counted by visiting for a
 * key-set rule (pairs sharing several keys count once), or an upper bound when that would visit too many rows.
 */
function ownPairCounts(
  encoded: readonly EncodedRule[],
  scope: PairScope,
  maxPairsToVisit: number,
): { readonly pairs: number; readonly exact: boolean }[] {
  return encoded.map((rule, index) => {
    if (rule.kind === "codes") return { pairs: countPairsWithEqualKeys(rule.keys, scope), exact: true };
    const bound = keySetVisitBound(rule.sets);
    if (bound > maxPairsToVisit) return { pairs: bound, exact: false };
    return { pairs: visitRulePairs(index, encoded, scope, { skipEarlier: false }), exact: true };
  });
}

/** Counts per rule when some rule has key sets: new pairs are counted by visiting, within `maxPairsToVisit`. */
export function countPairsWithKeySets(
  encoded: readonly EncodedRule[],
  names: readonly string[],
  scope: PairScope,
  options: CountOptions = {},
  own = ownPairCounts(encoded, scope, options.maxPairsToVisit ?? DEFAULT_MAX_PAIRS_TO_VISIT),
): BlockingCounts {
  const maxPairsToVisit = options.maxPairsToVisit ?? DEFAULT_MAX_PAIRS_TO_VISIT;
  const rules: BlockingRuleCount[] = [];
  let cumulativePairs = 0;
  let exact = true;
  encoded.forEach((_, rule) => {
    const { pairs, exact: ownExact } = own[rule]!;
    let newPairs = pairs;
    if (!ownExact) exact = false;
    else if (rule > 0 && pairs > 0) {
      if (pairs <= maxPairsToVisit) newPairs = visitRulePairs(rule, encoded, scope, { skipEarlier: true });
      else exact = false;
    }
    cumulativePairs += newPairs;
    rules.push({ name: names[rule]!, pairs, newPairs, cumulativePairs, exact });
  });
  return { rules, totalPairs: cumulativePairs };
}

/**
 * The generation plan of rules some of which have key sets: rules encoded, pairs of each rule on its own
 * counted (or bounded), and the ceiling checked before any pair is made when one rule alone exceeds it.
 */
export function planPairsWithKeySets(
  dataset: Dataset,
  rules: readonly BlockingRuleSpec[],
  scope: PairScope,
  ruleNames: readonly string[],
  options: { readonly maxPairs: number; readonly countOptions?: CountOptions } & BlockingKeyOptions,
): CandidatePairPlan {
  const encodedRules = encodeRules(dataset, rules, options);
  const maxPairsToVisit = options.countOptions?.maxPairsToVisit ?? DEFAULT_MAX_PAIRS_TO_VISIT;
  const own = ownPairCounts(encodedRules, scope, maxPairsToVisit);
  // Visiting pairs to count them exactly is only worth it up to the ceiling the user set.
  const stop = (): never => {
    const countOptions = { maxPairsToVisit: Math.min(maxPairsToVisit, options.maxPairs) };
    throw new TooManyPairsError(
      countPairsWithKeySets(encodedRules, ruleNames, scope, countOptions, own),
      options.maxPairs,
    );
  };
  const exactOwn = own.filter((count) => count.exact).map((count) => count.pairs);
  const largestRulePairs = exactOwn.length === 0 ? 0 : Math.max(...exactOwn);
  if (largestRulePairs > options.maxPairs) stop();
  const exactPairs = rules.length === 1 && own[0]!.exact ? own[0]!.pairs : undefined;
  return {
    ruleNames,
    ruleKeys: [],
    encodedRules,
    ownPairs: own.map((count) => count.pairs),
    scope,
    exactPairs,
    leastPairs: exactPairs ?? largestRulePairs,
    mostPairs: exactPairs ?? own.reduce((total, count) => total + count.pairs, 0),
    maxPairs: options.maxPairs,
    stop,
  };
}

/**
 * Generation over encoded rules as a resumable scan, like CandidatePairScanner: rule after rule, left row
 * after left row, stopping at the end of a left row once the buffer is full enough.
 */
export class KeySetPairScanner {
  private rule = 0;
  private nextRow = 0;
  private prepared: PreparedRule | undefined;

  constructor(
    private readonly encoded: readonly EncodedRule[],
    private readonly ownPairs: readonly number[],
    private readonly scope: PairScope,
  ) {}

  get done(): boolean {
    return this.rule >= this.encoded.length;
  }

  /** Appends pairs until `buffer` holds at least `stopAtPairs` or every pair is out; returns whether all are. */
  fill(buffer: PairBuffer, stopAtPairs: number, onProgress?: BlockingProgressListener): boolean {
    while (this.rule < this.encoded.length) {
      if (buffer.count >= stopAtPairs) return false;
      if (this.ownPairs[this.rule] === 0) {
        this.rule++;
        continue;
      }
      // Groups and inverted indexes are built once per rule, however many calls its scan takes.
      this.prepared ??= prepareRule(this.encoded[this.rule]!);
      const { nextRow } = visitPrepared(this.rule, this.prepared, this.encoded, this.scope, {
        skipEarlier: true,
        buffer,
        ...(onProgress ? { onProgress } : {}),
        fromRow: this.nextRow,
        stopAtPairs,
      });
      if (nextRow < this.scope.rowCount) {
        this.nextRow = nextRow;
        return false;
      }
      this.rule++;
      this.nextRow = 0;
      this.prepared = undefined;
    }
    return true;
  }
}

function report(
  options: VisitOptions,
  ruleIndex: number,
  ruleCount: number,
  rowsScanned: number,
  rowCount: number,
  kept: number,
): void {
  options.onProgress?.({
    ruleIndex,
    ruleCount,
    rowsScanned,
    rowCount,
    pairCount: options.buffer?.count ?? kept,
  });
}
