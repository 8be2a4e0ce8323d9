// End-to-end linkage benchmarks on labelled data: wall time per stage, pairs per second, peak memory, and
// precision / recall / F1 against the truth. Each scenario runs in its own process (clean peak memory).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, loadInputs, memoryIo, Reporter } from "linkage-cli";
import {
  type Dataset,
  datasetFromRecords,
  evaluateClusters,
  evaluateLinks,
  type LinkageResult,
  type LinkageSpec,
  parseSpec,
  runLinkage,
} from "linkage-core";
import {
  febrlTruth,
  machineFacts,
  markdownTable,
  peakMemoryMb,
  repositoryRoot,
  runIsolated,
  sharedDatasets,
  writeResult,
} from "./bench-support.js";

export interface LinkageBenchRow {
  readonly scenario: string;
  readonly linkType: string;
  readonly records: number;
  readonly candidatePairs: number;
  /** Read + train + score + link, in ms. */
  readonly wallMs: number;
  readonly readMs: number;
  readonly blockingMs: number;
  readonly trainingMs: number;
  readonly predictionMs: number;
  readonly linkingMs: number;
  /** Candidate pairs compared and scored per second (prediction stage, one thread). */
  readonly pairsPerSecond: number;
  readonly peakMemoryMb: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Label-free estimate of the false discovery rate of the decisions at the threshold vs the true one. */
  readonly estimatedFalseDiscoveryRate: number;
  readonly trueFalseDiscoveryRate: number;
}

interface Scenario {
  readonly name: string;
  /** Whether its data is available (shared datasets may be absent). */
  readonly available: () => boolean;
  readonly load: () => Promise<{
    spec: LinkageSpec;
    datasets: Dataset[];
    truth: (result: LinkageResult) => Int32Array;
  }>;
}

const examples = join(repositoryRoot, "examples");

async function fromConfig(path: string, truthFrom: "ids" | { column: string }) {
  const config = await loadConfig(path);
  const inputs = await loadInputs(
    config,
    new Reporter(memoryIo(), "quiet"),
    truthFrom === "ids" ? [] : [truthFrom.column],
  );
  return {
    spec: config.spec,
    datasets: [...inputs.datasets],
    truth: (result: LinkageResult) =>
      truthFrom === "ids"
        ? febrlTruth(result.context.dataset.ids)
        : result.context.dataset.columns.get(truthFrom.column)!.codes,
  };
}

const historicalFile = join(sharedDatasets, "splink", "historical_figures_with_errors_50k.parquet");

export const scenarios: readonly Scenario[] = [
  {
    name: "febrl4",
    available: () => true,
    load: () => fromConfig(join(examples, "febrl4", "febrl4.config.json"), "ids"),
  },
  {
    name: "febrl3",
    available: () => true,
    load: () => fromConfig(join(examples, "febrl3", "febrl3.config.json"), "ids"),
  },
  {
    name: "fake1000",
    available: () => true,
    load: () => fromConfig(join(examples, "fake1000", "fake1000.config.json"), { column: "cluster" }),
  },
  {
    name: "historical50k",
    available: () => existsSync(historicalFile),
    load: async () => {
      const { readHistoricalFigures } = await import("./parquet-input.js");
      const records = await readHistoricalFigures(historicalFile);
      const { parseJsonWithComments } = await import("linkage-cli");
      const { readFileSync } = await import("node:fs");
      const specPath = join(examples, "historical50k", "historical50k.spec.json");
      const spec = parseSpec(parseJsonWithComments(readFileSync(specPath, "utf8"), specPath));
      const dataset = datasetFromRecords("historical_50k", records, { idColumn: "unique_id" });
      return {
        spec,
        datasets: [dataset],
        truth: (result) => result.context.dataset.columns.get("cluster")!.codes,
      };
    },
  },
];

