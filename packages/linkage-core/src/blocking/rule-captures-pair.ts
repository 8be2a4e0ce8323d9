// Whether one blocking rule captures one pair of records, for explanations: works for every kind of rule,
// including those giving records several keys (hospital stays), which have no single key code per record.
import type { Dataset } from "../data/dataset.js";
import { type BlockingKeyOptions, checkBlockingRules } from "./blocking-keys.js";
import { encodeRules, ruleCaptures } from "./key-set-pairs.js";
import type { BlockingRuleSpec } from "./types.js";

/**
 * True when rows `rowA` and `rowB` share every key of the rule (for a key-set rule, one of their key sets'
 * keys). Encodes the whole rule: meant for a few pairs, not for a loop over candidates.
 */
export function ruleCapturesPair(
  dataset: Dataset,
  rule: BlockingRuleSpec,
  rowA: number,
  rowB: number,
  options: BlockingKeyOptions = {},
): boolean {
  checkBlockingRules(dataset, [rule]);
  const [encoded] = encodeRules(dataset, [rule], options);
  return rowA !== rowB && ruleCaptures(encoded!, rowA, rowB);
}
