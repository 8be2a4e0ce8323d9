// Blocking keys: one integer code per row for a rule, transforms computed once per distinct value and
// several keys combined exactly through a typed hash of their code tuple (no per-row string work).
import type { Dataset } from "../data/dataset.js";
import { NULL_CODE } from "../data/dataset.js";
import { DataError, SpecError, type SpecIssue } from "../errors.js";
import { type PhoneticEncoder, phoneticAlgorithms, phoneticCode } from "../french/phonetics.js";
import { combineCodes, type DenseCodes } from "./dense-codes.js";
import type {
  BlockingKey,
  BlockingRuleSpec,
  KeyTransform,
  SetKeyTransformKind,
  SingleKeyTransformKind,
} from "./types.js";

export interface BlockingKeyOptions {
  /**
   * Encoder used by `phonetic` transforms; defaults to `phoneticCode`. Replace it to plug in another encoder;
   * an empty code is a null key.
   */
  readonly phoneticEncoder?: PhoneticEncoder;
}

/** Widest admission window of a `hospitalStays` key: each stay probes 2w + 1 days. */
export const MAX_ADMISSION_WINDOW_DAYS = 30;

/** Most rules in one run: `CandidatePairs.ruleIndex` holds rule positions in a Uint8Array. */
export const MAX_BLOCKING_RULES = 256;

/**
 * Composite key code of every row for one rule: rows get equal codes exactly when every key of the rule
 * is equal; NULL_CODE when any key is null (null keys never match). Codes are dense from 0.
 */
export function computeBlockingKeys(
  dataset: Dataset,
  rule: BlockingRuleSpec,
  options: BlockingKeyOptions = {},
): Int32Array {
  checkRules(dataset, [rule], () => "$");
  return encodeBlockingRule(dataset, rule, options).codes;
}

/** Checks rules against the dataset, reporting every problem at once (SpecError, then DataError). */
export function checkBlockingRules(dataset: Dataset, rules: readonly BlockingRuleSpec[]): void {
  const issues: SpecIssue[] = [];
  if (rules.length === 0) {
    issues.push({
      jsonPath: "$.blockingRules",
      message: "no blocking rules given; give at least one, or use cartesianPairs to compare every pair.",
    });
  }
  if (rules.length > MAX_BLOCKING_RULES) {
    issues.push({
      jsonPath: "$.blockingRules",
      message: `${rules.length} blocking rules given; at most ${MAX_BLOCKING_RULES} are supported.`,
    });
  }
  if (issues.length > 0) throw new SpecError(issues);
  checkRules(dataset, rules, (index) => `$.blockingRules[${index}]`);
}

/** Transforms that give a record several keys (see SetKeyTransformKind). */
const setKeyTransformKinds: Record<SetKeyTransformKind, true> = { hospitalStays: true };

/** Whether a key has several values per record (a `hospitalStays` transform). */
export function isSetValuedKey(key: BlockingKey): boolean {
  return key.transform !== undefined && Object.hasOwn(setKeyTransformKinds, key.transform.kind);
}

/** Whether a rule pairs records through key sets rather than one key code per record. */
export function isSetValuedRule(rule: BlockingRuleSpec): boolean {
  return rule.keys.some(isSetValuedKey);
}

/**
 * Key codes of a rule already checked by `checkBlockingRules`. Only rules with one key per record have them:
 * a rule with a `hospitalStays` key is encoded as key sets (`encodeRuleKeySets`).
 */
export function encodeBlockingRule(
  dataset: Dataset,
  rule: BlockingRuleSpec,
  options: BlockingKeyOptions = {},
): DenseCodes {
  if (isSetValuedRule(rule)) {
    const position = rule.keys.findIndex(isSetValuedKey);
    throw new SpecError([
      {
        jsonPath: `$.keys[${position}].transform`,
        message:
          "this key gives a record several keys (one per stay), so the rule has no single key code per record: generate or count its pairs with generateCandidatePairs or countCandidatePairs, or test a pair with ruleCapturesPair.",
      },
    ]);
  }
  let combined: DenseCodes | undefined;
  for (const key of rule.keys) {
    const encoded = encodeBlockingKey(dataset, key, options);
    combined = combined === undefined ? encoded : combineCodes(combined.codes, encoded.codes);
  }
  if (combined === undefined) throw new RangeError("a blocking rule needs at least one key");
  return combined;
}

