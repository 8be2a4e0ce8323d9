// Candidate-pair generation as a resumable scan: rule after rule, left row after left row, appending pairs to a
// buffer until it is full enough, then carrying on from there at the next call. Both the in-memory generation
// and the chunked one run on it, so they give the same pairs in the same order.
import type { CandidatePairPlan } from "./generate-candidate-pairs.js";
import { groupRowsByKey } from "./key-groups.js";
import { KeySetPairScanner } from "./key-set-pairs.js";
import type { PairBuffer } from "./pair-buffer.js";
import {
  type BlockingProgressListener,
  prepareRuleScan,
  type RuleScan,
  scanRuleRows,
} from "./scan-rule-pairs.js";

export class CandidatePairScanner {
  private rule = 0;
  private nextRow = 0;
  private scan: RuleScan | undefined;
  private readonly keyCodes: readonly Int32Array[];
  /** Rules giving records several keys (hospital stays) are scanned through their inverted index. */
  private readonly keySets: KeySetPairScanner | undefined;

  constructor(private readonly plan: CandidatePairPlan) {
    this.keyCodes = plan.ruleKeys.map((keys) => keys.codes);
    this.keySets = plan.encodedRules && new KeySetPairScanner(plan.encodedRules, plan.ownPairs, plan.scope);
  }

  /** True once every pair has been appended. */
  get done(): boolean {
    if (this.keySets) return this.keySets.done;
    return this.rule >= this.plan.ruleKeys.length;
  }

  /**
   * Appends the next pairs, in order, until `buffer` holds at least `stopAtPairs` pairs (checked at the end of
   * each left row, so a row's pairs are never split) or every pair is out. Returns whether every pair is out.
   */
  fill(buffer: PairBuffer, stopAtPairs: number, onProgress?: BlockingProgressListener): boolean {
    if (this.keySets) return this.keySets.fill(buffer, stopAtPairs, onProgress);
    const { ruleKeys, ownPairs, scope } = this.plan;
    while (this.rule < ruleKeys.length) {
      if (buffer.count >= stopAtPairs) return false;
      if (ownPairs[this.rule] === 0) {
        this.rule++;
        continue;
      }
      // Groups and earlier keys are built once per rule, however many calls its scan takes.
      this.scan ??= prepareRuleScan(this.rule, this.keyCodes, groupRowsByKey(ruleKeys[this.rule]!), scope);
      const { nextRow } = scanRuleRows(this.scan, {
        buffer,
        ...(onProgress ? { onProgress } : {}),
        fromRow: this.nextRow,
        stopAtPairs,
      });
      if (nextRow < scope.rowCount) {
        this.nextRow = nextRow;
        return false;
      }
      this.rule++;
      this.nextRow = 0;
      this.scan = undefined;
    }
    return true;
  }
}
