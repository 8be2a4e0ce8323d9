// `linkage evaluate <predictions> --truth <truth.csv>`: precision, recall and F1 of links, scored pairs or
// clusters against known entities; for scored pairs, also the precision–recall curve and the best threshold.

import { type Command, Option } from "commander";
import {
  type ClusterEvaluation,
  DataError,
  evaluateClusters,
  evaluateLinks,
  type LinkEvaluation,
  type LinkType,
  NULL_CODE,
  type PrecisionRecallCurve,
  precisionRecallCurve,
  weightFromMatchProbability,
} from "linkage-core";
import type { CliIo } from "../io.js";
import { formatCount, formatProbability, formatWeight, textTable } from "../output/text-table.js";
import type { Reporter } from "../reporter.js";
import {
  type ClusterTable,
  inspectResultFile,
  type PairTable,
  type ResultFileKind,
  readResultFile,
} from "../result-files/read-result-file.js";
import { readTruthFile, type TruthColumns, truthLayout } from "../result-files/read-truth-file.js";
import { RecordIndex, UNKNOWN_SOURCE } from "../result-files/record-index.js";
import {
  type GlobalOptions,
  probability,
  reporterFor,
  resolvePath,
  withExamples,
  withOutputOptions,
} from "./common.js";

export interface EvaluateCommandOptions extends TruthColumns {
  readonly truth: string;
  /** The truth file lists true pairs of ids rather than an entity per record. */
  readonly truthPairs?: boolean;
  /** Minimum match probability of a predicted link (pairs.csv: default 0.5; links.csv: all links by default). */
  readonly threshold?: number;
  readonly linkType?: LinkType;
}

