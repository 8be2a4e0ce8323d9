// The config file of `linkage run`: a linkage spec plus where the inputs are, how to read and standardise
// them, and where outputs go. Every problem is reported at once with its JSON path.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type ParseError, type ParseErrorCode, parse as parseJsonc, printParseErrorCode } from "jsonc-parser";
import {
  type ColumnStandardisation,
  columnsReadBySpec,
  DataError,
  jsonPathOf,
  type LinkageSpec,
  linkageSpecSchema,
  parseSpec,
  SpecError,
  type SpecIssue,
  standardisationSchema,
} from "linkage-core";
import { z } from "zod";

const eventsSchema = z
  .strictObject({
    path: z
      .string()
      .min(1)
      .meta({ description: "CSV file of events (one row per hospital stay), relative to the config file." }),
    idColumn: z
      .string()
      .min(1)
      .meta({ description: "Column of the events holding the id of the input's record." }),
    finessColumn: z.string().min(1).meta({ description: "Column of the establishment's FINESS number." }),
    admissionColumn: z.string().min(1).meta({ description: "Column of the admission date." }),
    dischargeColumn: z.string().min(1).meta({ description: "Column of the discharge date." }),
    column: z.string().min(1).default("stays").meta({
      description:
        'Name of the list-valued column added to the input ("FINESS|admission|discharge;…", default "stays").',
    }),
    delimiter: z.enum([",", ";", "\t", "|", "auto"]).optional(),
    encoding: z.enum(["utf-8", "latin1"]).optional(),
    invalidEvents: z.enum(["error", "skip"]).optional().meta({
      description: "An event with an empty FINESS or an unreadable date: stop (default) or leave it out.",
    }),
  })
  .meta({
    description:
      "Hospital stays of the input's records, read from a separate file as the SNDS stores them, folded into one column.",
  });

const inputSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Name of the input in outputs (default: file stem)." }),
    path: z.string().min(1).meta({ description: "CSV file, relative to the config file." }),
    idColumn: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Column of unique record ids (default: row numbers)." }),
    delimiter: z.enum([",", ";", "\t", "|", "auto"]).optional(),
    encoding: z.enum(["utf-8", "latin1"]).optional(),
    columns: z.array(z.string().min(1)).optional().meta({
      description: "Columns to read (default: those the comparisons, blocking rules and truth use).",
    }),
    rename: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "Header in the file → column name." }),
    trimFields: z.boolean().optional(),
    nullValues: z.array(z.string()).optional(),
    skipBadRows: z.boolean().optional(),
    standardise: standardisationSchema.optional(),
    events: eventsSchema.optional(),
  })
  .meta({ description: "One input file." });

const outputSchema = z
  .strictObject({
    directory: z
      .string()
      .min(1)
      .default("linkage-output")
      .meta({ description: "Output folder, relative to the config file." }),
    pairsMinimumProbability: z
      .number()
      .min(0)
      .max(1)
      .default(0.01)
      .meta({ description: "pairs.csv keeps scored pairs whose match probability is at least this." }),
  })
  .prefault({});

const truthSchema = z
  .strictObject({
    column: z.string().min(1).meta({ description: "Column holding the true entity id of each record." }),
  })
  .meta({ description: "Known truth, for evaluation (never used in training)." });

const configOnlyKeys = ["inputs", "output", "truth"] as const;

/** The config file's JSON Schema source: the spec's fields plus inputs, output and truth. */
export const linkageConfigSchema = linkageSpecSchema
  .extend({
    inputs: z.array(inputSchema).min(1),
    output: outputSchema,
    truth: truthSchema.optional(),
  })
  .meta({ title: "linkage config", description: "A linkage run: inputs, spec and outputs." });

export type InputConfig = z.output<typeof inputSchema>;
export type EventsConfig = z.output<typeof eventsSchema>;

export interface LinkageConfig {
  /** Absolute path of the config file (or "<memory>"). */
  readonly source: string;
  readonly spec: LinkageSpec;
  readonly inputs: readonly (InputConfig & {
    readonly absolutePath: string;
    /** The events file of the input, its path resolved. */
    readonly events?: EventsConfig & { readonly absolutePath: string };
  })[];
  readonly output: { readonly directory: string; readonly pairsMinimumProbability: number };
  readonly truth?: { readonly column: string };
  /** Columns every input must provide (comparisons, blocking, truth). */
  readonly requiredColumns: readonly string[];
}

/** Reads and checks a config file; relative paths inside it are resolved against its folder. */
export async function loadConfig(path: string): Promise<LinkageConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new DataError("CONFIG_NOT_FOUND", `cannot read the config file: ${(error as Error).message}.`, {
      file: path,
      hint: "Check the path, or create a starter config with `linkage init`.",
    });
  }
  return parseConfig(parseJsonWithComments(text, path), path);
}

/**
 * Parses JSON that may hold comments and trailing commas (so starter configs can explain themselves);
 * syntax errors are reported with their line and column.
 */
export function parseJsonWithComments(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first !== undefined) {
    const before = text.slice(0, first.offset);
    const line = before.split("\n").length;
    const column = first.offset - before.lastIndexOf("\n");
    throw new SpecError(
      [
        {
          jsonPath: "$",
          message: `not valid JSON at line ${line}, column ${column}: ${parseErrorText(first.error)}.`,
        },
      ],
      { file, line, column },
    );
  }
  return value;
}

/** "CommaExpected" → "comma expected". */
function parseErrorText(code: ParseErrorCode): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** Checks a parsed config object, reporting every problem (spec and config parts) in one SpecError. */
export function parseConfig(json: unknown, source: string): LinkageConfig {
  const issues: SpecIssue[] = [];
  const fields: Record<string, unknown> =
    json !== null && typeof json === "object" && !Array.isArray(json) ? { ...json } : {};
  if (Object.keys(fields).length === 0)
    issues.push({ jsonPath: "$", message: "the config must be a JSON object." });
  const configPart: Record<string, unknown> = {};
  for (const key of configOnlyKeys) {
    if (key in fields) configPart[key] = fields[key];
    delete fields[key];
  }
  const configOnly = z
    .strictObject({
      inputs: z.array(inputSchema).min(1),
      output: outputSchema,
      truth: truthSchema.optional(),
    })
    .safeParse(configPart);
  if (!configOnly.success) {
    for (const issue of configOnly.error.issues) {
      issues.push({ jsonPath: jsonPathOf("$", issue.path), message: issue.message });
    }
  }
  let spec: LinkageSpec | undefined;
  try {
    spec = parseSpec(fields);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0 || spec === undefined || !configOnly.success) {
    throw new SpecError(sortIssues(issues), { file: source });
  }
  const folder = source === "<memory>" ? process.cwd() : dirname(resolve(source));
  const { inputs, output, truth } = configOnly.data;
  const required = [...columnsReadBySpec(spec)];
  if (truth) required.push(truth.column);
  return {
    source,
    spec,
    inputs: inputs.map(({ events, ...input }) => ({
      ...input,
      absolutePath: resolve(folder, input.path),
      ...(events ? { events: { ...events, absolutePath: resolve(folder, events.path) } } : {}),
    })),
    output: { ...output, directory: resolve(folder, output.directory) },
    ...(truth ? { truth } : {}),
    requiredColumns: [...new Set(required)],
  };
}

/** Standardisation of one input, for the loader. */
export function inputStandardisation(input: InputConfig): readonly ColumnStandardisation[] {
  return input.standardise ?? [];
}

function sortIssues(issues: readonly SpecIssue[]): SpecIssue[] {
  return [...issues].sort((a, b) => a.jsonPath.localeCompare(b.jsonPath));
}
