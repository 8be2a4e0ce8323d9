// Reads the config's input files into standardised Datasets, reporting progress and warnings. Only the
// columns a command needs are read, plus those standardisation derives them from.
import { basename, extname } from "node:path";
import {
  attachEventColumn,
  type ColumnStandardisation,
  type CsvReadResult,
  checkSpecAgainstColumns,
  columnsReadBySpec,
  DataError,
  type Dataset,
  standardiseDataset,
} from "linkage-core";
import { readCsvFile } from "linkage-core/node";
import type { InputConfig, LinkageConfig } from "./config.js";
import { readCsvHead } from "./read-csv-head.js";
import type { Reporter } from "./reporter.js";

export type ConfigInput = LinkageConfig["inputs"][number];

export interface LoadedInputs {
  readonly datasets: readonly Dataset[];
  /** Rows skipped because an input asked for `skipBadRows`, per input. */
  readonly skippedRows: readonly number[];
  /** What the CSV reader found, per input (headers, delimiter, encoding, line count). */
  readonly reads: readonly Omit<CsvReadResult, "dataset">[];
}

export interface LoadInputsOptions {
  /** Read every column of each file (for profiling), rather than those the config needs. */
  readonly allColumns?: boolean;
}

/**
 * Loads every input: the columns the config needs (`requiredColumns` plus `extraColumns`), or those the input
 * lists, or all of them with `allColumns`; then applies the input's standardisation.
 */
export async function loadInputs(
  config: LinkageConfig,
  reporter: Reporter,
  extraColumns: readonly string[] = [],
  options: LoadInputsOptions = {},
): Promise<LoadedInputs> {
  const datasets: Dataset[] = [];
  const skippedRows: number[] = [];
  const reads: Omit<CsvReadResult, "dataset">[] = [];
  for (const [index, input] of config.inputs.entries()) {
    const name = inputName(input);
    const needed = [...new Set([...config.requiredColumns, ...extraColumns])];
    // From the header alone: a misspelt column is reported with where the config uses it, before a long read.
    if (!options.allColumns) checkColumns(config, input, index, await availableColumns(input), needed);
    const plan = options.allColumns
      ? { columns: undefined, standardise: input.standardise ?? [] }
      : readPlan(input, withoutEventColumn(input, input.columns ?? needed));
    const { dataset, ...read } = await readCsvFile(input.absolutePath, {
      name,
      ...csvOptions(input),
      skipBadRows: input.skipBadRows ?? false,
      ...(plan.columns ? { columns: plan.columns.filter((column) => column !== input.idColumn) } : {}),
      onProgress: (done, total) => reporter.progress({ step: `reading ${name}`, done, total }),
    });
    for (const warning of read.warnings)
      reporter.warn({ code: warning.code, message: `${name}: ${warning.message}` });
    if (read.skippedRowCount > 0) {
      reporter.warn({
        code: "DATA_ROWS_SKIPPED",
        message: `${name}: ${read.skippedRowCount} bad rows skipped (first at line ${read.skippedRows[0]?.line}).`,
      });
    }
    const standardised = standardiseDataset(dataset, plan.standardise);
    for (const warning of standardised.warnings) {
      reporter.warn({ code: warning.code, message: `${name}: ${warning.message}` });
    }
    datasets.push(
      input.events
        ? await attachEvents(standardised.dataset, input.events, name, reporter)
        : standardised.dataset,
    );
    skippedRows.push(read.skippedRowCount);
    reads.push(read);
  }
  return { datasets, skippedRows, reads };
}

type ConfigEvents = NonNullable<ConfigInput["events"]>;

/** The stays column comes from the events file, not from the input's own file. */
function withoutEventColumn(input: ConfigInput, columns: readonly string[]): string[] {
  return columns.filter((column) => column !== input.events?.column);
}

/**
 * Reads the events file of an input (streaming, only its four columns) and folds the stays of each record into
 * the list-valued column the config names; events of unknown records and skipped events are reported.
 */
async function attachEvents(
  dataset: Dataset,
  events: ConfigEvents,
  name: string,
  reporter: Reporter,
): Promise<Dataset> {
  const eventsName = `${name} events`;
  const columns = [events.idColumn, events.finessColumn, events.admissionColumn, events.dischargeColumn];
  let read: CsvReadResult;
  try {
    read = await readCsvFile(events.absolutePath, {
      name: eventsName,
      columns: [...new Set(columns)],
      trimFields: true,
      ...(events.delimiter ? { delimiter: events.delimiter } : {}),
      ...(events.encoding ? { encoding: events.encoding } : {}),
      onProgress: (done, total) => reporter.progress({ step: `reading ${eventsName}`, done, total }),
    });
  } catch (error) {
    if (error instanceof DataError && error.code === "DATA_FILE_NOT_FOUND") {
      throw new DataError(
        "DATA_FILE_NOT_FOUND",
        `events file not found (the config gives "${events.path}").`,
        {
          file: events.absolutePath,
          hint: "Paths in a config are relative to the config file's folder.",
        },
      );
    }
    throw error;
  }
  for (const warning of read.warnings)
    reporter.warn({ code: warning.code, message: `${eventsName}: ${warning.message}` });
  const attached = attachEventColumn(dataset, read.dataset, {
    idColumn: events.idColumn,
    finessColumn: events.finessColumn,
    admissionColumn: events.admissionColumn,
    dischargeColumn: events.dischargeColumn,
    column: events.column,
    ...(events.invalidEvents ? { invalidEvents: events.invalidEvents } : {}),
  });
  if (attached.skippedEventCount > 0) {
    reporter.warn({
      code: "EVENTS_SKIPPED",
      message: `${eventsName}: ${attached.skippedEventCount} invalid events left out.`,
    });
  }
  return attached.dataset;
}

