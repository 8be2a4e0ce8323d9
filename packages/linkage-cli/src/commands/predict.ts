// `linkage predict <config> --model <model.json>`: scores the config's inputs with a saved model (no training)
// and writes pairs.csv, the decisions and summary.json into an output folder, all or nothing.

import type { Command } from "commander";
import { loadConfig } from "../config.js";
import type { CliIo } from "../io.js";
import { loadInputs } from "../load-inputs.js";
import { checkInputsFitModel, configForModel, loadModel } from "../load-model.js";
import { OutputFolder } from "../output/output-folder.js";
import { buildSummary, type RunSummary, renderSummary } from "../output/summary.js";
import { writeDecisions } from "../output/write-results.js";
import type { Reporter } from "../reporter.js";
import {
  evaluateResult,
  type GlobalOptions,
  reporterFor,
  resolvePath,
  threadsOption,
  withExamples,
  withOutputOptions,
} from "./common.js";
import { linkStreaming } from "./run.js";

export interface PredictCommandOptions {
  readonly model: string;
  /** Output folder (default: the config's output.directory). */
  readonly output?: string;
  readonly force?: boolean;
  /** Threads comparing and scoring pairs (default: every core). */
  readonly threads?: number;
}

export type PredictSummary = RunSummary & { readonly modelFile: string };

export function registerPredictCommand(program: Command, io: CliIo): void {
  const command = program
    .command("predict")
    .description(
      "score the config's inputs with a saved model (no training) and write pairs.csv and summary.json",
    )
    .argument("<config>", "config file (JSON with comments): its inputs are scored")
    .requiredOption("-m, --model <file>", "model file written by `linkage train`")
    .option("-o, --output <folder>", "output folder (default: the config's output.directory)")
    .option("-f, --force", "replace an existing output folder")
    .addOption(threadsOption());
  withExamples(withOutputOptions(command), [
    "linkage predict new-data.config.json --model model.json -o predictions",
    "linkage predict new-data.config.json --model model.json -o predictions --force --quiet",
  ]).action(async (config: string, options: GlobalOptions & PredictCommandOptions) => {
    await predictCommand(
      resolvePath(io, config),
      {
        ...options,
        model: resolvePath(io, options.model),
        ...(options.output ? { output: resolvePath(io, options.output) } : {}),
      },
      reporterFor(io, options),
    );
  });
}

export async function predictCommand(
  configPath: string,
  options: PredictCommandOptions,
  reporter: Reporter,
): Promise<PredictSummary> {
  const config = await loadConfig(configPath);
  const loaded = await loadModel(options.model);
  const modelConfig = configForModel(config, loaded);
  // From the headers alone: a model that does not fit is refused before anything is read or written.
  await checkInputsFitModel(modelConfig, loaded);
  const directory = options.output ?? config.output.directory;
  const folder = await OutputFolder.open(directory, { force: options.force ?? false });
  try {
    const readingStart = performance.now();
    const inputs = await loadInputs(modelConfig, reporter);
    const readingMs = performance.now() - readingStart;
    const streamed = await linkStreaming(modelConfig, inputs, folder, reporter, {
      threads: options.threads,
      parameters: loaded.model.parameters,
    });
    const { result, pairsWritten } = streamed;
    const writingStart = performance.now();
    await writeDecisions(folder, result);
    const evaluation = config.truth ? evaluateResult(result, config.truth.column) : undefined;
    const summary = buildSummary({
      result,
      skippedRows: inputs.skippedRows,
      pairsWritten,
      readingMs,
      ...(evaluation ? { evaluation } : {}),
    });
    const complete: PredictSummary = {
      ...summary,
      modelFile: options.model,
      threads: streamed.threads,
      timingsMs: {
        ...summary.timingsMs,
        writingMs: Math.round(performance.now() - writingStart + streamed.writingMs),
      },
    };
    await folder.writeText("summary.json", `${JSON.stringify(complete, null, 2)}\n`);
    await folder.commit();
    reporter.info(`Results written to ${directory}`);
    reporter.result(`Model: ${options.model}\n${renderSummary(complete)}`, complete);
    return complete;
  } catch (error) {
    await folder.abort();
    throw error;
  }
}
