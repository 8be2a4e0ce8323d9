// Once data is loaded: does every column the spec names exist? Problems come back as SpecIssues with paths.
import type { BlockingRuleSpec } from "../blocking/types.js";
import { didYouMean } from "../comparisons/suggest-name.js";
import type { SpecIssue } from "../errors.js";
import type { LinkageSpec } from "./types.js";

/**
 * Issues for every column used by comparisons, blocking rules, deterministic rules and training sessions
 * that is not among `columnNames`. Comparison paths point at the comparison (a template names its columns
 * under other keys); blocking paths point at the key.
 */
export function checkSpecAgainstColumns(spec: LinkageSpec, columnNames: readonly string[]): SpecIssue[] {
  const available = new Set(columnNames);
  const issues: SpecIssue[] = [];
  const missing = (column: string, jsonPath: string, user: string) => {
    if (available.has(column)) return;
    issues.push({
      jsonPath,
      message: `${user} uses column "${column}", which the data does not have${didYouMean(column, columnNames)}; available columns: ${columnNames.join(", ")}.`,
    });
  };
  spec.comparisons.forEach((comparison, index) => {
    for (const column of comparison.columns) {
      missing(column, `$.comparisons[${index}]`, `comparison "${comparison.name}"`);
    }
  });
  const rules = (list: readonly BlockingRuleSpec[] | undefined, path: string) => {
    list?.forEach((rule, index) => {
      rule.keys.forEach((key, keyIndex) => {
        missing(key.column, `${path}[${index}].keys[${keyIndex}]`, "this blocking key");
      });
    });
  };
  rules(spec.blockingRules, "$.blockingRules");
  rules(spec.training.deterministicRules, "$.training.deterministicRules");
  spec.training.sessions?.forEach((session, index) => {
    session.blockingRule.keys.forEach((key, keyIndex) => {
      missing(
        key.column,
        `$.training.sessions[${index}].blockingRule.keys[${keyIndex}]`,
        "this blocking key",
      );
    });
  });
  return issues;
}
