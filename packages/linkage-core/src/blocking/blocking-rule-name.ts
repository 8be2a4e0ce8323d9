// Readable default names of blocking rules, such as `surname & year(dob)`, used in counts, errors and outputs.
import type { BlockingKey, BlockingRuleSpec, KeyTransform, KeyTransformKind } from "./types.js";

type KeyDescribers = {
  readonly [Kind in KeyTransformKind]: (
    transform: Extract<KeyTransform, { kind: Kind }>,
    column: string,
  ) => string;
};

const keyDescribers: KeyDescribers = {
  prefix: (transform, column) => `prefix(${column}, ${transform.length})`,
  substring: (transform, column) =>
    transform.length === undefined
      ? `substring(${column}, ${transform.start})`
      : `substring(${column}, ${transform.start}, ${transform.length})`,
  year: (_transform, column) => `year(${column})`,
  yearMonth: (_transform, column) => `yearMonth(${column})`,
  phonetic: (transform, column) => `${transform.algorithm}(${column})`,
  hospitalStays: (transform, column) =>
    transform.admissionWindowDays === undefined || transform.admissionWindowDays === 0
      ? `stays(${column})`
      : `stays(${column}, ±${transform.admissionWindowDays} days)`,
};

/** The rule's own name when it has one, else its keys joined by ` & `. */
export function blockingRuleName(rule: BlockingRuleSpec): string {
  if (rule.name !== undefined && rule.name !== "") return rule.name;
  return rule.keys.map(describeKey).join(" & ");
}

export function describeKey(key: BlockingKey): string {
  if (key.transform === undefined) return key.column;
  const describe = keyDescribers[key.transform.kind] as (transform: KeyTransform, column: string) => string;
  return describe(key.transform, key.column);
}