type ValueTransform = (value: string) => string | null;

type TransformBuilders = {
  readonly [Kind in SingleKeyTransformKind]: (
    transform: Extract<KeyTransform, { kind: Kind }>,
    phoneticEncoder: PhoneticEncoder,
  ) => ValueTransform;
};

// Canonical dates only (standardisation produces them): anything else gives a null key, which never matches.
const CANONICAL_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

const transformBuilders: TransformBuilders = {
  prefix: (transform) => (value) => sliceCharacters(value, 0, transform.length),
  substring: (transform) => (value) =>
    sliceCharacters(
      value,
      transform.start,
      transform.length === undefined ? undefined : transform.start + transform.length,
    ),
  year: () => (value) => (CANONICAL_DATE.test(value) ? value.slice(0, 4) : null),
  yearMonth: () => (value) => {
    const match = CANONICAL_DATE.exec(value);
    return match?.[1] === undefined ? null : value.slice(0, 7);
  },
  phonetic: (transform, phoneticEncoder) => (value) => phoneticEncoder(transform.algorithm, value),
};

type SingleKeyTransform = Extract<KeyTransform, { kind: SingleKeyTransformKind }>;

function buildTransform(transform: SingleKeyTransform, phoneticEncoder: PhoneticEncoder): ValueTransform {
  const build = transformBuilders[transform.kind] as (
    transform: SingleKeyTransform,
    phoneticEncoder: PhoneticEncoder,
  ) => ValueTransform;
  return build(transform, phoneticEncoder);
}

/**
 * Codes of one single-valued key (checked by `checkBlockingRules`): the transform runs once per distinct column
 * value, then rows are mapped by code.
 */
export function encodeBlockingKey(
  dataset: Dataset,
  key: BlockingKey,
  options: BlockingKeyOptions,
): DenseCodes {
  const transform = key.transform;
  if (transform !== undefined && transform.kind === "hospitalStays") {
    throw new RangeError("a hospitalStays key has several values per record: encode it as key sets");
  }
  const column = dataset.columns.get(key.column)!;
  const { keyOfValue, keyCount } =
    transform === undefined
      ? untransformedKeys(column.dictionary)
      : transformedKeys(
          column.dictionary,
          buildTransform(transform, options.phoneticEncoder ?? phoneticCode),
        );
  const valueCodes = column.codes;
  const codes = new Int32Array(valueCodes.length);
  for (let row = 0; row < valueCodes.length; row++) {
    const valueCode = valueCodes[row];
    codes[row] = valueCode < 0 ? NULL_CODE : keyOfValue[valueCode];
  }
  return { codes, keyCount };
}

interface KeyOfValue {
  readonly keyOfValue: Int32Array;
  readonly keyCount: number;
}

/** A column's own codes are already keys (an empty value, which datasets normally never hold, is null). */
function untransformedKeys(dictionary: readonly string[]): KeyOfValue {
  const keyOfValue = new Int32Array(dictionary.length);
  dictionary.forEach((value, valueCode) => {
    keyOfValue[valueCode] = value === "" ? NULL_CODE : valueCode;
  });
  return { keyOfValue, keyCount: dictionary.length };
}

/** Distinct values can share a transformed key (MARTIN and MARTINEZ share prefix MAR): intern the keys. */
function transformedKeys(dictionary: readonly string[], transform: ValueTransform): KeyOfValue {
  const keyOfValue = new Int32Array(dictionary.length);
  const keyCodes = new Map<string, number>();
  dictionary.forEach((value, valueCode) => {
    const keyValue = transform(value);
    if (keyValue === null || keyValue === "") {
      keyOfValue[valueCode] = NULL_CODE;
      return;
    }
    let keyCode = keyCodes.get(keyValue);
    if (keyCode === undefined) {
      keyCode = keyCodes.size;
      keyCodes.set(keyValue, keyCode);
    }
    keyOfValue[valueCode] = keyCode;
  });
  return { keyOfValue, keyCount: keyCodes.size };
}

