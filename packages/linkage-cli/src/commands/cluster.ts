// `linkage cluster <pairs.csv>`: turns scored pairs into decisions at a chosen threshold, without rerunning
// anything: connected components (clusters.csv) or one-to-one links (links.csv), written atomically.
import { dirname, join } from "node:path";
import { type Command, Option } from "commander";
import { assignOneToOne, clusterPairs, DataError, type OneToOneMethod } from "linkage-core";
import { createCsvFileWriter } from "linkage-core/node";
import type { CliIo } from "../io.js";
import { formatCount, formatProbability } from "../output/text-table.js";
import type { Reporter } from "../reporter.js";
import { type PairTable, readResultFile } from "../result-files/read-result-file.js";
import { RecordIndex } from "../result-files/record-index.js";
import {
  finiteNumber,
  type GlobalOptions,
  probability,
  refuseExistingFile,
  reporterFor,
  resolvePath,
  withExamples,
  withOutputOptions,
} from "./common.js";

export interface ClusterCommandOptions {
  /** Minimum match probability of a kept pair (default 0.5 when no weight threshold is given). */
  readonly threshold?: number;
  /** Minimum match weight of a kept pair, instead of a probability. */
  readonly thresholdWeight?: number;
  readonly oneToOne?: boolean;
  /** One-to-one by maximum total weight rather than best-first. */
  readonly optimal?: boolean;
  /** File to write (default clusters.csv or links.csv next to the pairs file). */
  readonly output?: string;
  readonly force?: boolean;
}

