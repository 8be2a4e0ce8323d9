// Reads a model file back: JSON, then format version, then shape (zod), then consistency of the numbers.
import { z } from "zod";
import { jsonPathOf, ModelError, type SpecIssue } from "../errors.js";
import {
  MODEL_FORMAT_VERSION,
  MODEL_KIND,
  type ModelFile,
  SUPPORTED_MODEL_FORMAT_VERSIONS,
} from "./model-file.js";
import { ModelFileError } from "./model-file-error.js";

const probability = z.number().min(0).max(1);
const count = z.number().int().min(0);

const comparisonParametersSchema = z.object({
  name: z.string().min(1),
  levelLabels: z.array(z.string()).min(1),
  m: z.array(probability).min(1),
  u: z.array(probability).min(1),
});

/** The spec is only checked loosely here; the caller re-parses it with parseSpec. */
const specSchema = z.looseObject({
  linkType: z.enum(["dedupe", "link", "linkAndDedupe"]),
  comparisons: z.array(z.looseObject({ name: z.string().min(1) })),
});

const warningSchema = z.object({ code: z.string(), message: z.string(), comparison: z.string().optional() });

const modelFileSchema = z.object({
  formatVersion: z.literal(MODEL_FORMAT_VERSION),
  kind: z.literal(MODEL_KIND),
  createdBy: z.string(),
  createdAt: z.string().optional(),
  spec: specSchema,
  parameters: z.object({
    priorMatchProbability: z.number().gt(0).lt(1),
    comparisons: z.array(comparisonParametersSchema),
  }),
  training: z.object({
    sessions: z.array(
      z.object({
        name: z.string(),
        fixedComparisons: z.array(z.string()),
        pairCount: count,
        iterations: count,
        converged: z.boolean(),
        logLikelihood: z.number().optional(),
      }),
    ),
    uSampleSize: count,
    priorSource: z.enum(["spec", "deterministicRules", "expectationMaximisation", "labels"]),
    counts: z.object({
      recordCount: count.optional(),
      candidatePairCount: count.optional(),
      deterministicMatchCount: count.optional(),
      labelledPairCount: count.optional(),
    }),
    warnings: z.array(warningSchema),
    iterations: count,
    converged: z.boolean(),
  }),
  termFrequencyTables: z
    .array(
      z.object({
        comparison: z.string(),
        column: z.string(),
        frequencies: z.record(z.string(), z.number().gt(0).max(1)),
      }),
    )
    .optional(),
});

/** How far a level distribution may be from summing to 1 (rounding when written by other tools). */
const SUM_TOLERANCE = 1e-6;

/**
 * Parses and checks a model file. Throws ModelFileError (MODEL_INVALID) listing every problem with its JSON
 * path, or ModelError MODEL_VERSION_UNSUPPORTED for a format version this version cannot read. `source` (a
 * file name) only goes into the error location.
 */
export function parseModelFile(text: string, source?: string): ModelFile {
  const location = source === undefined ? {} : { file: source };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // The parser's message may quote the file (and so record values): report the position only.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    const where = position === undefined ? {} : lineAndColumn(text, Number(position));
    throw new ModelError(
      "MODEL_INVALID",
      `the model file is not valid JSON${position ? ` (at character ${position})` : ""}.`,
      {
        ...location,
        ...where,
        hint: "Use a model file written by `linkage train`, unmodified.",
      },
    );
  }
  checkKindAndVersion(data, location);
  const parsed = modelFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ModelFileError(
      parsed.error.issues.map((issue) => ({ jsonPath: jsonPath(issue.path), message: issue.message })),
      location,
    );
  }
  const model = parsed.data as unknown as ModelFile;
  const issues = consistencyIssues(model);
  if (issues.length > 0) throw new ModelFileError(issues, location);
  return model;
}

function checkKindAndVersion(data: unknown, location: { file?: string }): void {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ModelFileError([{ jsonPath: "$", message: "a model file must be a JSON object." }], location);
  }
  const record = data as Record<string, unknown>;
  if (record.kind !== MODEL_KIND) {
    throw new ModelFileError(
      [{ jsonPath: "$.kind", message: `expected "${MODEL_KIND}": this is not a linkage model file.` }],
      location,
    );
  }
  const version = record.formatVersion;
  if (typeof version !== "number" || !SUPPORTED_MODEL_FORMAT_VERSIONS.includes(version)) {
    throw new ModelError(
      "MODEL_VERSION_UNSUPPORTED",
      `model formatVersion ${JSON.stringify(version ?? null)} is not supported; this version reads formatVersion ${SUPPORTED_MODEL_FORMAT_VERSIONS.join(", ")}.`,
      {
        ...location,
        jsonPath: "$.formatVersion",
        hint: "Retrain the model with this version of linkage, or use the linkage version that wrote it.",
      },
    );
  }
}

/** Checks the zod schema cannot express: matching lengths, distributions summing to 1, names lining up. */
function consistencyIssues(model: ModelFile): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const comparisons = model.parameters.comparisons;
  comparisons.forEach((comparison, index) => {
    const path = `$.parameters.comparisons[${index}]`;
    const levels = comparison.levelLabels.length;
    if (comparison.m.length !== levels || comparison.u.length !== levels) {
      issues.push({
        jsonPath: path,
        message: `comparison "${comparison.name}" has ${levels} level labels, ${comparison.m.length} m and ${comparison.u.length} u values; they must match.`,
      });
    }
    for (const key of ["m", "u"] as const) {
      const total = comparison[key].reduce((sum, value) => sum + value, 0);
      if (Math.abs(total - 1) > SUM_TOLERANCE) {
        issues.push({
          jsonPath: `${path}.${key}`,
          message: `${key} must sum to 1 over the levels, sums to ${total}.`,
        });
      }
    }
  });
  const specComparisons = model.spec.comparisons;
  if (specComparisons.length !== comparisons.length) {
    issues.push({
      jsonPath: "$.parameters.comparisons",
      message: `the spec has ${specComparisons.length} comparisons but the parameters have ${comparisons.length}.`,
    });
  } else {
    specComparisons.forEach((comparison, index) => {
      if (comparison.name !== comparisons[index]!.name) {
        issues.push({
          jsonPath: `$.parameters.comparisons[${index}].name`,
          message: `is "${comparisons[index]!.name}" but comparison ${index} of the spec is "${comparison.name}".`,
        });
      }
    });
  }
  const names = new Set(comparisons.map((comparison) => comparison.name));
  model.termFrequencyTables?.forEach((table, index) => {
    if (!names.has(table.comparison)) {
      issues.push({
        jsonPath: `$.termFrequencyTables[${index}].comparison`,
        message: `names comparison "${table.comparison}", which the model does not have.`,
      });
    }
  });
  return issues;
}

/**
 * zod's path as a JSON path: `$.parameters.comparisons[0].m[1]`. Keys of a term-frequency table are column
 * values, so they are masked rather than written into messages.
 */
function jsonPath(path: readonly PropertyKey[]): string {
  const isTableValue = path[0] === "termFrequencyTables" && path[2] === "frequencies" && path.length > 3;
  if (!isTableValue) return jsonPathOf("$", path);
  return jsonPathOf(`${jsonPathOf("$", path.slice(0, 3))}[<value>]`, path.slice(4));
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return { line, column: position - before.lastIndexOf("\n") };
}
