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
  const codes = ruleKeys[rule]!;
  const { rows, groupStart, positionOf } = groups;
  const { sourceOf, crossSourceOnly, rowCount } = scope;
  const earlierCount = rule;
  // Earlier rules' keys laid out in the order the loop visits right rows (group positions), interleaved:
  // the check reads memory sequentially instead of jumping to each right row in every earlier key array.
  const earlierKeys = earlierKeysByPosition(ruleKeys, rule, rows);
  const sameSourceRunEnd = crossSourceOnly ? computeSameSourceRunEnds(groups, sourceOf) : undefined;
  const { buffer, onProgress } = target;
  let kept = 0;
  for (let left = 0; left < rowCount; left++) {
    if (onProgress !== undefined && left % PROGRESS_EVERY_ROWS === 0) {
      report(onProgress, rule, ruleKeys.length, left, rowCount, buffer?.count ?? kept);
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
  if (onProgress !== undefined)
    report(onProgress, rule, ruleKeys.length, rowCount, rowCount, buffer?.count ?? kept);
  return kept;
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
