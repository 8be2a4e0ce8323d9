// `linkage generate` and `linkage demo`: synthetic French cohorts, and a linkage of one against its truth.
import { readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { cellValue, DataError, evaluateLinks, truthFromPairs } from "linkage-core";
import { readCsvFile, writeFileAtomic, writeSyntheticCohort } from "linkage-core/node";
import { loadConfig } from "../config.js";
import type { CliIo } from "../io.js";
import { OutputFolder } from "../output/output-folder.js";
import type { Reporter } from "../reporter.js";
import { type GlobalOptions, reporterFor, withOutputOptions } from "./common.js";
import { demoConfigText } from "./demo-config.js";
import { runConfig } from "./run.js";

const scenarios = ["registry-snds", "identity-pair", "warehouse-duplicates"] as const;
type Scenario = (typeof scenarios)[number];

interface GenerateOptions extends GlobalOptions {
  readonly output: string;
  readonly seed?: string;
  readonly size?: string;
  readonly options?: string;
  readonly force?: boolean;
}

interface DemoOptions extends GlobalOptions {
  readonly output: string;
  readonly size: string;
  readonly seed: string;
}

export function registerSyntheticCommands(program: Command, io: CliIo): void {
  withOutputOptions(
    program
      .command("generate")
      .description("write a synthetic French cohort (CSV files, truth and manifest.json) into a folder")
      .argument("<scenario>", `one of: ${scenarios.join(", ")}`)
      .requiredOption("-o, --output <folder>", "folder to write")
      .option("--seed <seed>", "seed of every random choice (same seed, same files)")
      .option("--size <records>", "main size: SNDS persons, records per source, or warehouse records")
      .option("--options <file>", "JSON file of scenario options (see docs/synthetic-cohorts.md)")
      .option("-f, --force", "replace an existing folder")
      .addHelpText(
        "after",
        "\nExample:\n  linkage generate identity-pair --size 20000 --seed 7 -o cohort/\n",
      ),
  ).action(async (scenario: string, options: GenerateOptions) => {
    const reporter = reporterFor(io, options);
    await generateCommand(scenario, options, io, reporter);
  });

  withOutputOptions(
    program
      .command("demo")
      .description("generate a synthetic French cohort, link it, and print the quality against its truth")
      .option("-o, --output <folder>", "demo folder (replaced at each run)", "linkage-demo")
      .option("--size <records>", "records per source", "20000")
      .option("--seed <seed>", "seed of the cohort", "2026"),
  ).action(async (options: DemoOptions) => {
    await demoCommand(options, io, reporterFor(io, options));
  });
}

async function generateCommand(scenario: string, options: GenerateOptions, io: CliIo, reporter: Reporter) {
  if (!(scenarios as readonly string[]).includes(scenario)) {
    throw new DataError("SYNTHETIC_SCENARIO_UNKNOWN", `unknown scenario "${scenario}".`, {
      hint: `Use one of: ${scenarios.join(", ")}.`,
    });
  }
  const fileOptions = options.options ? await readOptionsFile(resolve(io.cwd, options.options)) : {};
  const scenarioOptions = {
    ...fileOptions,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.size !== undefined
      ? sizeOptions(scenario as Scenario, positiveInteger(options.size, "--size"))
      : {}),
  };
  const folder = await OutputFolder.open(resolve(io.cwd, options.output), { force: options.force ?? false });
  try {
    const manifest = await writeSyntheticCohort(scenario as Scenario, scenarioOptions, folder.stagingPath, {
      onProgress: (progress) =>
        reporter.progress({ step: `writing ${progress.table}`, done: progress.rowsWritten, total: 0 }),
    });
    await folder.commit();
    const lines = manifest.files.map(
      (file) => `  ${file.file.padEnd(24)} ${file.rows.toLocaleString("en-US")} rows (${file.role})`,
    );
    reporter.result(
      `Synthetic cohort "${scenario}" (seed ${manifest.seed}) written to ${folder.directory}\n${lines.join("\n")}`,
      manifest,
    );
  } catch (error) {
    await folder.abort();
    throw error;
  }
}

/** The scenario option that --size sets. */
function sizeOptions(scenario: Scenario, size: number): Record<string, number> {
  if (scenario === "registry-snds")
    return { sndsPersonCount: size, registryPersonCount: Math.max(1, Math.round(size / 20)) };
  if (scenario === "identity-pair") return { sourceARecordCount: size, sourceBRecordCount: size };
  return { recordCount: size };
}

