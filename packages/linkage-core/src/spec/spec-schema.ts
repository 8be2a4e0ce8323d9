// Zod schemas of the linkage spec (JSON form), with documented defaults; the JSON Schema is generated from them.
import { z } from "zod";
import { MAX_ADMISSION_WINDOW_DAYS, MAX_BLOCKING_RULES } from "../blocking/blocking-keys.js";
import type { BlockingKey, BlockingRuleSpec, KeyTransform, KeyTransformKind } from "../blocking/types.js";
import { comparisonSchema, phoneticAlgorithmSchema } from "../comparisons/comparison-schema.js";
import { comparisonTemplateSchema } from "../comparisons/comparison-templates.js";
import type { OneToOneSpec, ThresholdSpec, TrainingSpec } from "./types.js";

/** Defaults applied by parseSpec (documented in docs/spec.md). */
export const specDefaults = {
  training: {
    seed: 42,
    uSamplePairs: 1_000_000,
    maxIterations: 25,
    tolerance: 1e-4,
    estimateU: false,
    monotonic: true,
  },
  /** A pair is linked when a match is more likely than not: the Bayes decision with equal error costs. */
  threshold: { kind: "matchProbability", value: 0.5 },
  oneToOne: { method: "bestFirst", probability: "oneToOne" },
  maxCandidatePairs: 50_000_000,
} as const satisfies {
  readonly training: Omit<
    TrainingSpec,
    "priorMatchProbability" | "deterministicRules" | "deterministicRecall" | "sessions"
  >;
  readonly threshold: ThresholdSpec;
  readonly oneToOne: OneToOneSpec;
  readonly maxCandidatePairs: number;
};

const keyTransformSchemas = {
  prefix: z.strictObject({
    kind: z.literal("prefix"),
    length: z.number().int().min(1).meta({ description: "Number of leading characters kept." }),
  }),
  substring: z.strictObject({
    kind: z.literal("substring"),
    start: z.number().int().min(0).meta({ description: "0-based index of the first character kept." }),
    length: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "Number of characters kept (default: to the end)." }),
  }),
  year: z.strictObject({ kind: z.literal("year") }).meta({ description: "Year of a canonical date." }),
  yearMonth: z
    .strictObject({ kind: z.literal("yearMonth") })
    .meta({ description: "Year-month of a canonical date (null for year-only dates)." }),
  phonetic: z.strictObject({ kind: z.literal("phonetic"), algorithm: phoneticAlgorithmSchema }),
  hospitalStays: z
    .strictObject({
      kind: z.literal("hospitalStays"),
      admissionWindowDays: z.number().int().min(0).max(MAX_ADMISSION_WINDOW_DAYS).optional().meta({
        description: "Stays admitted at most this many days apart share a key (default 0: the same day).",
      }),
    })
    .meta({
      description:
        'A stays column ("FINESS|admission|discharge;…") as one key per stay (FINESS, admission day): records are paired when they share one.',
    }),
} satisfies { [K in KeyTransformKind]: z.ZodType<Extract<KeyTransform, { kind: K }>> };

const keyTransformSchema = z.discriminatedUnion(
  "kind",
  Object.values(keyTransformSchemas) as [
    (typeof keyTransformSchemas)[KeyTransformKind],
    ...(typeof keyTransformSchemas)[KeyTransformKind][],
  ],
);

const blockingColumnSchema = z.string().min(1).meta({ description: "Column whose values must be equal." });

export const blockingKeySchema = z
  .union([
    blockingColumnSchema,
    z.strictObject({ column: blockingColumnSchema, transform: keyTransformSchema.optional() }),
  ])
  .meta({ description: 'A column name, or {"column", "transform"} to compare a transformed value.' });

export const blockingRuleSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Name used in outputs; defaults to a description of the keys." }),
    keys: z
      .array(blockingKeySchema)
      .min(1)
      .meta({ description: "Records are compared when all keys are equal and non-null on both sides." }),
  })
  .meta({ id: "BlockingRule", description: "Records are compared when every key of the rule agrees." });

const trainingDefaults = specDefaults.training;

