// The benchmark suite: runs the selected benchmarks, keeps their results in bench/results/, and rewrites
// docs/performance.md from every result file present. Usage:
//   pnpm bench                       everything (full sizes)
//   pnpm bench -- --quick            a few minutes: small sizes, results not written
//   pnpm bench -- --only linkage,csv one or more of: comparators, csv, linkage, french, scale
//   pnpm bench -- --only french --with-10m   the French suite with a 10 million-person SNDS extract too
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchRoot, markdownTable, repositoryRoot } from "./bench-support.js";
import { type ComparatorBenchRow, formatComparatorsTable, runComparatorsBench } from "./comparators-bench.js";
import { type CsvBenchResult, renderCsvBenchReport, runCsvBench } from "./csv-bench.js";
import { type FrenchBenchResult, renderFrenchSection, runFrenchBench } from "./french-bench.js";
import { formatLinkageTable, type LinkageBenchRow, runLinkageBench } from "./linkage-bench.js";
import { renderScaleSection, runScaleBench, type ScaleBenchResult } from "./scale-bench.js";

const suites = ["comparators", "csv", "linkage", "scale", "french"] as const;
type Suite = (typeof suites)[number];

function readResult<T>(name: string): T | undefined {
  const path = join(benchRoot, "results", name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : undefined;
}

function linkageSection(): string {
  const result = readResult<{
    machine: { date: string; cpu: string; cores: number; node: string };
    rows: LinkageBenchRow[];
  }>("linkage.json");
  if (!result) return "";
  const table = formatLinkageTable(result.rows);
  return `## End-to-end linkage on labelled data

Unsupervised: no label is used in training; the truth only scores the result. *wall* is read + train +
score + link (one-to-one for links, connected components for dedupe) in one process; *pairs/s scored* is
candidate pairs compared and scored per second in the prediction stage, one thread. Measured
${result.machine.date} on ${result.machine.cores} × ${result.machine.cpu}, Node ${result.machine.node}.

${table}

Configs: \`examples/febrl4\`, \`examples/febrl3\`, \`examples/fake1000\`, \`examples/historical50k\` (its Parquet
data is read from \`../shared/datasets/splink/\` when present). Dedupe scores are pairwise over clusters.

Reproduce: \`pnpm bench -- --only linkage\` (results: \`bench/results/linkage.json\`).
`;
}

function comparatorsSection(): string {
  const result = readResult<{ date: string; cpuModel: string; rows: ComparatorBenchRow[]; command: string }>(
    "comparators.json",
  );
  if (!result) return "";
  return `## Comparators

Distinct French names (6–12 characters) in one flat code-unit buffer, random pairs, one core (CPU time).
Measured ${result.date.slice(0, 10)} on ${result.cpuModel}. Details: [performance-comparators.md](performance-comparators.md).

${formatComparatorsTable(result.rows)}

Reproduce: \`pnpm bench -- --only comparators\`.
`;
}

function csvSection(): string {
  const result = readResult<CsvBenchResult>("csv-loading.json");
  if (!result) return "";
  const loads = result.variants.filter((variant) => variant.variant.startsWith("readCsvFile"));
  return `## CSV loading

${result.rows.toLocaleString("en-US")} rows × ${result.columns} columns read into a dictionary-encoded Dataset
(target ≤ ${result.targets.maxSeconds} s, ≤ ${result.targets.maxPeakMiB} MiB). Details: [performance-csv.md](performance-csv.md).

${markdownTable(
  ["variant", "median wall (s)", "median CPU (s)", "peak RSS (MiB)"],
  loads.map((variant) => [
    variant.variant,
    variant.medianSeconds.toFixed(2),
    variant.medianCpuSeconds.toFixed(2),
    variant.maxRssMiB,
  ]),
)}

Reproduce: \`pnpm bench -- --only csv\`.
`;
}

function scaleSection(): string {
  const result = readResult<ScaleBenchResult>("scale.json");
  return result ? renderScaleSection(result) : "";
}

function frenchSection(): string {
  const result = readResult<FrenchBenchResult>("french.json");
  return result ? renderFrenchSection(result) : "";
}

/** Rewrites docs/performance.md from the result files (atomically). */
export function writePerformanceDoc(): string {
  const sections = [
    linkageSection(),
    scaleSection(),
    frenchSection(),
    comparatorsSection(),
    csvSection(),
  ].filter((section) => section !== "");
  const text = `# Performance

Every number here is produced by the benchmark suite in \`bench/\` and kept in \`bench/results/\`; this page
is regenerated from those files by \`pnpm bench\`. The machine is the project's 2-core reference machine;
it is often shared with other jobs, so small differences are noise.

${sections.join("\n")}`;
  const path = join(repositoryRoot, "docs", "performance.md");
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  return path;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const onlyIndex = args.indexOf("--only");
  const selected: Suite[] = onlyIndex >= 0 ? (args[onlyIndex + 1]!.split(",") as Suite[]) : [...suites];
  for (const suite of selected) {
    if (!suites.includes(suite)) throw new Error(`unknown suite "${suite}"; known: ${suites.join(", ")}`);
  }
  if (selected.includes("comparators"))
    console.log(formatComparatorsTable(await runComparatorsBench({ quick })));
  if (selected.includes("csv")) {
    const result = await runCsvBench({ quick });
    if (!quick)
      writeFileSync(join(benchRoot, "results", "csv-loading.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(renderCsvBenchReport(result));
  }
  if (selected.includes("linkage")) console.log(runLinkageBench({ quick }).markdown);
  if (selected.includes("scale")) console.log(renderScaleSection(await runScaleBench({ quick })));
  if (selected.includes("french")) {
    const withTenMillion = args.includes("--with-10m");
    console.log(renderFrenchSection(await runFrenchBench({ quick, withTenMillion })));
  }
  if (!quick) console.log(`wrote ${writePerformanceDoc()}`);
}

await main();
