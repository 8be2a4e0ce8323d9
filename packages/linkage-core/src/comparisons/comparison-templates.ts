// Comparison templates: the library factories usable from JSON, e.g. {"template": "jaroWinklerAtThresholds", …}.
import { z } from "zod";
import type { SpecIssue } from "../errors.js";
import {
  absoluteDifferenceAtThresholds,
  damerauLevenshteinAtThresholds,
  dateDifferenceAtThresholds,
  diceAtThresholds,
  distanceKmAtThresholds,
  exactMatch,
  forenameSurnameComparison,
  jaccardAtThresholds,
  jaroAtThresholds,
  jaroWinklerAtThresholds,
  levenshteinAtThresholds,
  nameComparison,
  relativeDifferenceAtThresholds,
} from "./comparison-library.js";
import {
  columnNameSchema,
  dateDifferenceThresholdSchema,
  editDistanceThresholdSchema,
  phoneticAlgorithmSchema,
  qgramLengthSchema,
  similarityThresholdSchema,
  termFrequencySchema,
  termFrequencyWeightSchema,
} from "./comparison-schema.js";
import type { ComparisonSpec, DateUnit } from "./types.js";

const nameSchema = z
  .string()
  .min(1)
  .optional()
  .meta({ description: "Unique name of the comparison; defaults to the column name(s)." });
const columnSchema = columnNameSchema.meta({ description: "Column to compare." });
const termFrequencyFields = {
  termFrequency: termFrequencySchema,
  termFrequencyWeight: termFrequencyWeightSchema,
};

function similarityThresholds(defaults: readonly number[]) {
  return z
    .array(similarityThresholdSchema)
    .optional()
    .meta({
      description: `Similarity thresholds, most similar first (default ${JSON.stringify(defaults)}).`,
    });
}

const editDistanceThresholds = z
  .array(editDistanceThresholdSchema.min(1))
  .optional()
  .meta({ description: "Edit-distance thresholds, smallest first (default [1, 2])." });

