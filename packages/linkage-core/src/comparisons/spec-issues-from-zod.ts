// Turns zod validation issues into SpecIssues: a JSON path, what was found, and what to do about it.
import type { z } from "zod";
import { jsonPathOf, type SpecIssue } from "../errors.js";
import { didYouMean } from "./suggest-name.js";

type ZodIssue = z.core.$ZodIssue;

/**
 * SpecIssues for zod issues found when validating `input` (located at `basePath`). `knownKeys` feeds the
 * "did you mean" of unknown keys and values.
 */
export function specIssuesFromZod(
  issues: readonly ZodIssue[],
  input: unknown,
  basePath: string,
  knownKeys: ReadonlySet<string>,
): SpecIssue[] {
  return issues.flatMap((issue) => describeIssue(issue, [], input, basePath, knownKeys));
}

function describeIssue(
  issue: ZodIssue,
  prefix: readonly PropertyKey[],
  input: unknown,
  basePath: string,
  knownKeys: ReadonlySet<string>,
): SpecIssue[] {
  const segments = [...prefix, ...issue.path];
  const jsonPath = jsonPathOf(basePath, segments);
  const found = valueAt(input, segments);
  const lastKey = segments.length > 0 ? segments[segments.length - 1] : undefined;
  switch (issue.code) {
    case "invalid_type": {
      const expected = expectedText(issue.expected);
      if (found.missing) {
        return [{ jsonPath, message: `"${String(lastKey)}" is missing: add it (${expected}).` }];
      }
      return [
        { jsonPath, message: `expected ${expected}, found ${describeValue(found.value)}: fix its type.` },
      ];
    }
    case "too_small":
    case "too_big":
      return [{ jsonPath, message: sizeMessage(issue, found.value) }];
    case "invalid_value": {
      const allowed = issue.values.map((value) => JSON.stringify(value)).join(", ");
      const hint = typeof found.value === "string" ? didYouMean(found.value, issue.values.map(String)) : "";
      return [
        { jsonPath, message: `found ${describeValue(found.value)}${hint}; expected one of ${allowed}.` },
      ];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        jsonPath: jsonPathOf(jsonPath, [key]),
        message: `unknown key "${key}"${didYouMean(key, knownKeys)}: remove it or fix its spelling.`,
      }));
    case "invalid_union":
      return describeUnion(issue, segments, found, jsonPath, input, basePath, knownKeys);
    default:
      return [{ jsonPath, message: `${issue.message}.` }];
  }
}

function describeUnion(
  issue: Extract<ZodIssue, { code: "invalid_union" }>,
  segments: readonly PropertyKey[],
  found: FoundValue,
  jsonPath: string,
  input: unknown,
  basePath: string,
  knownKeys: ReadonlySet<string>,
): SpecIssue[] {
  if (issue.discriminator !== undefined) {
    const allowed = ("options" in issue ? (issue.options ?? []) : []).filter(
      (option) => option !== undefined,
    );
    const list = allowed.map((option) => JSON.stringify(option)).join(", ");
    if (found.missing) {
      return [{ jsonPath, message: `"${issue.discriminator}" is missing: add one of ${list}.` }];
    }
    const hint = typeof found.value === "string" ? didYouMean(found.value, allowed.map(String)) : "";
    return [
      {
        jsonPath,
        message: `unknown ${issue.discriminator} ${describeValue(found.value)}${hint}; expected one of ${list}.`,
      },
    ];
  }
  // Report the branch that got past the type check (the user clearly meant that shape), if exactly one did.
  const plausible = issue.errors.filter(
    (branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0),
  );
  if (plausible.length === 1) {
    return plausible[0].flatMap((inner) => describeIssue(inner, segments, input, basePath, knownKeys));
  }
  const expected = issue.errors
    .flatMap((branch) => branch.filter((inner) => inner.code === "invalid_type" && inner.path.length === 0))
    .map((inner) => (inner.code === "invalid_type" ? expectedText(inner.expected) : ""));
  const alternatives = [...new Set(expected)].join(" or ");
  return [
    {
      jsonPath,
      message: `expected ${alternatives || "another shape"}, found ${describeValue(found.value)}: fix its type.`,
    },
  ];
}

function sizeMessage(issue: Extract<ZodIssue, { code: "too_small" | "too_big" }>, value: unknown): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === "array") {
    const count = Array.isArray(value) ? value.length : 0;
    if (issue.exact) return `has ${count} items; give exactly ${limit}.`;
    return small
      ? `has ${count} item${count === 1 ? "" : "s"}; give at least ${limit}.`
      : `has ${count} items; give at most ${limit}.`;
  }
  if (issue.origin === "string") {
    return small ? `is empty; give a non-empty text.` : `is too long; give at most ${limit} characters.`;
  }
  const bound = small ? (inclusive ? "≥" : ">") : inclusive ? "≤" : "<";
  return `found ${describeValue(value)}; it must be ${bound} ${limit}.`;
}

function expectedText(expected: string): string {
  const texts: Record<string, string> = {
    string: "a text",
    number: "a number",
    int: "an integer",
    boolean: "true or false",
    object: "an object",
    array: "an array",
    tuple: "an array",
  };
  return texts[expected] ?? expected;
}

interface FoundValue {
  readonly missing: boolean;
  readonly value: unknown;
}

function valueAt(input: unknown, segments: readonly PropertyKey[]): FoundValue {
  let current: unknown = input;
  for (const segment of segments) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment)) {
      return { missing: true, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { missing: false, value: current };
}

/** Short description of a spec value (spec values, not record data, so they may appear in messages). */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case "string":
      return value.length > 60 ? `a text of ${value.length} characters` : JSON.stringify(value);
    case "number":
    case "boolean":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** Every object key declared anywhere in a schema: the vocabulary for "did you mean" on unknown keys. */
export function objectKeysOfSchema(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown) => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const definition = (node as { def?: Record<string, unknown> }).def;
    if (definition === undefined) return;
    const shape = definition.shape as Record<string, unknown> | undefined;
    if (shape) {
      for (const [key, child] of Object.entries(shape)) {
        keys.add(key);
        visit(child);
      }
    }
    for (const field of ["element", "innerType", "in", "out", "valueType"]) visit(definition[field]);
    for (const field of ["options", "items"]) {
      const list = definition[field];
      if (Array.isArray(list)) list.forEach(visit);
    }
  };
  visit(schema);
  return keys;
}