export interface EvaluateResult {
  readonly predictions: string;
  readonly kind: ResultFileKind;
  readonly truth: string;
  readonly truthKind: "entities" | "pairs";
  readonly linkType: LinkType;
  /** The link type true pairs were counted under (dedupe when some sources are unknown). */
  readonly countedAs: LinkType;
  readonly threshold?: number;
  readonly records: number;
  readonly evaluation: LinkEvaluation | ClusterEvaluation;
  readonly curve?: PrecisionRecallCurve;
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

/** Probabilities at which the precision–recall curve is shown (the best threshold is sought among all weights). */
const CURVE_PROBABILITIES = [
  0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999,
];

export function registerEvaluateCommand(program: Command, io: CliIo): void {
  const command = program
    .command("evaluate")
    .description("precision, recall and F1 of links.csv, pairs.csv or clusters.csv against known entities")
    .argument(
      "<predictions>",
      "links.csv, pairs.csv or clusters.csv written by `linkage run` / `predict` / `cluster`",
    )
    .requiredOption(
      "-t, --truth <file>",
      "CSV of record id → entity (or of true id pairs with --truth-pairs)",
    )
    .option("--id-column <column>", "truth column of record ids (default: the first column)")
    .option("--entity-column <column>", "truth column of entity ids (default: the second column)")
    .option("--source-column <column>", 'truth column of source names (default: "source" when present)')
    .option("--truth-pairs", "the truth lists true pairs: one pair of record ids per row (first two columns)")
    .option(
      "--threshold <p>",
      "minimum match probability of a predicted link (pairs.csv: default 0.5)",
      probability,
    )
    .addOption(
      new Option(
        "--link-type <type>",
        "link type the predictions come from (default: from their source columns)",
      ).choices(["dedupe", "link", "linkAndDedupe"]),
    );
  withExamples(withOutputOptions(command), [
    "linkage evaluate out/links.csv --truth truth.csv --entity-column entity_id",
    "linkage evaluate out/pairs.csv --truth synthetic/truth.csv --truth-pairs",
    "linkage evaluate out/clusters.csv --truth truth.csv --id-column record_id --entity-column entity_id --json",
  ]).action(async (predictions: string, options: GlobalOptions & EvaluateCommandOptions) => {
    await evaluateCommand(
      resolvePath(io, predictions),
      { ...options, truth: resolvePath(io, options.truth) },
      reporterFor(io, options),
    );
  });
}

export async function evaluateCommand(
  predictionsPath: string,
  options: EvaluateCommandOptions,
  reporter: Reporter,
): Promise<EvaluateResult> {
  const { headers } = await inspectResultFile(predictionsPath);
  const layout = await truthLayout(options.truth, options.truthPairs ?? false, options);
  const predictionsHaveSources = headers.includes("source_l") || headers.includes("source");
  // Records are told apart by source only when both files name sources; otherwise by id alone.
  const records = new RecordIndex(predictionsHaveSources && layout.sourceColumn !== undefined);
  const table = await readResultFile(predictionsPath, records, reporter);
  const truth = await readTruthFile(options.truth, layout, records);
  const sourceOf = records.sourceOf();
  const linkType = options.linkType ?? inferLinkType(table, sourceOf);
  const warnings: { code: string; message: string }[] = [];
  let countedAs = linkType;
  if (linkType === "link" && sourceOf.includes(UNKNOWN_SOURCE)) {
    // Without the source of every record, cross-source pairs cannot be told from within-source ones.
    countedAs = "dedupe";
  }
  // Listed true pairs are all counted either way, unless chains of them join three records or more.
  if (countedAs !== linkType && (layout.kind === "entities" || hasEntityOfThree(truth))) {
    warnings.push({
      code: "EVALUATION_SOURCES_UNKNOWN",
      message:
        "some truth records appear in no prediction and the truth names no source, so true pairs are counted within sources too (exact when no source holds duplicates). Add a source column to the truth to count cross-source pairs only.",
    });
  }
  const base = {
    predictions: predictionsPath,
    kind: table.kind,
    truth: options.truth,
    truthKind: layout.kind,
    linkType,
    countedAs,
    records: records.count,
  };
  let result: EvaluateResult;
  if (table.kind === "clusters") {
    if (options.threshold !== undefined) {
      warnings.push({
        code: "EVALUATION_THRESHOLD_IGNORED",
        message: "--threshold does not apply to clusters.csv.",
      });
    }
    result = {
      ...base,
      evaluation: evaluateClusters(clusterOfRecords(table, records.count), truth),
      warnings,
    };
  } else {
    const threshold = options.threshold ?? (table.kind === "pairs" ? 0.5 : undefined);
    const predicted = linksAtThreshold(table, threshold);
    const evaluation = evaluateLinks({ ...predicted, truth, linkType: countedAs, sourceOf });
    refuseUnjudged(evaluation, layout.kind, options.truth);
    const curve = table.kind === "pairs" ? curveOf(table, truth, countedAs, sourceOf) : undefined;
    result = {
      ...base,
      ...(threshold !== undefined ? { threshold } : {}),
      evaluation,
      ...(curve ? { curve } : {}),
      warnings,
    };
  }
  for (const warning of warnings) reporter.warn(warning);
  reporter.result(renderEvaluation(result), result);
  return result;
}

/**
 * Precision and recall over nothing are no measure: when the truth holds no true pair and judges none of the
 * predictions, the truth file was most likely read the wrong way (pairs of ids read as record → entity).
 */
function refuseUnjudged(
  evaluation: LinkEvaluation,
  truthKind: "entities" | "pairs",
  truthPath: string,
): void {
  const judged = evaluation.truePositives + evaluation.falsePositives;
  if (judged > 0 || evaluation.totalTruePairs > 0 || evaluation.unlabelledPairs === 0) return;
  throw new DataError(
    "EVALUATION_NOTHING_JUDGED",
    `the truth holds no true pair, and each of the ${formatCount(evaluation.unlabelledPairs)} predicted pairs has a record it does not list: nothing can be judged.`,
    {
      file: truthPath,
      hint:
        truthKind === "entities"
          ? "If the file lists true pairs of ids (one pair per row, as the registry-snds cohorts' truth.csv), add --truth-pairs; otherwise check --id-column and --entity-column."
          : "Check that the truth's ids are those of the predictions (same id columns, same sources).",
    },
  );
}

/** Whether some entity holds three records or more (entities from true pairs are numbered 0 … n − 1). */
function hasEntityOfThree(truth: Int32Array): boolean {
  const sizes = new Int32Array(truth.length);
  for (const entity of truth) if (entity >= 0 && ++sizes[entity]! > 2) return true;
  return false;
}

/** Link: every pair joins two sources; linkAndDedupe: some pair within one; dedupe: no sources named. */
function inferLinkType(table: PairTable | ClusterTable, sourceOf: Uint8Array): LinkType {
  if (!table.withSources) return "dedupe";
  if (table.kind === "clusters") return "linkAndDedupe";
  for (let pair = 0; pair < table.left.length; pair++) {
    if (sourceOf[table.left[pair]!] === sourceOf[table.right[pair]!]) return "linkAndDedupe";
  }
  return "link";
}

/** The curve on a grid of probabilities people read, with the best threshold over every distinct weight. */
function curveOf(
  table: PairTable,
  truth: Int32Array,
  linkType: LinkType,
  sourceOf: Uint8Array,
): PrecisionRecallCurve {
  const input = {
    left: table.left,
    right: table.right,
    matchWeight: table.matchWeight,
    truth,
    linkType,
    sourceOf,
  };
  const { best } = precisionRecallCurve({ ...input, maxPoints: 2 });
  const grid = precisionRecallCurve({
    ...input,
    thresholds: CURVE_PROBABILITIES.map(weightFromMatchProbability),
  });
  return { ...grid, best };
}

function linksAtThreshold(
  table: PairTable,
  threshold: number | undefined,
): { left: Int32Array; right: Int32Array } {
  if (threshold === undefined) return { left: table.left, right: table.right };
  const kept: number[] = [];
  for (let pair = 0; pair < table.left.length; pair++)
    if (table.matchProbability[pair]! >= threshold) kept.push(pair);
  return {
    left: Int32Array.from(kept, (pair) => table.left[pair]!),
    right: Int32Array.from(kept, (pair) => table.right[pair]!),
  };
}

/** Cluster of every record; a record missing from clusters.csv is a cluster of its own. */
function clusterOfRecords(table: ClusterTable, recordCount: number): Int32Array {
  const clusterOf = new Int32Array(recordCount).fill(NULL_CODE);
  let next = 0;
  table.records.forEach((record, row) => {
    clusterOf[record] = table.clusterOf[row]!;
    next = Math.max(next, table.clusterOf[row]! + 1);
  });
  for (let record = 0; record < recordCount; record++)
    if (clusterOf[record] === NULL_CODE) clusterOf[record] = next++;
  return clusterOf;
}

export function renderEvaluation(result: EvaluateResult): string {
  const evaluation = result.evaluation;
  const truthKind = result.truthKind === "pairs" ? "true pairs" : "record → entity";
  const lines = [
    `Evaluation of ${result.predictions} (${result.kind}, ${result.linkType}) against ${result.truth} (${truthKind})`,
  ];
  if (result.threshold !== undefined) {
    lines.push(`  predicted links: pairs with match probability ≥ ${formatProbability(result.threshold)}`);
  }
  lines.push(
    `  precision ${evaluation.precision.toFixed(4)}   recall ${evaluation.recall.toFixed(4)}   F1 ${evaluation.f1.toFixed(4)}`,
  );
  if ("totalTruePairs" in evaluation) {
    lines.push(
      `  true positives ${formatCount(evaluation.truePositives)}, false positives ${formatCount(evaluation.falsePositives)}, false negatives ${formatCount(evaluation.falseNegatives)} (of ${formatCount(evaluation.totalTruePairs)} true pairs)`,
    );
    if (evaluation.unlabelledPairs > 0 || evaluation.outOfScopePairs > 0) {
      lines.push(
        `  not judged: ${formatCount(evaluation.unlabelledPairs)} links with a record the truth does not list, ${formatCount(evaluation.outOfScopePairs)} outside the link type`,
      );
    }
  } else {
    lines.push(
      `  pairs in the same cluster: ${formatCount(evaluation.predictedPairs)} predicted, ${formatCount(evaluation.truePositives)} true; ${formatCount(evaluation.falseNegatives)} true pairs split (of ${formatCount(evaluation.truePairs)})`,
    );
  }
  if (result.curve && result.curve.points.length > 0) {
    lines.push(
      "",
      "Precision and recall by threshold (pairs below the file's minimum probability count as not linked)",
    );
    const rows = result.curve.points.map((point) => [
      formatProbability(point.matchProbability),
      formatWeight(point.threshold),
      point.precision.toFixed(4),
      point.recall.toFixed(4),
      point.f1.toFixed(4),
    ]);
    lines.push(
      ...textTable(["probability ≥", "weight ≥", "precision", "recall", "F1"], rows, { align: ["right"] }),
    );
    const best = result.curve.best;
    if (best) {
      lines.push(
        `  best F1 ${best.f1.toFixed(4)} at match probability ≥ ${formatProbability(best.matchProbability)} (weight ≥ ${formatWeight(best.threshold)}): precision ${best.precision.toFixed(4)}, recall ${best.recall.toFixed(4)}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