const templateSchemas = {
  exactMatch: z.strictObject({
    template: z.literal("exactMatch"),
    name: nameSchema,
    column: columnSchema,
    ...termFrequencyFields,
  }),
  jaroWinklerAtThresholds: z.strictObject({
    template: z.literal("jaroWinklerAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: similarityThresholds([0.92, 0.88]),
    ...termFrequencyFields,
  }),
  jaroAtThresholds: z.strictObject({
    template: z.literal("jaroAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: similarityThresholds([0.9, 0.7]),
    ...termFrequencyFields,
  }),
  jaccardAtThresholds: z.strictObject({
    template: z.literal("jaccardAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: similarityThresholds([0.9, 0.7]),
    q: qgramLengthSchema,
    ...termFrequencyFields,
  }),
  diceAtThresholds: z.strictObject({
    template: z.literal("diceAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: similarityThresholds([0.9, 0.7]),
    q: qgramLengthSchema,
    ...termFrequencyFields,
  }),
  levenshteinAtThresholds: z.strictObject({
    template: z.literal("levenshteinAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: editDistanceThresholds,
    ...termFrequencyFields,
  }),
  damerauLevenshteinAtThresholds: z.strictObject({
    template: z.literal("damerauLevenshteinAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: editDistanceThresholds,
    ...termFrequencyFields,
  }),
  absoluteDifferenceAtThresholds: z.strictObject({
    template: z.literal("absoluteDifferenceAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: z
      .array(z.number().gt(0))
      .min(1)
      .meta({ description: "Largest absolute differences, smallest first." }),
  }),
  relativeDifferenceAtThresholds: z.strictObject({
    template: z.literal("relativeDifferenceAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: z
      .array(z.number().gt(0).lte(1))
      .min(1)
      .meta({ description: "Largest relative differences in (0, 1], smallest first." }),
  }),
  dateDifferenceAtThresholds: z.strictObject({
    template: z.literal("dateDifferenceAtThresholds"),
    name: nameSchema,
    column: columnSchema,
    thresholds: z
      .array(dateDifferenceThresholdSchema)
      .optional()
      .meta({ description: "Date differences, tightest first (default 1 day, 1 month, 1 year)." }),
    dayMonthSwap: z
      .boolean()
      .optional()
      .meta({ description: "Add a level for day and month swapped, after exact (default false)." }),
    ...termFrequencyFields,
  }),
  distanceKmAtThresholds: z.strictObject({
    template: z.literal("distanceKmAtThresholds"),
    name: nameSchema,
    latitudeColumn: columnNameSchema,
    longitudeColumn: columnNameSchema,
    thresholds: z
      .array(z.number().gt(0))
      .optional()
      .meta({ description: "Distances in km, smallest first (default [1, 10, 50])." }),
  }),
  nameComparison: z.strictObject({
    template: z.literal("nameComparison"),
    name: nameSchema,
    column: columnSchema,
    phonetic: phoneticAlgorithmSchema.optional(),
    thresholds: similarityThresholds([0.92, 0.88]),
    ...termFrequencyFields,
  }),
  forenameSurnameComparison: z.strictObject({
    template: z.literal("forenameSurnameComparison"),
    name: nameSchema,
    forenameColumn: columnNameSchema,
    surnameColumn: columnNameSchema,
    thresholds: similarityThresholds([0.92, 0.88]),
  }),
};

export type ComparisonTemplateName = keyof typeof templateSchemas;
export type ComparisonTemplate = z.output<(typeof templateSchemas)[ComparisonTemplateName]>;
type TemplateOf<Name extends ComparisonTemplateName> = z.output<(typeof templateSchemas)[Name]>;

export const comparisonTemplateNames = Object.keys(templateSchemas) as ComparisonTemplateName[];

export const comparisonTemplateSchema = z
  .discriminatedUnion(
    "template",
    Object.values(templateSchemas) as [
      (typeof templateSchemas)[ComparisonTemplateName],
      ...(typeof templateSchemas)[ComparisonTemplateName][],
    ],
  )
  .meta({ id: "ComparisonTemplate", description: "A comparison built by a library template." });

const expanders: { [Name in ComparisonTemplateName]: (template: TemplateOf<Name>) => ComparisonSpec } = {
  exactMatch: (template) => exactMatch(template.column, template),
  jaroWinklerAtThresholds: (template) =>
    jaroWinklerAtThresholds(template.column, template.thresholds, template),
  jaroAtThresholds: (template) => jaroAtThresholds(template.column, template.thresholds, template),
  jaccardAtThresholds: (template) => jaccardAtThresholds(template.column, template.thresholds, template),
  diceAtThresholds: (template) => diceAtThresholds(template.column, template.thresholds, template),
  levenshteinAtThresholds: (template) =>
    levenshteinAtThresholds(template.column, template.thresholds, template),
  damerauLevenshteinAtThresholds: (template) =>
    damerauLevenshteinAtThresholds(template.column, template.thresholds, template),
  absoluteDifferenceAtThresholds: (template) =>
    absoluteDifferenceAtThresholds(template.column, template.thresholds, template),
  relativeDifferenceAtThresholds: (template) =>
    relativeDifferenceAtThresholds(template.column, template.thresholds, template),
  dateDifferenceAtThresholds: (template) =>
    dateDifferenceAtThresholds(template.column, template.thresholds, template),
  distanceKmAtThresholds: (template) =>
    distanceKmAtThresholds(template.latitudeColumn, template.longitudeColumn, template.thresholds, template),
  nameComparison: (template) => nameComparison(template.column, template),
  forenameSurnameComparison: (template) =>
    forenameSurnameComparison(template.forenameColumn, template.surnameColumn, template),
};

/** The full ComparisonSpec a (schema-valid) template stands for. */
export function expandComparisonTemplate(template: ComparisonTemplate): ComparisonSpec {
  return (expanders[template.template] as (template: ComparisonTemplate) => ComparisonSpec)(template);
}

// Approximate lengths, only to check that mixed-unit date thresholds go from tightest to loosest.
const daysPerUnit: Record<DateUnit, number> = { days: 1, months: 30.436875, years: 365.2425 };

type ThresholdOrder = "mostSimilarFirst" | "smallestFirst" | "none";

/** Which way each template's thresholds must run for every level to be reachable. */
const thresholdOrders: Record<ComparisonTemplateName, ThresholdOrder> = {
  exactMatch: "none",
  jaroWinklerAtThresholds: "mostSimilarFirst",
  jaroAtThresholds: "mostSimilarFirst",
  jaccardAtThresholds: "mostSimilarFirst",
  diceAtThresholds: "mostSimilarFirst",
  nameComparison: "mostSimilarFirst",
  forenameSurnameComparison: "mostSimilarFirst",
  levenshteinAtThresholds: "smallestFirst",
  damerauLevenshteinAtThresholds: "smallestFirst",
  absoluteDifferenceAtThresholds: "smallestFirst",
  relativeDifferenceAtThresholds: "smallestFirst",
  distanceKmAtThresholds: "smallestFirst",
  dateDifferenceAtThresholds: "smallestFirst",
};

/**
 * Checks the schema cannot express: thresholds must run from most to least similar (otherwise a later level
 * could never hold), and the two columns of a two-column template must differ.
 */
export function checkComparisonTemplate(template: ComparisonTemplate, jsonPath: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const order = thresholdOrders[template.template];
  const thresholds = "thresholds" in template ? template.thresholds : undefined;
  if (order !== "none" && thresholds !== undefined) {
    const texts = thresholds.map((entry) =>
      typeof entry === "number" ? String(entry) : `${entry.threshold} ${entry.unit}`,
    );
    const sizes = thresholds.map((entry) =>
      typeof entry === "number" ? entry : entry.threshold * daysPerUnit[entry.unit],
    );
    for (let index = 1; index < sizes.length; index++) {
      const ordered =
        order === "mostSimilarFirst" ? sizes[index] < sizes[index - 1] : sizes[index] > sizes[index - 1];
      if (ordered) continue;
      const wanted =
        order === "mostSimilarFirst"
          ? "list similarity thresholds from the highest to the lowest"
          : "list thresholds from the tightest to the loosest";
      issues.push({
        jsonPath: `${jsonPath}.thresholds[${index}]`,
        message: `threshold ${texts[index]} comes after ${texts[index - 1]}, so its level could never be reached: ${wanted}, with no repeats.`,
      });
    }
  }
  if (
    template.template === "distanceKmAtThresholds" &&
    template.latitudeColumn === template.longitudeColumn
  ) {
    issues.push({
      jsonPath: `${jsonPath}.longitudeColumn`,
      message: `latitudeColumn and longitudeColumn are both "${template.latitudeColumn}": give the two coordinate columns.`,
    });
  }
  if (
    template.template === "forenameSurnameComparison" &&
    template.forenameColumn === template.surnameColumn
  ) {
    issues.push({
      jsonPath: `${jsonPath}.surnameColumn`,
      message: `forenameColumn and surnameColumn are both "${template.forenameColumn}": give two different columns.`,
    });
  }
  return issues;
}
