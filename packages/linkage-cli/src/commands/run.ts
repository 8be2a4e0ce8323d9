// `linkage run <config>`: the whole pipeline from one config file into an output folder.
import { createModelFile, runLinkage } from "linkage-core";
import { type LinkageConfig, loadConfig } from "../config.js";
import { loadInputs } from "../load-inputs.js";
import { OutputFolder } from "../output/output-folder.js";
import { buildSummary, type RunSummary, renderSummary } from "../output/summary.js";
import { writeDecisions, writeModel, writePairs } from "../output/write-results.js";
import type { Reporter } from "../reporter.js";
import { evaluateResult } from "./common.js";

export interface RunCommandOptions {
  readonly output?: string;
  readonly force?: boolean;
}

export async function runCommand(configPath: string, options: RunCommandOptions, reporter: Reporter) {
  const config = await loadConfig(configPath);
  const summary = await runConfig(config, options, reporter);
  reporter.result(renderSummary(summary), summary);
}

/** Runs a loaded config and writes every output; used by `run` and `demo`. */
export async function runConfig(
  config: LinkageConfig,
  options: RunCommandOptions,
  reporter: Reporter,
): Promise<RunSummary> {
  const directory = options.output ?? config.output.directory;
  const folder = await OutputFolder.open(directory, { force: options.force ?? false });
  try {
    const readingStart = performance.now();
    const inputs = await loadInputs(config, reporter, config.truth ? [config.truth.column] : []);
    const readingMs = performance.now() - readingStart;
    const result = runLinkage(config.spec, inputs.datasets, {
      onProgress: (event) => reporter.progress(event),
    });
    const writingStart = performance.now();
    const pairsWritten = await writePairs(folder, result, config.output.pairsMinimumProbability);
    await writeDecisions(folder, result);
    if (result.training) {
      await writeModel(
        folder,
        createModelFile({ spec: config.spec, parameters: result.parameters, training: result.training }),
      );
    }
    const evaluation = config.truth ? evaluateResult(result, config.truth.column) : undefined;
    const summary = buildSummary({
      result,
      skippedRows: inputs.skippedRows,
      pairsWritten,
      readingMs,
      ...(evaluation ? { evaluation } : {}),
    });
    const withWriting: RunSummary = {
      ...summary,
      timingsMs: { ...summary.timingsMs, writingMs: Math.round(performance.now() - writingStart) },
    };
    await folder.writeText("summary.json", `${JSON.stringify(withWriting, null, 2)}\n`);
    await folder.commit();
    reporter.info(`Results written to ${directory}`);
    return withWriting;
  } catch (error) {
    await folder.abort();
    throw error;
  }
}
