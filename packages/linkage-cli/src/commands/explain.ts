// `linkage explain <model.json> <idA> <idB> --config <config>`: why a model gives a pair its weight: the prior,
// then each comparison's level and partial weight (a waterfall), the final weight and probability.

import type { Command } from "commander";
import {
  blockingRuleName,
  type CombinedDataset,
  cellValue,
  computeComparisonVectors,
  DataError,
  explainPair,
  type LinkageContext,
  type PairExplanation,
  prepareLinkage,
  ruleCapturesPair,
  termFrequencyAdjustments,
  thresholdAsMatchWeight,
} from "linkage-core";
import { loadConfig } from "../config.js";
import type { CliIo } from "../io.js";
import { loadInputs } from "../load-inputs.js";
import { checkInputsFitModel, configForModel, loadModel } from "../load-model.js";
import { formatProbability, formatWeight, textTable } from "../output/text-table.js";
import type { Reporter } from "../reporter.js";
import { type GlobalOptions, reporterFor, resolvePath, withExamples, withOutputOptions } from "./common.js";

export interface ExplainCommandOptions {
  readonly config: string;
  /** Show the compared values of both records (off by default: they are personal data). */
  readonly showValues?: boolean;
  /** Input holding the first record, when its id exists in several inputs. */
  readonly sourceA?: string;
  readonly sourceB?: string;
}

export interface ExplainedRecord {
  readonly id: string;
  readonly source: string;
}

export interface ExplainResult {
  readonly model: string;
  readonly records: readonly [ExplainedRecord, ExplainedRecord];
  /** The first blocking rule that makes the pair a candidate; null when none does (it would never be scored). */
  readonly blockingRule: string | null;
  readonly explanation: PairExplanation;
  readonly priorMatchProbability: number;
  /** Whether the weight reaches the model's linking threshold. */
  readonly aboveThreshold: boolean;
  readonly thresholdWeight: number;
  /** With --show-values: the compared values of each record, per comparison. */
  readonly values?: readonly { readonly comparison: string; readonly left: string; readonly right: string }[];
}

/** Characters of the longest bar on either side of the axis. */
const BAR_WIDTH = 20;

export function registerExplainCommand(program: Command, io: CliIo): void {
  const command = program
    .command("explain")
    .description(
      "explain the match weight of one pair of records under a model (waterfall of partial weights)",
    )
    .argument("<model>", "model file written by `linkage train`")
    .argument("<idA>", "record id of the first record")
    .argument("<idB>", "record id of the second record")
    .requiredOption("-c, --config <file>", "config whose inputs hold the two records")
    .option("--show-values", "also show the compared values of both records (personal data)")
    .option("--source-a <input>", "input holding the first record (when its id exists in several inputs)")
    .option("--source-b <input>", "input holding the second record");
  withExamples(withOutputOptions(command), [
    "linkage explain model.json rec-1070-org rec-1070-dup-0 --config febrl4.config.json",
    "linkage explain model.json 17 42 --config cohort.config.json --source-a cohort --source-b snds --show-values",
  ]).action(
    async (model: string, idA: string, idB: string, options: GlobalOptions & ExplainCommandOptions) => {
      await explainCommand(
        resolvePath(io, model),
        [idA, idB],
        { ...options, config: resolvePath(io, options.config) },
        reporterFor(io, options),
      );
    },
  );
}

export async function explainCommand(
  modelPath: string,
  ids: readonly [string, string],
  options: ExplainCommandOptions,
  reporter: Reporter,
): Promise<ExplainResult> {
  const config = await loadConfig(options.config);
  const loaded = await loadModel(modelPath);
  const modelConfig = configForModel(config, loaded);
  await checkInputsFitModel(modelConfig, loaded);
  const { datasets } = await loadInputs(modelConfig, reporter);
  const context = prepareLinkage(loaded.spec, datasets);
  const rowA = findRow(context.dataset, ids[0], options.sourceA, "first");
  const rowB = findRow(context.dataset, ids[1], options.sourceB, "second");
  if (rowA === rowB) {
    throw new DataError("EXPLAIN_SAME_RECORD", "the two ids name the same record.", {
      hint: "Give the ids of two different records.",
    });
  }
  // Candidate pairs put the lower row first; so does the explanation, so that it matches pairs.csv.
  const left = Int32Array.of(Math.min(rowA, rowB));
  const right = Int32Array.of(Math.max(rowA, rowB));
  const vectors = computeComparisonVectors(context.comparisons, { count: 1, left, right });
  const explanation = explainPair({
    vectors,
    parameters: loaded.model.parameters,
    termFrequencyAdjustments: termFrequencyAdjustments(context),
    left,
    right,
    pair: 0,
  });
  const thresholdWeight = thresholdAsMatchWeight(loaded.spec.threshold);
  const dataset = context.dataset;
  const record = (row: number): ExplainedRecord => ({
    id: dataset.ids[row]!,
    source: dataset.sourceNames[dataset.sourceOf[row]!]!,
  });
  const result: ExplainResult = {
    model: modelPath,
    records: [record(rowA), record(rowB)],
    blockingRule: capturingRule(context, rowA, rowB),
    explanation,
    priorMatchProbability: loaded.model.parameters.priorMatchProbability,
    aboveThreshold: explanation.matchWeight >= thresholdWeight,
    thresholdWeight,
    ...(options.showValues ? { values: comparedValues(context, rowA, rowB) } : {}),
  };
  if (loaded.spec.linkType === "link" && dataset.sourceOf[rowA] === dataset.sourceOf[rowB]) {
    reporter.warn({
      code: "EXPLAIN_SAME_SOURCE",
      message: "both records come from the same input: a link run never compares such a pair.",
    });
  }
  reporter.result(renderExplanation(result), result);
  return result;
}

