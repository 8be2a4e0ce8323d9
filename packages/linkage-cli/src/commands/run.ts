// `linkage run <config>`: the whole pipeline from one config file into an output folder, streamed: candidate
// pairs are compared and scored in chunks on every core, pairs.csv is written as they come, and only the pairs
// at or above the threshold are kept for the decisions, so memory does not grow with the candidate pairs.
import {
  createModelFile,
  type ModelParameters,
  type StreamedLinkageResult,
  streamLinkage,
} from "linkage-core";
import { createWorkerComparer, defaultThreadCount } from "linkage-core/node";
import { type LinkageConfig, loadConfig } from "../config.js";
import { type LoadedInputs, loadInputs } from "../load-inputs.js";
import { OutputFolder } from "../output/output-folder.js";
import { PairsCsvWriter } from "../output/pairs-csv-writer.js";
import { buildSummary, type RunSummary, renderSummary } from "../output/summary.js";
import { writeDecisions, writeModel } from "../output/write-results.js";
import type { Reporter } from "../reporter.js";
import { evaluateResult } from "./common.js";

export interface RunCommandOptions {
  readonly output?: string;
  readonly force?: boolean;
  /** Threads comparing pairs (default: every core). */
  readonly threads?: number;
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
    const streamed = await linkStreaming(config, inputs, folder, reporter, { threads: options.threads });
    const writingStart = performance.now();
    await writeDecisions(folder, streamed.result);
    if (streamed.result.training) {
      await writeModel(
        folder,
        createModelFile({
          spec: config.spec,
          parameters: streamed.result.parameters,
          training: streamed.result.training,
        }),
      );
    }
    const evaluation = config.truth ? evaluateResult(streamed.result, config.truth.column) : undefined;
    const summary = buildSummary({
      result: streamed.result,
      skippedRows: inputs.skippedRows,
      pairsWritten: streamed.pairsWritten,
      readingMs,
      ...(evaluation ? { evaluation } : {}),
    });
    const withWriting: RunSummary = {
      ...summary,
      threads: streamed.threads,
      timingsMs: {
        ...summary.timingsMs,
        writingMs: Math.round(performance.now() - writingStart + streamed.writingMs),
      },
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

export interface StreamedRun {
  readonly result: StreamedLinkageResult;
  readonly pairsWritten: number;
  /** Milliseconds spent writing pairs.csv while the pairs streamed. */
  readonly writingMs: number;
  readonly threads: number;
}

/**
 * Links the inputs with the config's spec (training unless `parameters` are given), on `threads` threads,
 * writing pairs.csv into the folder as chunks are scored (pairs at or above the config's pairsMinimumProbability).
 */
export async function linkStreaming(
  config: LinkageConfig,
  inputs: LoadedInputs,
  folder: OutputFolder,
  reporter: Reporter,
  options: { readonly threads?: number | undefined; readonly parameters?: ModelParameters },
): Promise<StreamedRun> {
  const threads = options.threads ?? defaultThreadCount();
  let pairs: PairsCsvWriter | undefined;
  let writingMs = 0;
  const linking = streamLinkage(config.spec, inputs.datasets, {
    ...(options.parameters ? { parameters: options.parameters } : {}),
    onProgress: (event) => reporter.progress(event),
    createComparer: (context) => createWorkerComparer(context, { threads }),
    outputMinimumProbability: config.output.pairsMinimumProbability,
    onPairs: async (batch, scoring) => {
      const start = performance.now();
      pairs ??= PairsCsvWriter.open(folder, scoring.context, scoring.parameters);
      await pairs.write(batch);
      writingMs += performance.now() - start;
    },
  });
  let result: StreamedLinkageResult;
  try {
    result = await linking;
  } catch (error) {
    await pairs?.close().catch(() => undefined);
    throw error;
  }
  // No pair reached the output probability: pairs.csv still gets its header.
  pairs ??= PairsCsvWriter.open(folder, result.context, result.parameters);
  const start = performance.now();
  const pairsWritten = await pairs.close();
  writingMs += performance.now() - start;
  return { result, pairsWritten, writingMs, threads };
}
