// parseSpec: validates a JSON linkage spec, applies defaults, expands templates, and reports every problem
// at once as one SpecError listing each issue with its JSON path.
import type { z } from "zod";
import { comparisonSchema } from "../comparisons/comparison-schema.js";
import {
  type ComparisonTemplate,
  checkComparisonTemplate,
  comparisonTemplateSchema,
  expandComparisonTemplate,
} from "../comparisons/comparison-templates.js";
import { describeValue, objectKeysOfSchema, specIssuesFromZod } from "../comparisons/spec-issues-from-zod.js";
import type { ComparisonSpec } from "../comparisons/types.js";
import { comparisonSemanticIssues } from "../comparisons/validate-comparison.js";
import { SpecError, type SpecIssue } from "../errors.js";
import {
  blockingRuleSchema,
  linkageSpecEnvelopeSchema,
  linkageSpecSchema,
  normaliseBlockingRule,
  type trainingSchema,
} from "./spec-schema.js";
import type { LinkageSpec, TrainingSpec } from "./types.js";

const knownKeys = objectKeysOfSchema(linkageSpecSchema);

/**
 * The LinkageSpec described by `input` (parsed JSON), with defaults applied and comparison templates
 * expanded. Throws one SpecError whose `issues` list every problem found, each with its JSON path.
 */
export function parseSpec(input: unknown): LinkageSpec {
  const issues: SpecIssue[] = [];
  const envelope = linkageSpecEnvelopeSchema.safeParse(input);
  if (!envelope.success) issues.push(...specIssuesFromZod(envelope.error.issues, input, "$", knownKeys));
  const fields = isRecord(input) ? input : {};
  const comparisons = Array.isArray(fields.comparisons) ? parseComparisons(fields.comparisons, issues) : [];
  issues.push(...blockingRuleIssues(fields.blockingRules, "$.blockingRules"));
  issues.push(...trainingIssues(fields.training));
  if (issues.length > 0 || !envelope.success) throw new SpecError(issues);
  const spec = envelope.data;
  return {
    linkType: spec.linkType,
    comparisons,
    blockingRules: spec.blockingRules.map(normaliseBlockingRule),
    training: buildTraining(spec.training),
    threshold: { ...spec.threshold },
    oneToOne: { ...spec.oneToOne },
    maxCandidatePairs: spec.maxCandidatePairs,
  };
}

/** Each comparison entry validated on its own, so that one bad entry does not hide problems in another. */
function parseComparisons(entries: readonly unknown[], issues: SpecIssue[]): ComparisonSpec[] {
  const comparisons: ComparisonSpec[] = [];
  const firstWithName = new Map<string, number>();
  entries.forEach((entry, index) => {
    const path = `$.comparisons[${index}]`;
    const comparison = parseComparison(entry, path, issues);
    if (comparison === undefined) return;
    const earlier = firstWithName.get(comparison.name);
    if (earlier === undefined) firstWithName.set(comparison.name, index);
    else {
      const named = isRecord(entry) && entry.name !== undefined;
      issues.push({
        jsonPath: named ? `${path}.name` : path,
        message: `comparison name "${comparison.name}"${named ? "" : " (taken from its columns)"} is already used by comparisons[${earlier}]: give each comparison a unique "name".`,
      });
    }
    comparisons.push(comparison);
  });
  return comparisons;
}

function parseComparison(entry: unknown, path: string, issues: SpecIssue[]): ComparisonSpec | undefined {
  if (!isRecord(entry)) {
    issues.push({
      jsonPath: path,
      message: `expected a comparison object, found ${describeValue(entry)}: give {"columns", "levels"} or {"template", …}.`,
    });
    return undefined;
  }
  if ("template" in entry) {
    const parsed = comparisonTemplateSchema.safeParse(entry);
    if (!parsed.success) {
      issues.push(...specIssuesFromZod(parsed.error.issues, entry, path, knownKeys));
      return undefined;
    }
    return expandTemplate(parsed.data, path, issues);
  }
  const parsed = comparisonSchema.safeParse(entry);
  if (!parsed.success) {
    issues.push(...specIssuesFromZod(parsed.error.issues, entry, path, knownKeys));
    return undefined;
  }
  const comparison: ComparisonSpec = {
    ...parsed.data,
    name: parsed.data.name ?? parsed.data.columns.join("_"),
  };
  const semantic = comparisonSemanticIssues(comparison, path);
  issues.push(...semantic);
  return semantic.length === 0 ? comparison : undefined;
}

