// `linkage train <config>`: estimates the model (m, u, λ) on the config's inputs and writes it to a model
// file, atomically; the file holds no record values unless term-frequency tables are asked for.

import type { Command } from "commander";
import {
  countCandidatePairs,
  createModelFile,
  generateCandidatePairs,
  type LinkageContext,
  type PipelineTrainingSummary,
  type ProgressEvent,
  prepareLinkage,
  SpecError,
  serializeModel,
  type TermFrequencyTableInput,
  type TrainedModel,
  termFrequencies,
  trainModel,
  trainModelFromLabels,
} from "linkage-core";
import { createWorkerComparer, writeFileAtomic } from "linkage-core/node";
import { loadConfig } from "../config.js";
import type { CliIo } from "../io.js";
import { loadInputs } from "../load-inputs.js";
import {
  type ComparisonReport,
  describeParameters,
  renderParameters,
  renderTraining,
} from "../output/render-model.js";
import type { Reporter } from "../reporter.js";
import {
  type GlobalOptions,
  refuseExistingFile,
  reporterFor,
  resolvePath,
  threadsOption,
  truthCodes,
  withExamples,
  withOutputOptions,
} from "./common.js";

export interface TrainCommandOptions {
  /** Model file to write (default model.json in the working directory). */
  readonly output: string;
  readonly force?: boolean;
  /** Store each term-frequency column's value frequencies in the model (this puts values in the file). */
  readonly termFrequencyTables?: boolean;
  /** Supervised: m and λ from the config's truth column instead of EM. */
  readonly labels?: boolean;
  /** Threads comparing pairs (default: every core). */
  readonly threads?: number;
}

export interface TrainResult {
  readonly modelFile: string;
  readonly priorMatchProbability: number;
  readonly comparisons: readonly ComparisonReport[];
  readonly training: PipelineTrainingSummary;
  readonly termFrequencyTables: readonly string[];
}

export function registerTrainCommand(program: Command, io: CliIo): void {
  const command = program
    .command("train")
    .description("estimate the model (m, u, λ) on the config's inputs and save it to a model file")
    .argument("<config>", "config file (JSON with comments)")
    .option("-o, --output <file>", "model file to write", "model.json")
    .option("-f, --force", "replace an existing model file")
    .option(
      "--term-frequency-tables",
      "store the value frequencies of term-frequency columns in the model (puts column values in the file)",
    )
    .option("--labels", "supervised: m and λ from the config's truth column (known matches) instead of EM")
    .addOption(threadsOption());
  withExamples(withOutputOptions(command), [
    "linkage train linkage.config.json -o model.json",
    "linkage train linkage.config.json -o model.json --force --json",
    "linkage train linkage.config.json -o model.json --labels   # needs a truth column in the config",
  ]).action(async (config: string, options: GlobalOptions & TrainCommandOptions) => {
    await trainCommand(
      resolvePath(io, config),
      { ...options, output: resolvePath(io, options.output) },
      reporterFor(io, options),
    );
  });
}

export async function trainCommand(
  configPath: string,
  options: TrainCommandOptions,
  reporter: Reporter,
): Promise<TrainResult> {
  const config = await loadConfig(configPath);
  // Fail before minutes of training, not after.
  await refuseExistingFile(options.output, options.force);
  const { spec } = config;
  if (options.labels && !config.truth) {
    throw new SpecError([
      {
        jsonPath: "$.truth",
        message: "--labels needs the config's truth column (the known entity of each record).",
      },
    ]);
  }
  const { datasets } = await loadInputs(config, reporter, config.truth ? [config.truth.column] : []);
  const context = prepareLinkage(spec, datasets);
  const onProgress = (event: ProgressEvent) => reporter.progress(event);
  let trained: TrainedModel;
  if (options.labels && config.truth) {
    const counts = countCandidatePairs(context.dataset, spec.blockingRules, spec.linkType);
    const pairs = generateCandidatePairs(context.dataset, spec.blockingRules, spec.linkType, {
      maxPairs: spec.maxCandidatePairs,
      onProgress: (progress) =>
        reporter.progress({ step: "blocking", done: progress.pairCount, total: counts.totalPairs }),
    });
    trained = trainModelFromLabels(context, {
      truth: truthCodes(context.dataset.columns, config.truth.column),
      candidatePairs: pairs,
      onProgress,
    });
  } else {
    // EM: candidate pairs are generated and compared chunk by chunk on every core, never held at once.
    const comparer = createWorkerComparer(context, options.threads ? { threads: options.threads } : {});
    try {
      trained = trainModel(context, { comparer, onProgress });
    } finally {
      comparer.close();
    }
  }
  const tables = options.termFrequencyTables ? termFrequencyTables(context) : undefined;
  const model = createModelFile({
    spec,
    parameters: trained.parameters,
    training: trained.summary,
    ...(tables ? { termFrequencyTables: tables } : {}),
  });
  await writeFileAtomic(options.output, serializeModel(model));
  for (const warning of trained.summary.warnings)
    reporter.warn({ code: warning.code, message: warning.message });
  if (tables && tables.length > 0) {
    reporter.warn({
      code: "MODEL_HOLDS_VALUES",
      message: `the model file holds the values of ${tables.map((table) => `"${table.column}"`).join(", ")} with their frequencies: protect it like the data.`,
    });
  }
  const result: TrainResult = {
    modelFile: options.output,
    priorMatchProbability: trained.parameters.priorMatchProbability,
    comparisons: describeParameters(trained.parameters),
    training: trained.summary,
    termFrequencyTables: (tables ?? []).map((table) => table.column),
  };
  const text = [
    ...renderTraining(trained.summary),
    "",
    ...renderParameters(trained.parameters),
    "",
    `Model file: ${options.output}`,
  ];
  reporter.result(`${text.join("\n")}\n`, result);
  return result;
}

/** Frequencies of each value of every column a comparison adjusts by term frequency, from the training data. */
function termFrequencyTables(context: LinkageContext): TermFrequencyTableInput[] {
  const tables: TermFrequencyTableInput[] = [];
  for (const comparison of context.comparisons) {
    if (!comparison.termFrequency) continue;
    const column = context.dataset.columns.get(comparison.termFrequency.column);
    if (!column) continue;
    const frequencies = termFrequencies(column.codes, column.dictionary.length);
    // A value no row holds any more (after standardisation) has no frequency to store.
    const present = column.dictionary.flatMap((_, code) => (frequencies[code]! > 0 ? [code] : []));
    tables.push({
      comparison: comparison.name,
      column: column.name,
      dictionary: present.map((code) => column.dictionary[code]!),
      frequencies: present.map((code) => frequencies[code]!),
    });
  }
  return tables;
}