/** Row of a record id, in the named input or in whichever single input holds it. */
function findRow(dataset: CombinedDataset, id: string, source: string | undefined, which: string): number {
  const sourceIndex = source === undefined ? -1 : dataset.sourceNames.indexOf(source);
  if (source !== undefined && sourceIndex < 0) {
    throw new DataError("EXPLAIN_UNKNOWN_SOURCE", `there is no input named "${source}".`, {
      hint: `Inputs are named ${dataset.sourceNames.map((name) => `"${name}"`).join(", ")}.`,
    });
  }
  const rows: number[] = [];
  for (let row = 0; row < dataset.rowCount; row++) {
    if (dataset.ids[row] === id && (sourceIndex < 0 || dataset.sourceOf[row] === sourceIndex)) rows.push(row);
  }
  if (rows.length === 0) {
    throw new DataError(
      "EXPLAIN_UNKNOWN_ID",
      `the ${which} record id "${id}" is in ${source === undefined ? "none of the inputs" : `no record of input "${source}"`}.`,
      { hint: "Give ids as they appear in the inputs' id columns (or in pairs.csv)." },
    );
  }
  if (rows.length > 1) {
    throw new DataError(
      "EXPLAIN_AMBIGUOUS_ID",
      `the ${which} record id "${id}" exists in several inputs: ${rows.map((row) => `"${dataset.sourceNames[dataset.sourceOf[row]!]}"`).join(", ")}.`,
      { hint: `Say which with --source-${which === "first" ? "a" : "b"} <input>.` },
    );
  }
  return rows[0]!;
}

/** The first blocking rule under which both records share every key, or null. */
function capturingRule(context: LinkageContext, rowA: number, rowB: number): string | null {
  for (const rule of context.spec.blockingRules) {
    if (ruleCapturesPair(context.dataset, rule, rowA, rowB)) return blockingRuleName(rule);
  }
  return null;
}

function comparedValues(context: LinkageContext, rowA: number, rowB: number) {
  const valuesOf = (columns: readonly string[], row: number) =>
    columns
      .map((name) => {
        const column = context.dataset.columns.get(name);
        return column ? (cellValue(column, row) ?? "∅") : "∅";
      })
      .join(" | ");
  return context.comparisons.map((comparison) => ({
    comparison: comparison.name,
    left: valuesOf(comparison.spec.columns, Math.min(rowA, rowB)),
    right: valuesOf(comparison.spec.columns, Math.max(rowA, rowB)),
  }));
}

/** A bar for a weight: to the left of the axis when negative, to the right when positive. */
function weightBar(weight: number, largest: number): string {
  const length =
    largest > 0 && Number.isFinite(weight) ? Math.round((Math.abs(weight) / largest) * BAR_WIDTH) : 0;
  const bar = "█".repeat(length);
  return weight < 0 ? `${bar.padStart(BAR_WIDTH)}│` : `${" ".repeat(BAR_WIDTH)}│${bar}`;
}

export function renderExplanation(result: ExplainResult): string {
  const { explanation } = result;
  const [a, b] = result.records;
  const lines = [`Pair ${a.id} (${a.source}) – ${b.id} (${b.source}), model ${result.model}`];
  lines.push(
    result.blockingRule === null
      ? "  No blocking rule captures this pair: a run would never score it."
      : `  Candidate pair: captured by blocking rule "${result.blockingRule}".`,
  );
  lines.push("");
  const terms = explanation.comparisons.map(
    (comparison) => comparison.partialWeight + comparison.termFrequencyWeight,
  );
  const largest = Math.max(Math.abs(explanation.priorWeight), ...terms.map(Math.abs).filter(Number.isFinite));
  const withValues = result.values !== undefined;
  const header = ["term", "level", "weight", "of which TF", ""];
  if (withValues) header.push("values");
  const rows = [
    [
      `prior (λ = ${result.priorMatchProbability.toExponential(2)})`,
      "",
      formatWeight(explanation.priorWeight),
      "",
      weightBar(explanation.priorWeight, largest),
      ...(withValues ? [""] : []),
    ],
    ...explanation.comparisons.map((comparison, index) => [
      comparison.name,
      comparison.label,
      formatWeight(terms[index]!),
      comparison.termFrequencyWeight === 0 ? "" : formatWeight(comparison.termFrequencyWeight),
      weightBar(terms[index]!, largest),
      ...(withValues ? [`${result.values![index]!.left}  vs  ${result.values![index]!.right}`] : []),
    ]),
  ];
  lines.push(...textTable(header, rows, { align: ["left", "left", "right", "right", "left", "left"] }));
  lines.push("");
  lines.push(
    `  match weight ${formatWeight(explanation.matchWeight)} bits, match probability ${formatProbability(explanation.matchProbability)}`,
  );
  lines.push(
    `  ${result.aboveThreshold ? "at or above" : "below"} the model's linking threshold (weight ${formatWeight(result.thresholdWeight)})`,
  );
  if (!withValues) lines.push("  (record values hidden; --show-values shows them)");
  return `${lines.join("\n")}\n`;
}
