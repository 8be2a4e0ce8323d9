// The hot loop of blocking: every allowed pair sharing a rule's key and no earlier rule's key, in row order.
import type { KeyGroups } from "./key-groups.js";
import type { PairBuffer } from "./pair-buffer.js";
import type { PairScope } from "./pair-scope.js";

/** How far blocking has gone, reported every few tens of thousands of rows. */
export interface BlockingProgress {
  /** Rule being scanned (0-based). */
  readonly ruleIndex: number;
  readonly ruleCount: number;
  readonly rowsScanned: number;
  readonly rowCount: number;
  /** Pairs produced so far, all rules together. */
  readonly pairCount: number;
}

export type BlockingProgressListener = (progress: BlockingProgress) => void;

const PROGRESS_EVERY_ROWS = 1 << 16;

export interface ScanTarget {
  /** Where pairs go; when absent they are only counted. */
  readonly buffer?: PairBuffer;
  readonly onProgress?: BlockingProgressListener;
  /** First left row to visit (default 0): resumes a scan stopped by `stopAtPairs`. */
  readonly fromRow?: number;
  /** Stop at the end of the first left row after which the buffer holds at least this many pairs. */
  readonly stopAtPairs?: number;
}

/** What scanning a rule needs besides the rows to visit, prepared once so that a scan can run in steps. */
export interface RuleScan {
  readonly rule: number;
  readonly ruleCount: number;
  readonly codes: Int32Array;
  readonly groups: KeyGroups;
  readonly scope: PairScope;
  /** Earlier rules' keys by group position (see earlierKeysByPosition). */
  readonly earlierKeys: Int32Array;
  /** Under `link`, where each position's run of same-source rows ends; undefined otherwise. */
  readonly sameSourceRunEnd: Int32Array | undefined;
}

/**
 * Visits the pairs (left < right) of rule `rule` ordered by left row then right row, skipping pairs of
 * the same source under `link` and pairs an earlier rule already captures (equal non-null earlier key:
 * the first rule that captures a pair owns it, so each pair appears once). Returns how many pairs it kept.
 */
export function scanRulePairs(
  rule: number,
  ruleKeys: readonly Int32Array[],
  groups: KeyGroups,
  scope: PairScope,
  target: ScanTarget = {},
): number {
  return scanRuleRows(prepareRuleScan(rule, ruleKeys, groups, scope), target).kept;
}

export function prepareRuleScan(
  rule: number,
  ruleKeys: readonly Int32Array[],
  groups: KeyGroups,
  scope: PairScope,
): RuleScan {
  return {
    rule,
    ruleCount: ruleKeys.length,
    codes: ruleKeys[rule]!,
    groups,
    scope,
    // Earlier rules' keys laid out in the order the loop visits right rows (group positions), interleaved:
    // the check reads memory sequentially instead of jumping to each right row in every earlier key array.
    earlierKeys: earlierKeysByPosition(ruleKeys, rule, groups.rows),
    sameSourceRunEnd: scope.crossSourceOnly ? computeSameSourceRunEnds(groups, scope.sourceOf) : undefined,
  };
}

/**
 * Scans the left rows from `target.fromRow` on, as `scanRulePairs` does, until every row is visited or the
 * buffer reaches `target.stopAtPairs` (always at the end of a left row, so a chunk never splits one).
 * Returns the next left row to visit (`rowCount` once done) and how many pairs this call kept.
 */
export function scanRuleRows(scan: RuleScan, target: ScanTarget = {}): { nextRow: number; kept: number } {
  const { rule, ruleCount, codes, earlierKeys, sameSourceRunEnd } = scan;
  const { rows, groupStart, positionOf } = scan.groups;
  const { sourceOf, crossSourceOnly, rowCount } = scan.scope;
  const earlierCount = rule;
  const { buffer, onProgress } = target;
  const stopAtPairs = target.stopAtPairs ?? Number.POSITIVE_INFINITY;
  let kept = 0;
  let left = target.fromRow ?? 0;
  for (; left < rowCount; left++) {
    if (buffer !== undefined && buffer.count >= stopAtPairs) break;
    if (onProgress !== undefined && left % PROGRESS_EVERY_ROWS === 0) {
      report(onProgress, rule, ruleCount, left, rowCount, buffer?.count ?? kept);
    }
    const key = codes[left];
    if (key < 0) continue;
    const groupEnd = groupStart[key + 1];
    let position = positionOf[left] + 1;
    if (position >= groupEnd) continue;
    // Rows of the left row's source that follow it in the group come first: jump over them at once.
    if (sameSourceRunEnd !== undefined) position = sameSourceRunEnd[position - 1];
    const leftBase = positionOf[left] * earlierCount;
    const leftSource = sourceOf[left];
    for (; position < groupEnd; position++) {
      const right = rows[position];
      if (crossSourceOnly && sourceOf[right] === leftSource) continue;
      let capturedEarlier = false;
      const rightBase = position * earlierCount;
      for (let q = 0; q < earlierCount; q++) {
        const earlierKey = earlierKeys[leftBase + q];
        if (earlierKey >= 0 && earlierKeys[rightBase + q] === earlierKey) {
          capturedEarlier = true;
          break;
        }
      }
      if (capturedEarlier) continue;
      if (buffer !== undefined) buffer.push(left, right, rule);
      kept++;
    }
  }
  if (onProgress !== undefined && left === rowCount)
    report(onProgress, rule, ruleCount, rowCount, rowCount, buffer?.count ?? kept);
  return { nextRow: left, kept };
}

/** keys[position * rule + earlier] is the key under rule `earlier` of the row at `position` of the groups. */
function earlierKeysByPosition(ruleKeys: readonly Int32Array[], rule: number, rows: Int32Array): Int32Array {
  const keys = new Int32Array(rows.length * rule);
  for (let earlier = 0; earlier < rule; earlier++) {
    const earlierKeys = ruleKeys[earlier]!;
    for (let position = 0; position < rows.length; position++) {
      keys[position * rule + earlier] = earlierKeys[rows[position]];
    }
  }
  return keys;
}

/** For each position, the first later position of its group holding a row of another source (or the group end). */
function computeSameSourceRunEnds(groups: KeyGroups, sourceOf: Uint8Array): Int32Array {
  const { rows, groupStart } = groups;
  const runEnd = new Int32Array(rows.length);
  for (let key = 0; key + 1 < groupStart.length; key++) {
    const start = groupStart[key];
    const end = groupStart[key + 1];
    for (let position = end - 1; position >= start; position--) {
      const next = position + 1;
      runEnd[position] =
        next < end && sourceOf[rows[next]] === sourceOf[rows[position]] ? runEnd[next] : next;
    }
  }
  return runEnd;
}

function report(
  onProgress: BlockingProgressListener,
  ruleIndex: number,
  ruleCount: number,
  rowsScanned: number,
  rowCount: number,
  pairCount: number,
): void {
  onProgress({ ruleIndex, ruleCount, rowsScanned, rowCount, pairCount });
}