export const trainingSchema = z
  .strictObject({
    seed: z
      .number()
      .int()
      .default(trainingDefaults.seed)
      .meta({ description: "Seed of every random choice (u sampling)." }),
    uSamplePairs: z
      .number()
      .int()
      .positive()
      .default(trainingDefaults.uSamplePairs)
      .meta({ description: "Random pairs sampled to estimate u." }),
    priorMatchProbability: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .meta({ description: "Probability that two random records match, if known; else estimated." }),
    deterministicRules: z
      .array(blockingRuleSchema)
      .min(1)
      .optional()
      .meta({ description: "Rules whose pairs are taken as matches to estimate priorMatchProbability." }),
    deterministicRecall: z
      .number()
      .gt(0)
      .lte(1)
      .optional()
      .meta({ description: "Share of true matches the deterministic rules are assumed to find, in (0, 1]." }),
    sessions: z
      .array(z.strictObject({ blockingRule: blockingRuleSchema }))
      .optional()
      .meta({ description: "EM sessions; when absent or empty, one per blocking rule." }),
    maxIterations: z
      .number()
      .int()
      .positive()
      .default(trainingDefaults.maxIterations)
      .meta({ description: "Most EM iterations per session." }),
    tolerance: z
      .number()
      .positive()
      .default(trainingDefaults.tolerance)
      .meta({ description: "Convergence when no parameter moves by more than this." }),
    estimateU: z
      .boolean()
      .default(trainingDefaults.estimateU)
      .meta({ description: "Re-estimate u by EM too (otherwise from random sampling only)." }),
    monotonic: z.boolean().default(trainingDefaults.monotonic).meta({
      description:
        "Keep the Bayes factor m/u non-decreasing with the level (more similar never weighs less).",
    }),
  })
  .prefault({})
  .meta({ description: "How the model is trained; every field has a default." });

export const thresholdSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("matchProbability"),
      value: z.number().gt(0).lt(1).meta({ description: "Match probability in (0, 1)." }),
    }),
    z.strictObject({
      kind: z.literal("matchWeight"),
      value: z.number().meta({ description: "Match weight (log2 Bayes factor)." }),
    }),
  ])
  .default(specDefaults.threshold)
  .meta({ description: "Pairs scoring at or above this are linked (default: match probability 0.5)." });

export const oneToOneSchema = z
  .strictObject({
    method: z
      .enum(["bestFirst", "optimal"])
      .default(specDefaults.oneToOne.method)
      .meta({ description: "bestFirst: greedy by score; optimal: maximum total weight." }),
    probability: z.enum(["oneToOne", "pairwise"]).default(specDefaults.oneToOne.probability).meta({
      description:
        "What links are decided on (linkType link). oneToOne: each pair's posterior against its records' other candidates, the prior being the share of subjects present, estimated without labels; pairwise: each pair's own probability under the trained prior.",
    }),
  })
  .prefault({});

const linkTypeSchema = z
  .enum(["dedupe", "link", "linkAndDedupe"])
  .meta({ description: "dedupe: within one dataset; link: across datasets only; linkAndDedupe: both." });

function buildSpecSchema<Comparison extends z.ZodType>(comparison: Comparison) {
  return z.strictObject({
    $schema: z.string().optional().meta({ description: "JSON Schema of this file, for editors." }),
    linkType: linkTypeSchema,
    comparisons: z
      .array(comparison)
      .min(1)
      .meta({ description: "What to compare, each a comparison or a template." }),
    blockingRules: z
      .array(blockingRuleSchema)
      .min(1)
      .max(MAX_BLOCKING_RULES)
      .meta({ description: "Which pairs to compare: a pair is compared if any rule holds." }),
    training: trainingSchema,
    threshold: thresholdSchema,
    oneToOne: oneToOneSchema,
    maxCandidatePairs: z
      .number()
      .int()
      .positive()
      .default(specDefaults.maxCandidatePairs)
      .meta({ description: "Stop with an error rather than generate more candidate pairs than this." }),
  });
}

/** The whole spec as editors see it: each comparison is a full comparison or a template. */
export const linkageSpecSchema = buildSpecSchema(z.union([comparisonSchema, comparisonTemplateSchema])).meta({
  title: "Linkage spec",
  description: "What to compare and how to link: comparisons, blocking rules, training and output settings.",
});

/** The same, with comparisons left to per-entry validation (for precise messages on each entry). */
export const linkageSpecEnvelopeSchema = buildSpecSchema(z.unknown());

/** A blocking key in its normal (object) form. */
export function normaliseBlockingKey(key: z.output<typeof blockingKeySchema>): BlockingKey {
  return typeof key === "string" ? { column: key } : key;
}

/** A blocking rule with its keys in normal form. */
export function normaliseBlockingRule(rule: z.output<typeof blockingRuleSchema>): BlockingRuleSpec {
  const keys = rule.keys.map(normaliseBlockingKey);
  return rule.name === undefined ? { keys } : { name: rule.name, keys };
}
