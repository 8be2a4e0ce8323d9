// `linkage init <file.csv> [<file2.csv>]`: reads the header and first rows of one or two files, guesses what
// each column holds, and writes a commented starter config (JSON with comments) that loads and runs as is.
import { existsSync } from "node:fs";
import { basename, dirname, extname, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import {
  type CombinedDataset,
  type CsvEncoding,
  combineDatasets,
  countCandidatePairs,
  LinkageError,
} from "linkage-core";
import { writeFileAtomic } from "linkage-core/node";
import { type LinkageConfig, parseConfig, parseJsonWithComments } from "../config.js";
import { guessColumnRole, isFrenchHeader } from "../init/column-roles.js";
import { type AnalysedFile, buildStarterConfig, type StarterConfig } from "../init/starter-config.js";
import type { CliIo } from "../io.js";
import { loadInputs } from "../load-inputs.js";
import { textTable } from "../output/text-table.js";
import { type CsvHead, readCsvHead } from "../read-csv-head.js";
import { Reporter } from "../reporter.js";
import {
  type GlobalOptions,
  refuseExistingFile,
  reporterFor,
  resolvePath,
  withExamples,
  withOutputOptions,
} from "./common.js";

export interface InitCommandOptions {
  /** Config file to write. */
  readonly output: string;
  readonly force?: boolean;
}

export interface InitResult {
  readonly configFile: string;
  readonly linkType: StarterConfig["linkType"];
  readonly inputs: readonly {
    readonly file: string;
    readonly delimiter: string;
    readonly encoding: CsvEncoding;
    readonly sampleRows: number;
    readonly idColumn: string | null;
    readonly columns: readonly {
      readonly column: string;
      readonly role: string | null;
      readonly reason: string;
    }[];
  }[];
  readonly comparisons: StarterConfig["comparisons"];
  readonly blockingRules: readonly string[];
}

/** Bytes sampled per file: a few thousand rows, enough to recognise columns, read in a blink. */
const SAMPLE_BYTES = 1 << 20;

/** The config's JSON Schema, shipped with the command. */
const SCHEMA_FILE = fileURLToPath(new URL("../../schema/linkage-config.schema.json", import.meta.url));

export function registerInitCommand(program: Command, io: CliIo): void {
  const command = program
    .command("init")
    .description("write a commented starter config from one CSV file (deduplicate) or two (link)")
    .argument("<files...>", "CSV file to deduplicate, or two CSV files to link")
    .option("-o, --output <file>", "config file to write", "linkage.config.json")
    .option("-f, --force", "replace an existing config file");
  withExamples(withOutputOptions(command), [
    "linkage init cohort.csv snds.csv -o cohort-snds.config.json",
    "linkage init registry.csv",
  ]).action(async (files: string[], options: GlobalOptions & InitCommandOptions) => {
    if (files.length > 2)
      command.error("error: give one file (to deduplicate) or two (to link)", { exitCode: 2 });
    await initCommand(
      files.map((file) => resolvePath(io, file)),
      { ...options, output: resolvePath(io, options.output) },
      reporterFor(io, options),
    );
  });
}

export async function initCommand(
  files: readonly string[],
  options: InitCommandOptions,
  reporter: Reporter,
): Promise<InitResult> {
  await refuseExistingFile(options.output, options.force);
  const configFolder = dirname(options.output);
  const analysed: AnalysedFile[] = [];
  const heads: CsvHead[] = [];
  for (const file of files) {
    const { head, encodingReason } = await sampleFile(file);
    heads.push(head);
    const columns = [...head.dataset.columns.values()];
    analysed.push({
      name: uniqueName(basename(file, extname(file)), analysed),
      configPath: portablePath(relative(configFolder, file)),
      delimiter: head.delimiter,
      encoding: head.encoding,
      encodingReason,
      sampleRows: head.dataset.rowCount,
      guesses: columns.map((column) => guessColumnRole(column, head.dataset.rowCount)),
    });
  }
  heads.forEach((head, index) => {
    if (head.skippedRowCount === 0) return;
    const first = head.skippedRows[0]!;
    reporter.warn({
      code: "INIT_BAD_ROWS",
      message: `${analysed[index]!.name}: ${head.skippedRowCount} of the rows read cannot be read (first at line ${first.line}: ${first.code}); a run will stop there unless the file is fixed or the input sets "skipBadRows": true.`,
    });
  });
  // French headers, INSEE commune codes or French postal codes: French data, so French phonetic codes.
  const french = analysed.some((file) =>
    file.guesses.some(
      (guess) => isFrenchHeader(guess.header) || guess.role === "commune" || guess.frenchPostalCodes === true,
    ),
  );
  const schemaPath = existsSync(SCHEMA_FILE) ? portablePath(relative(configFolder, SCHEMA_FILE)) : undefined;
  const settings = { french, ...(schemaPath ? { schemaPath } : {}) };
  let starter = buildStarterConfig(analysed, settings);
  const config = checkStarterConfig(starter.text, options.output);
  // When the files were read whole, a rule that makes no pair is known to be useless (and would stop training).
  if (heads.every((head) => head.complete)) {
    const emptyRules = await rulesWithoutPairs(config);
    if (emptyRules.length > 0) {
      starter = buildStarterConfig(analysed, { ...settings, emptyRules });
      checkStarterConfig(starter.text, options.output);
    }
  }
  await writeFileAtomic(options.output, starter.text);
  const result: InitResult = {
    configFile: options.output,
    linkType: starter.linkType,
    inputs: analysed.map((file, index) => ({
      file: files[index]!,
      delimiter: file.delimiter,
      encoding: file.encoding,
      sampleRows: file.sampleRows,
      idColumn: starter.idColumns[index] ?? null,
      columns: file.guesses.map((guess) => ({
        column: guess.header,
        role: guess.role ?? null,
        reason: guess.reason,
      })),
    })),
    comparisons: starter.comparisons,
    blockingRules: starter.blockingRules,
  };
  reporter.result(renderInitResult(result), result);
  return result;
}

/** The promise of `init`: what it writes loads. A failure here is a bug in the generator, not the user's. */
function checkStarterConfig(text: string, path: string): LinkageConfig {
  try {
    return parseConfig(parseJsonWithComments(text, path), path);
  } catch (error) {
    const detail = error instanceof LinkageError ? error.describe() : String(error);
    throw new Error(`linkage init generated a config that does not load: ${detail}`);
  }
}

/** Positions of the blocking rules that make no candidate pair on the inputs (read in full). */
async function rulesWithoutPairs(config: LinkageConfig): Promise<number[]> {
  const silent = new Reporter({ stdout: () => {}, stderr: () => {}, interactive: false, cwd: "." }, "quiet");
  let dataset: CombinedDataset;
  try {
    dataset = combineDatasets((await loadInputs(config, silent)).datasets);
  } catch (error) {
    // Unreadable rows were reported already; without the data, every rule is kept.
    if (error instanceof LinkageError) return [];
    throw error;
  }
  return config.spec.blockingRules.flatMap((rule, index) =>
    countCandidatePairs(dataset, [rule], config.spec.linkType).totalPairs === 0 ? [index] : [],
  );
}

/** The first rows of a file, read as UTF-8 unless its bytes say Latin-1 (Windows-1252). */
async function sampleFile(file: string): Promise<{ head: CsvHead; encodingReason: string }> {
  const read = (encoding: CsvEncoding) =>
    readCsvHead(file, { delimiter: "auto", encoding, trimFields: true, maxBytes: SAMPLE_BYTES });
  try {
    const head = await read("utf-8");
    if (!head.skippedRows.some((row) => row.code === "DATA_INVALID_ENCODING")) {
      return { head, encodingReason: "the rows read are valid UTF-8" };
    }
  } catch (error) {
    // A UTF-16 file fails the same way in Latin-1, with the same clear message.
    if (!(error instanceof LinkageError && error.code === "DATA_INVALID_ENCODING")) throw error;
  }
  return {
    head: await read("latin1"),
    encodingReason:
      "bytes that are not UTF-8 found: read as Latin-1 (Windows-1252), as French spreadsheets and SAS export",
  };
}

function uniqueName(stem: string, earlier: readonly AnalysedFile[]): string {
  let name = stem;
  for (let suffix = 2; earlier.some((file) => file.name === name); suffix++) name = `${stem}_${suffix}`;
  return name;
}

/** Paths in configs use `/`, so that a config written on Windows runs elsewhere. */
function portablePath(path: string): string {
  return path.split(sep).join("/");
}

export function renderInitResult(result: InitResult): string {
  const lines = [`Starter config (${result.linkType}) written to ${result.configFile}`, ""];
  for (const input of result.inputs) {
    lines.push(
      `${input.file}: delimiter ${JSON.stringify(input.delimiter)}, ${input.encoding}, ${input.sampleRows} rows sampled, id column ${input.idColumn ? `"${input.idColumn}"` : "none (row numbers)"}`,
    );
    lines.push(
      ...textTable(
        ["column", "role", "why"],
        input.columns.map((column) => [column.column, column.role ?? "–", column.reason]),
        { align: ["left", "left", "left"] },
      ),
    );
    lines.push("");
  }
  lines.push(`Comparisons: ${result.comparisons.map((comparison) => comparison.column).join(", ")}`);
  lines.push(`Blocking rules: ${result.blockingRules.join("; ")}`);
  lines.push("", "Next: read the config's comments, then");
  lines.push(`  linkage profile ${result.configFile} --hide-values`);
  lines.push(`  linkage blocking ${result.configFile}`);
  lines.push(`  linkage run ${result.configFile}`);
  return `${lines.join("\n")}\n`;
}
