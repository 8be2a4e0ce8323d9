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
  communeCategorySchema,
  dateDifferenceThresholdSchema,
  deathDateCategorySchema,
  editDistanceThresholdSchema,
  partialDateCategorySchema,
  phoneticAlgorithmSchema,
  qgramLengthSchema,
  similarityThresholdSchema,
  termFrequencySchema,
  termFrequencyWeightSchema,
} from "./comparison-schema.js";
import {
  communeComparison,
  deathDateComparison,
  frenchNameComparison,
  hospitalStaysComparison,
  partialBirthDateComparison,
} from "./french-comparison-library.js";
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
  frenchNameComparison: z.strictObject({
    template: z.literal("frenchNameComparison"),
    name: nameSchema,
    column: columnNameSchema.optional().meta({ description: "Name column; give this or `columns`." }),
    columns: z.array(columnNameSchema).min(1).optional().meta({
      description:
        "Several name columns (birth name, usage name): any name of one record may match any of the other.",
    }),
    phoneticAlgorithm: phoneticAlgorithmSchema.optional(),
    thresholds: similarityThresholds([0.92]),
    termFrequency: termFrequencySchema.meta({
      description: "One column only: start with an exact level adjusted for how common the name is.",
    }),
  }),
  partialBirthDateComparison: z.strictObject({
    template: z.literal("partialBirthDateComparison"),
    name: nameSchema,
    column: columnSchema,
    categories: categoryList(partialDateCategorySchema, "partial-date"),
  }),
  deathDateComparison: z.strictObject({
    template: z.literal("deathDateComparison"),
    name: nameSchema,
    column: columnSchema,
    categories: categoryList(deathDateCategorySchema, "death-date"),
  }),
  communeComparison: z.strictObject({
    template: z.literal("communeComparison"),
    name: nameSchema,
    column: columnSchema,
    categories: categoryList(communeCategorySchema, "commune"),
    pmsiCodes: z.boolean().optional().meta({
      description:
        "The column may hold PMSI (postal-code based) codes: add a level for a PMSI code serving the commune.",
    }),
    termFrequency: termFrequencySchema.meta({
      description:
        "Start with an exact level adjusted for how common the code is (a large city weighs less than a village).",
    }),
  }),
  hospitalStaysComparison: z.strictObject({
    template: z.literal("hospitalStaysComparison"),
    name: nameSchema,
    column: columnSchema,
    toleranceDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .optional()
      .meta({ description: "Largest difference of admission and of discharge days (default 1)." }),
    minimumMatches: z.array(z.number().int().min(1)).min(1).optional().meta({
      description: "Least numbers of matching stays, one level each, largest first (default [2, 1]).",
    }),
    missingStays: z.enum(["levels", "null"]).optional().meta({
      description:
        'levels (default): "no stay on either side" and "stays on one side only" are levels; null: a null level.',
    }),
    sameDepartementLevel: z.boolean().optional().meta({
      description:
        "Add, after the same-FINESS levels, a level for ≥ 1 stay matching in an establishment of the same département, for sources recording a stay under different FINESS numbers (legal entity and geographic establishment, or sites of one hospital group). Default false.",
    }),
  }),
};

function categoryList<Category extends string>(category: z.ZodType<Category>, what: string) {
  return z
    .array(category)
    .min(1)
    .optional()
    .meta({ description: `The ${what} categories to use as levels, most similar first (default: all).` });
}

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
  frenchNameComparison: (template) =>
    frenchNameComparison(template.columns ?? template.column ?? [], {
      ...(template.name === undefined ? {} : { name: template.name }),
      ...(template.phoneticAlgorithm === undefined ? {} : { phoneticAlgorithm: template.phoneticAlgorithm }),
      ...(template.thresholds === undefined ? {} : { thresholds: template.thresholds }),
      ...(template.termFrequency === undefined ? {} : { termFrequency: template.termFrequency }),
    }),
  partialBirthDateComparison: (template) =>
    partialBirthDateComparison(template.column, {
      ...(template.name === undefined ? {} : { name: template.name }),
      ...(template.categories === undefined ? {} : { categories: template.categories }),
    }),
  deathDateComparison: (template) =>
    deathDateComparison(template.column, {
      ...(template.name === undefined ? {} : { name: template.name }),
      ...(template.categories === undefined ? {} : { categories: template.categories }),
    }),
  communeComparison: (template) =>
    communeComparison(template.column, {
      ...(template.name === undefined ? {} : { name: template.name }),
      ...(template.categories === undefined ? {} : { categories: template.categories }),
      ...(template.pmsiCodes === undefined ? {} : { pmsiCodes: template.pmsiCodes }),
      ...(template.termFrequency === undefined ? {} : { termFrequency: template.termFrequency }),
    }),
  hospitalStaysComparison: (template) =>
    hospitalStaysComparison(template.column, {
      ...(template.name === undefined ? {} : { name: template.name }),
      ...(template.toleranceDays === undefined ? {} : { toleranceDays: template.toleranceDays }),
      ...(template.minimumMatches === undefined ? {} : { minimumMatches: template.minimumMatches }),
      ...(template.missingStays === undefined ? {} : { missingStays: template.missingStays }),
      ...(template.sameDepartementLevel === undefined
        ? {}
        : { sameDepartementLevel: template.sameDepartementLevel }),
    }),
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
  frenchNameComparison: "mostSimilarFirst",
  partialBirthDateComparison: "none",
  deathDateComparison: "none",
  communeComparison: "none",
  hospitalStaysComparison: "none",
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
  issues.push(...frenchTemplateIssues(template, jsonPath));
  return issues;
}

/** A French template names its columns once, and lists stay thresholds from the most matches down. */
function frenchTemplateIssues(template: ComparisonTemplate, jsonPath: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (template.template === "frenchNameComparison") {
    if ((template.column === undefined) === (template.columns === undefined)) {
      issues.push({
        jsonPath: `${jsonPath}.column`,
        message:
          template.column === undefined
            ? 'give the name column as "column", or several (birth name, usage name) as "columns".'
            : 'both "column" and "columns" are given: keep one.',
      });
    }
    if (template.termFrequency && (template.columns?.length ?? 1) > 1) {
      issues.push({
        jsonPath: `${jsonPath}.termFrequency`,
        message: "term-frequency adjustment needs a single name column: remove it, or compare one column.",
      });
    }
  }
  if (template.template === "hospitalStaysComparison" && template.minimumMatches !== undefined) {
    const matches = template.minimumMatches;
    for (let index = 1; index < matches.length; index++) {
      if (matches[index]! < matches[index - 1]!) continue;
      issues.push({
        jsonPath: `${jsonPath}.minimumMatches[${index}]`,
        message: `${matches[index]} comes after ${matches[index - 1]}, so its level could never be reached: list the numbers of stays from the largest to the smallest, with no repeats.`,
      });
    }
  }
  return issues;
}