/** Every column the config uses that the input lacks, in one DataError naming the input and the JSON paths. */
function checkColumns(
  config: LinkageConfig,
  input: ConfigInput,
  index: number,
  available: readonly string[],
  needed: readonly string[],
): void {
  const issues = checkSpecAgainstColumns(config.spec, available);
  const listed = new Set(available);
  if (config.truth && !listed.has(config.truth.column)) {
    issues.push({
      jsonPath: "$.truth.column",
      message: `the truth column "${config.truth.column}" is not in the data.`,
    });
  }
  const known = new Set([...columnsReadBySpec(config.spec), config.truth?.column]);
  for (const column of needed) {
    if (!known.has(column) && !listed.has(column)) {
      issues.push({ jsonPath: `$.inputs[${index}]`, message: `column "${column}" is not in the data.` });
    }
  }
  if (issues.length === 0) return;
  const problems =
    issues.length === 1
      ? `${issues[0]!.jsonPath}: ${issues[0]!.message}`
      : `${issues.length} problems:\n${issues.map((issue) => `  - ${issue.jsonPath}: ${issue.message}`).join("\n")}`;
  throw new DataError(
    "DATA_MISSING_COLUMN",
    `input "${inputName(input)}" lacks a column the config uses: ${problems}`,
    {
      file: input.absolutePath,
      line: 1,
      hint: 'Check the spelling and case, or map the file\'s header to that name with "rename" in the input.',
    },
  );
}

/** The reader options an input asks for (the same for full reads and header checks). */
export function csvOptions(input: InputConfig) {
  return {
    ...(input.idColumn ? { idColumn: input.idColumn } : {}),
    ...(input.delimiter ? { delimiter: input.delimiter } : {}),
    ...(input.encoding ? { encoding: input.encoding } : {}),
    ...(input.rename ? { rename: input.rename } : {}),
    ...(input.nullValues ? { nullValues: input.nullValues } : {}),
    trimFields: input.trimFields ?? true,
  };
}

/**
 * Which file columns to read so that `needed` exists after standardisation, and which standardisations to run.
 * Walking the steps backwards finds what each needed column is derived from; a column only derived (the
 * `output` of a step) is not read from the file, and steps that feed nothing needed are left out.
 */
export function readPlan(
  input: InputConfig,
  needed: readonly string[],
): { readonly columns: string[]; readonly standardise: ColumnStandardisation[] } {
  const steps = input.standardise ?? [];
  const wanted = new Set(needed);
  const used = new Array<boolean>(steps.length).fill(false);
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index]!;
    const output = step.output ?? step.column;
    if (!wanted.has(output)) continue;
    used[index] = true;
    wanted.delete(output);
    wanted.add(step.column);
  }
  return {
    columns: [...wanted],
    standardise: steps.filter((_, index) => used[index]),
  };
}

/** Columns an input offers after renaming and standardisation, from its header alone. */
export async function availableColumns(input: ConfigInput): Promise<string[]> {
  let head: Awaited<ReturnType<typeof readCsvHead>>;
  try {
    head = await readCsvHead(input.absolutePath, { name: inputName(input), ...csvOptions(input) });
  } catch (error) {
    if (error instanceof DataError && error.code === "DATA_FILE_NOT_FOUND") {
      throw new DataError("DATA_FILE_NOT_FOUND", `input file not found (the config gives "${input.path}").`, {
        file: input.absolutePath,
        hint: "Paths in a config are relative to the config file's folder.",
      });
    }
    throw error;
  }
  const renamed = head.headers.map((header) => input.rename?.[header] ?? header);
  const outputs = (input.standardise ?? []).map((step) => step.output ?? step.column);
  const events = input.events ? [input.events.column] : [];
  return [...new Set([...renamed, ...outputs, ...events])].filter(
    (column) => column !== "" && column !== input.idColumn,
  );
}

export function inputName(input: InputConfig & { readonly absolutePath: string }): string {
  return input.name ?? basename(input.absolutePath, extname(input.absolutePath));
}