export interface ClusterResult {
  readonly input: string;
  readonly output: string;
  readonly threshold: { readonly kind: "matchProbability" | "matchWeight"; readonly value: number };
  readonly pairsRead: number;
  readonly pairsAtThreshold: number;
  readonly records: number;
  readonly clusters?: number;
  /** Clusters of two records or more. */
  readonly linkedClusters?: number;
  readonly largestCluster?: number;
  readonly links?: number;
  readonly ambiguousLinks?: number;
  readonly method?: OneToOneMethod;
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

export const DEFAULT_PROBABILITY_THRESHOLD = 0.5;

export function registerClusterCommand(program: Command, io: CliIo): void {
  const command = program
    .command("cluster")
    .description("turn scored pairs (pairs.csv) into clusters (clusters.csv) or one-to-one links (links.csv)")
    .argument("<pairs>", "pairs.csv written by `linkage run` or `linkage predict`")
    .addOption(
      new Option("--threshold <p>", "keep pairs whose match probability is at least p (default 0.5)")
        .argParser(probability)
        .conflicts("thresholdWeight"),
    )
    .addOption(
      new Option("--threshold-weight <w>", "keep pairs whose match weight is at least w").argParser(
        finiteNumber,
      ),
    )
    .option("--one-to-one", "link each record to at most one record of each other source (writes links.csv)")
    .option(
      "--optimal",
      "with --one-to-one: maximise the total weight instead of taking the best pairs first",
    )
    .option(
      "-o, --output <file>",
      "file to write (default: clusters.csv or links.csv next to the pairs file)",
    )
    .option("-f, --force", "replace an existing output file");
  withExamples(withOutputOptions(command), [
    "linkage cluster out/pairs.csv --threshold 0.9",
    "linkage cluster out/pairs.csv --threshold-weight 10 -o clusters-w10.csv",
    "linkage cluster out/pairs.csv --one-to-one --optimal --threshold 0.8 -o links-optimal.csv",
  ]).action(async (pairs: string, options: GlobalOptions & ClusterCommandOptions) => {
    if (options.optimal && !options.oneToOne)
      command.error("error: --optimal needs --one-to-one", { exitCode: 2 });
    await clusterCommand(
      resolvePath(io, pairs),
      { ...options, ...(options.output ? { output: resolvePath(io, options.output) } : {}) },
      reporterFor(io, options),
    );
  });
}

export async function clusterCommand(
  pairsPath: string,
  options: ClusterCommandOptions,
  reporter: Reporter,
): Promise<ClusterResult> {
  const output = options.output ?? join(dirname(pairsPath), options.oneToOne ? "links.csv" : "clusters.csv");
  await refuseExistingFile(output, options.force);
  const records = new RecordIndex(true);
  const table = await readResultFile(pairsPath, records, reporter);
  if (table.kind === "clusters") {
    throw new DataError(
      "RESULT_FILE_KIND",
      "this is a clusters.csv: give a pairs.csv (or links.csv) to cluster.",
      {
        file: pairsPath,
        hint: "`linkage cluster` reads the scored pairs that `linkage run` writes as pairs.csv.",
      },
    );
  }
  const threshold =
    options.thresholdWeight !== undefined
      ? { kind: "matchWeight" as const, value: options.thresholdWeight }
      : { kind: "matchProbability" as const, value: options.threshold ?? DEFAULT_PROBABILITY_THRESHOLD };
  const keep = keptPairs(table, threshold);
  const pairsAtThreshold = keep.reduce((total, kept) => total + kept, 0);
  const base = {
    input: pairsPath,
    output,
    threshold,
    pairsRead: table.left.length,
    pairsAtThreshold,
    records: records.count,
  };
  let result: ClusterResult;
  if (options.oneToOne) {
    const method: OneToOneMethod = options.optimal ? "optimal" : "bestFirst";
    const sourceOf = table.withSources ? records.sourceOf() : undefined;
    const assignment = assignOneToOne({
      left: table.left,
      right: table.right,
      matchWeight: table.matchWeight,
      ...(sourceOf ? { sourceOf } : {}),
      keep,
      method,
    });
    await writeLinks(output, table, records, assignment.selected, assignment.ambiguous);
    result = {
      ...base,
      method,
      links: assignment.selected.length,
      ambiguousLinks: assignment.ambiguous.reduce((total, flag) => total + flag, 0),
      warnings: assignment.warnings,
    };
  } else {
    const clusters = clusterPairs(records.count, table.left, table.right, keep);
    await writeClusters(output, records, clusters.clusterOf, table.withSources);
    const sizes = new Int32Array(clusters.clusterCount);
    for (const cluster of clusters.clusterOf) sizes[cluster]!++;
    result = {
      ...base,
      clusters: clusters.clusterCount,
      linkedClusters: sizes.reduce((total, size) => total + (size > 1 ? 1 : 0), 0),
      largestCluster: sizes.reduce((largest, size) => Math.max(largest, size), 0),
      warnings: [],
    };
  }
  for (const warning of result.warnings) reporter.warn(warning);
  reporter.result(renderClusterResult(result), result);
  return result;
}

function keptPairs(table: PairTable, threshold: ClusterResult["threshold"]): Uint8Array {
  const values = threshold.kind === "matchWeight" ? table.matchWeight : table.matchProbability;
  const keep = new Uint8Array(values.length);
  for (let pair = 0; pair < values.length; pair++) keep[pair] = values[pair]! >= threshold.value ? 1 : 0;
  return keep;
}

async function writeClusters(
  path: string,
  records: RecordIndex,
  clusterOf: Int32Array,
  withSources: boolean,
): Promise<void> {
  const writer = await createCsvFileWriter(path, {
    header: ["id", ...(withSources ? ["source"] : []), "cluster_id"],
  });
  try {
    for (let record = 0; record < records.count; record++) {
      const cells = withSources
        ? [records.idOf(record), records.sourceNameOf(record) ?? "", clusterOf[record]!]
        : [records.idOf(record), clusterOf[record]!];
      if (writer.writeRow(cells)) await writer.flush();
    }
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

async function writeLinks(
  path: string,
  table: PairTable,
  records: RecordIndex,
  selected: Int32Array,
  ambiguous: Uint8Array,
): Promise<void> {
  const header = [
    "id_l",
    "id_r",
    ...(table.withSources ? ["source_l", "source_r"] : []),
    "match_probability",
    "ambiguous",
  ];
  const writer = await createCsvFileWriter(path, { header });
  const sourceName = (record: number) => records.sourceNameOf(record) ?? "";
  try {
    for (let index = 0; index < selected.length; index++) {
      const pair = selected[index]!;
      const a = table.left[pair]!;
      const b = table.right[pair]!;
      const cells = [
        records.idOf(a),
        records.idOf(b),
        ...(table.withSources ? [sourceName(a), sourceName(b)] : []),
        table.matchProbability[pair]!,
        ambiguous[index] ? 1 : 0,
      ];
      if (writer.writeRow(cells)) await writer.flush();
    }
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

export function renderClusterResult(result: ClusterResult): string {
  const threshold =
    result.threshold.kind === "matchWeight"
      ? `match weight ≥ ${result.threshold.value}`
      : `match probability ≥ ${formatProbability(result.threshold.value)}`;
  const lines = [
    `Read ${formatCount(result.pairsRead)} pairs over ${formatCount(result.records)} records from ${result.input}`,
    `  ${formatCount(result.pairsAtThreshold)} pairs with ${threshold}`,
  ];
  if (result.links !== undefined) {
    lines.push(
      `  one-to-one (${result.method === "optimal" ? "optimal: maximum total weight" : "best first"}): ${formatCount(result.links)} links, ${formatCount(result.ambiguousLinks ?? 0)} ambiguous`,
    );
  } else {
    lines.push(
      `  ${formatCount(result.clusters ?? 0)} clusters, ${formatCount(result.linkedClusters ?? 0)} of two records or more (largest: ${formatCount(result.largestCluster ?? 0)})`,
    );
  }
  lines.push(`Written to ${result.output}`);
  return `${lines.join("\n")}\n`;
}