/** Characters [start, end) counted in code points, so that no surrogate pair is ever cut in half. */
function sliceCharacters(value: string, start: number, end: number | undefined): string | null {
  const sliced = /[\uD800-\uDFFF]/.test(value)
    ? Array.from(value).slice(start, end).join("")
    : value.slice(start, end);
  return sliced === "" ? null : sliced;
}

function checkRules(
  dataset: Dataset,
  rules: readonly BlockingRuleSpec[],
  rulePath: (index: number) => string,
): void {
  const issues: SpecIssue[] = [];
  const missing: string[] = [];
  rules.forEach((rule, ruleIndex) => {
    const path = rulePath(ruleIndex);
    if (rule.keys.length === 0) {
      issues.push({ jsonPath: `${path}.keys`, message: "a blocking rule needs at least one key." });
    }
    rule.keys.forEach((key, keyIndex) => {
      const keyPath = `${path}.keys[${keyIndex}]`;
      if (!dataset.columns.has(key.column)) missing.push(`"${key.column}" (${keyPath}.column)`);
      if (key.transform !== undefined) checkTransform(key.transform, `${keyPath}.transform`, issues);
    });
  });
  if (issues.length > 0) throw new SpecError(issues);
  if (missing.length > 0) {
    throw new DataError(
      "BLOCKING_COLUMN_MISSING",
      `blocking uses column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} missing from dataset "${dataset.name}" (columns: ${[...dataset.columns.keys()].join(", ")}).`,
      { hint: "Fix the column names in the blocking rules, or add the columns to the data." },
    );
  }
}

function checkTransform(transform: KeyTransform, path: string, issues: SpecIssue[]): void {
  const isCount = (value: unknown, minimum: number) =>
    typeof value === "number" && Number.isInteger(value) && value >= minimum;
  switch (transform.kind) {
    case "prefix":
      if (!isCount(transform.length, 1)) {
        issues.push({
          jsonPath: `${path}.length`,
          message: "prefix length must be an integer of at least 1.",
        });
      }
      return;
    case "substring":
      if (!isCount(transform.start, 0)) {
        issues.push({
          jsonPath: `${path}.start`,
          message: "substring start must be an integer of at least 0.",
        });
      }
      if (transform.length !== undefined && !isCount(transform.length, 1)) {
        issues.push({
          jsonPath: `${path}.length`,
          message:
            "substring length must be an integer of at least 1 (or left out for the rest of the value).",
        });
      }
      return;
    case "year":
    case "yearMonth":
      return;
    case "phonetic":
      if (!phoneticAlgorithms.includes(transform.algorithm)) {
        issues.push({
          jsonPath: `${path}.algorithm`,
          message: `unknown phonetic algorithm; use one of ${phoneticAlgorithms.join(", ")}.`,
        });
      }
      return;
    case "hospitalStays": {
      const window = transform.admissionWindowDays;
      if (window !== undefined && !(isCount(window, 0) && window <= MAX_ADMISSION_WINDOW_DAYS)) {
        issues.push({
          jsonPath: `${path}.admissionWindowDays`,
          message: `admissionWindowDays must be an integer from 0 to ${MAX_ADMISSION_WINDOW_DAYS}.`,
        });
      }
      return;
    }
    default: {
      const kind = (transform as { kind?: unknown }).kind;
      issues.push({
        jsonPath: `${path}.kind`,
        message: `unknown key transform ${JSON.stringify(kind)}; use one of ${[...Object.keys(transformBuilders), ...Object.keys(setKeyTransformKinds)].join(", ")}.`,
      });
    }
  }
}