function expandTemplate(
  template: ComparisonTemplate,
  path: string,
  issues: SpecIssue[],
): ComparisonSpec | undefined {
  const templateIssues = checkComparisonTemplate(template, path);
  issues.push(...templateIssues);
  if (templateIssues.length > 0) return undefined;
  const comparison = expandComparisonTemplate(template);
  // Templates are checked above; anything left would be a gap in those checks, still worth reporting.
  const expanded = comparisonSemanticIssues(comparison, path);
  issues.push(
    ...expanded.map((issue) => ({
      jsonPath: path,
      message: `the comparison built by template "${template.template}" is invalid at ${issue.jsonPath}: ${issue.message}`,
    })),
  );
  return expanded.length === 0 ? comparison : undefined;
}

/** Semantic checks of a list of blocking rules (their shape is checked by the schema). */
function blockingRuleIssues(rules: unknown, path: string): SpecIssue[] {
  const parsed = blockingRuleSchema.array().safeParse(rules);
  if (!parsed.success) return [];
  const issues: SpecIssue[] = [];
  const normalised = parsed.data.map(normaliseBlockingRule);
  const firstWithName = new Map<string, number>();
  const firstWithKeys = new Map<string, number>();
  normalised.forEach((rule, index) => {
    const rulePath = `${path}[${index}]`;
    if (rule.name !== undefined) {
      const earlier = firstWithName.get(rule.name);
      if (earlier === undefined) firstWithName.set(rule.name, index);
      else {
        issues.push({
          jsonPath: `${rulePath}.name`,
          message: `rule name "${rule.name}" is already used by [${earlier}]: give each rule a unique name.`,
        });
      }
    }
    const keyTexts = rule.keys.map((key) => JSON.stringify([key.column, key.transform ?? null]));
    keyTexts.forEach((text, keyIndex) => {
      const earlier = keyTexts.indexOf(text);
      if (earlier < keyIndex) {
        issues.push({
          jsonPath: `${rulePath}.keys[${keyIndex}]`,
          message: `this key repeats keys[${earlier}]: remove it.`,
        });
      }
    });
    const ruleText = [...new Set(keyTexts)].sort().join("\u0000");
    const earlierRule = firstWithKeys.get(ruleText);
    if (earlierRule === undefined) firstWithKeys.set(ruleText, index);
    else {
      issues.push({
        jsonPath: rulePath,
        message: `this rule has the same keys as [${earlierRule}], so it adds no pairs: remove it.`,
      });
    }
  });
  return issues;
}

/** Consistency of the training options, judged on the keys present even if some values are invalid. */
function trainingIssues(training: unknown): SpecIssue[] {
  if (!isRecord(training)) return [];
  const issues: SpecIssue[] = [];
  const has = (key: string) => training[key] !== undefined;
  if (has("priorMatchProbability") && has("deterministicRules")) {
    issues.push({
      jsonPath: "$.training.deterministicRules",
      message:
        "priorMatchProbability is given, so deterministicRules (used to estimate it) would be ignored: keep one of the two.",
    });
  }
  if (has("deterministicRules") && !has("deterministicRecall")) {
    issues.push({
      jsonPath: "$.training.deterministicRecall",
      message:
        '"deterministicRecall" is missing: say which share of true matches the deterministic rules find (for example 0.8).',
    });
  }
  if (has("deterministicRecall") && !has("deterministicRules")) {
    issues.push({
      jsonPath: "$.training.deterministicRecall",
      message: "deterministicRecall has no effect without deterministicRules: add the rules or remove it.",
    });
  }
  issues.push(...blockingRuleIssues(training.deterministicRules, "$.training.deterministicRules"));
  if (Array.isArray(training.sessions)) {
    training.sessions.forEach((session: unknown, index) => {
      if (!isRecord(session)) return;
      const path = `$.training.sessions[${index}].blockingRule`;
      issues.push(
        ...blockingRuleIssues([session.blockingRule], path).map((issue) => ({
          ...issue,
          jsonPath: issue.jsonPath.replace(`${path}[0]`, path),
        })),
      );
    });
  }
  return issues;
}

function buildTraining(training: z.output<typeof trainingSchema>): TrainingSpec {
  const { deterministicRules, sessions, ...rest } = training;
  const built: {
    -readonly [Key in keyof TrainingSpec]: TrainingSpec[Key];
  } = { ...rest };
  if (deterministicRules !== undefined)
    built.deterministicRules = deterministicRules.map(normaliseBlockingRule);
  if (sessions !== undefined) {
    built.sessions = sessions.map((session) => ({
      blockingRule: normaliseBlockingRule(session.blockingRule),
    }));
  }
  return built;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