/** Runs one scenario in this process and returns its row. */
export async function runScenario(name: string): Promise<LinkageBenchRow> {
  const scenario = scenarios.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`unknown scenario ${name}`);
  const start = performance.now();
  const { spec, datasets, truth } = await scenario.load();
  const readMs = performance.now() - start;
  const result = runLinkage(spec, datasets);
  const wallMs = performance.now() - start;
  const truthCodes = truth(result);
  const { decisions, predictions, context } = result;
  let evaluation: { precision: number; recall: number; f1: number };
  let estimatedFalseDiscoveryRate = 0;
  if (decisions.kind === "links") {
    const left = Int32Array.from(decisions.selected, (pair) => predictions.pairs.left[pair]!);
    const right = Int32Array.from(decisions.selected, (pair) => predictions.pairs.right[pair]!);
    evaluation = evaluateLinks({
      left,
      right,
      truth: truthCodes,
      linkType: spec.linkType,
      sourceOf: context.dataset.sourceOf,
    });
    let expectedFalse = 0;
    for (const pair of decisions.selected) expectedFalse += 1 - predictions.matchProbability[pair]!;
    estimatedFalseDiscoveryRate =
      decisions.selected.length === 0 ? 0 : expectedFalse / decisions.selected.length;
  } else {
    evaluation = evaluateClusters(decisions.clusterOf, truthCodes);
    estimatedFalseDiscoveryRate =
      result.errorRates.find((rate) => rate.threshold === 0.5)?.estimatedFalseDiscoveryRate ?? 0;
  }
  const timings = result.timings;
  return {
    scenario: name,
    linkType: spec.linkType,
    records: context.dataset.rowCount,
    candidatePairs: predictions.pairs.count,
    wallMs: Math.round(wallMs),
    readMs: Math.round(readMs),
    blockingMs: timings.blockingMs,
    trainingMs: timings.trainingMs,
    predictionMs: timings.predictionMs,
    linkingMs: timings.linkingMs,
    pairsPerSecond: Math.round(predictions.pairs.count / Math.max(timings.predictionMs / 1000, 1e-3)),
    peakMemoryMb: peakMemoryMb(),
    precision: evaluation.precision,
    recall: evaluation.recall,
    f1: evaluation.f1,
    estimatedFalseDiscoveryRate,
    trueFalseDiscoveryRate: 1 - evaluation.precision,
  };
}

/**
 * Runs every available scenario, each in its own process; writes bench/results/linkage.json unless quick
 * (quick mode runs the small scenarios only).
 */
export function runLinkageBench(options: { readonly quick: boolean }): {
  rows: LinkageBenchRow[];
  markdown: string;
} {
  const script = fileURLToPath(import.meta.url);
  const rows = scenarios
    .filter((scenario) => scenario.available() && (!options.quick || scenario.name !== "historical50k"))
    .map((scenario) => runIsolated<LinkageBenchRow>(script, ["--scenario", scenario.name]));
  if (!options.quick)
    writeResult("linkage.json", { machine: machineFacts(), command: "pnpm bench -- --only linkage", rows });
  const markdown = formatLinkageTable(rows);
  return { rows, markdown };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf("--scenario");
  if (index >= 0) {
    const row = await runScenario(process.argv[index + 1]!);
    console.log(JSON.stringify(row));
  } else {
    const { markdown } = runLinkageBench({ quick: process.argv.includes("--quick") });
    console.log(markdown);
  }
}

/** The table of docs/performance.md's linkage section (and of the bench's console output). */
export function formatLinkageTable(rows: readonly LinkageBenchRow[]): string {
  return markdownTable(
    [
      "scenario",
      "type",
      "records",
      "candidate pairs",
      "wall (s)",
      "training (s)",
      "pairs/s scored",
      "peak MB",
      "precision",
      "recall",
      "F1",
    ],
    rows.map((row) => [
      row.scenario,
      row.linkType,
      row.records.toLocaleString("en-US"),
      row.candidatePairs.toLocaleString("en-US"),
      (row.wallMs / 1000).toFixed(2),
      (row.trainingMs / 1000).toFixed(2),
      row.pairsPerSecond.toLocaleString("en-US"),
      row.peakMemoryMb,
      row.precision.toFixed(4),
      row.recall.toFixed(4),
      row.f1.toFixed(4),
    ]),
  );
}