async function demoCommand(options: DemoOptions, io: CliIo, reporter: Reporter) {
  const started = performance.now();
  const root = resolve(io.cwd, options.output);
  const size = positiveInteger(options.size, "--size");
  // The demo folder belongs to the demo: it is replaced at each run (each file in it is written atomically).
  await rm(root, { recursive: true, force: true });
  reporter.info(
    `Generating two synthetic French sources of ${size.toLocaleString("en-US")} records (seed ${options.seed})…`,
  );
  await writeSyntheticCohort(
    "identity-pair",
    { seed: options.seed, sourceARecordCount: size, sourceBRecordCount: size },
    join(root, "data"),
  );
  const configPath = join(root, "linkage.config.json");
  await writeFileAtomic(configPath, demoConfigText("data", "results"));
  reporter.info(`Linking them with ${configPath}…`);
  const summary = await runConfig(await loadConfig(configPath), { force: true }, reporter);
  const quality = await scoreLinks(join(root, "results", "links.csv"), join(root, "data", "truth.csv"));
  const seconds = (performance.now() - started) / 1000;
  const text = [
    `Linked ${size.toLocaleString("en-US")} × ${size.toLocaleString("en-US")} synthetic records in ${seconds.toFixed(1)} s.`,
    `  candidate pairs: ${summary.blocking.candidatePairs.toLocaleString("en-US")}`,
    `  links: ${quality.links.toLocaleString("en-US")} (true pairs in the cohort: ${quality.truePairs.toLocaleString("en-US")})`,
    `  precision ${quality.precision.toFixed(4)}  recall ${quality.recall.toFixed(4)}  F1 ${quality.f1.toFixed(4)}`,
    `Everything is in ${root}: data/ (the cohort and its truth), linkage.config.json, and results/`,
    "(model.json, pairs.csv, links.csv, summary.json).",
  ].join("\n");
  reporter.result(text, { seconds, ...quality, summary });
}

/** Precision, recall and F1 of a links.csv against a truth file of true id pairs (both two id columns). */
async function scoreLinks(linksPath: string, truthPath: string) {
  const [links, truthFile] = await Promise.all([
    readIdPairs(linksPath, ["id_l", "id_r"]),
    readIdPairs(truthPath, ["source_a_id", "source_b_id"]),
  ]);
  // Rows are the ids seen in either file: entity codes come from the true pairs.
  const rowOf = new Map<string, number>();
  const row = (id: string) => {
    let index = rowOf.get(id);
    if (index === undefined) {
      index = rowOf.size;
      rowOf.set(id, index);
    }
    return index;
  };
  for (const [a, b] of truthFile) {
    row(a);
    row(b);
  }
  const left = Int32Array.from(links, ([a]) => row(a));
  const right = Int32Array.from(links, ([, b]) => row(b));
  const { truth } = truthFromPairs([...rowOf.keys()], truthFile);
  const evaluation = evaluateLinks({ left, right, truth, linkType: "dedupe" });
  return { links: links.length, truePairs: truthFile.length, ...pick(evaluation) };
}

function pick(evaluation: { precision: number; recall: number; f1: number }) {
  return { precision: evaluation.precision, recall: evaluation.recall, f1: evaluation.f1 };
}

/** Two id columns of a CSV file as id pairs. */
async function readIdPairs(path: string, columns: readonly [string, string]): Promise<[string, string][]> {
  const { dataset } = await readCsvFile(path, { columns });
  const [first, second] = columns.map((name) => dataset.columns.get(name)!);
  return Array.from({ length: dataset.rowCount }, (_, index): [string, string] => [
    cellValue(first!, index) ?? "",
    cellValue(second!, index) ?? "",
  ]);
}

async function readOptionsFile(path: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new DataError(
      "SYNTHETIC_OPTIONS_UNREADABLE",
      `cannot read the options file: ${(error as Error).message}.`,
      {
        file: path,
        hint: "Give a JSON object of scenario options (see docs/synthetic-cohorts.md).",
      },
    );
  }
}

function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new DataError("USAGE_INVALID_NUMBER", `${option} must be a whole number ≥ 1, got "${text}".`);
  }
  return value;
}
