// Scale benchmarks: deduplication of 10 k, 100 k and 1 M synthetic identity records, a 100 k registry linked to
// a 10 M SNDS-like extract, and the comparison step on one thread against two. Each measurement runs the real
// command line (`linkage run`, streamed, on worker threads) in its own process, for a clean peak memory.
// Data is generated once (seeded) into out/scale-bench/data and reused.
// `node bench/dist/scale-bench.js --compare <config> <threads>` runs one comparison-step measurement (the child
// process measureSpeedup starts; configs are written to out/scale-bench/configs by a full run) and prints its row.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, loadInputs, memoryIo, Reporter, runCli } from "linkage-cli";
import { evaluateClusters, generateCandidatePairs, prepareLinkage } from "linkage-core";
import { createWorkerComparer, writeSyntheticCohort } from "linkage-core/node";
import {
  machineFacts,
  markdownTable,
  peakMemoryMb,
  repositoryRoot,
  runIsolated,
  writeResult,
} from "./bench-support.js";

const workRoot = join(repositoryRoot, "out", "scale-bench");
const dataRoot = join(workRoot, "data");
const SEED = "scale-bench";

/** The targets of issue 6, on this 2-core machine. */
export const SCALE_TARGETS = {
  dedupeMillionSeconds: 60,
  dedupeMillionMemoryMb: 4096,
  registrySndsSeconds: 300,
  registrySndsMemoryMb: 8192,
  twoThreadSpeedup: 1.8,
} as const;

/** One `linkage run` measured in its own process. */
export interface ScaleRunRow {
  readonly scenario: "dedupe" | "registry-snds";
  /** Records of each input. */
  readonly records: readonly number[];
  readonly threads: number;
  readonly candidatePairs: number;
  /** Whole `linkage run`: read, block, train, score, link, write. */
  readonly wallMs: number;
  readonly readMs: number;
  readonly blockingMs: number;
  readonly trainingMs: number;
  readonly predictionMs: number;
  readonly linkingMs: number;
  readonly writingMs: number;
  readonly peakMemoryMb: number;
  /** One-minute load average of the machine when the run started (2 = both cores busy already). */
  readonly loadAverage: number;
  readonly pairsWritten: number;
  /** Clusters (dedupe) or links (registry). */
  readonly decisions: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** The comparison step alone (candidate pairs in memory, compared chunk by chunk), in one process per run. */
export interface SpeedupRow {
  readonly records: number;
  readonly candidatePairs: number;
  readonly threads: number;
  /** Best wall time over the runs: other jobs on the machine only ever make a run slower. */
  readonly wallMs: number;
  readonly runsMs: readonly number[];
  /** CPU time of the process (all threads) during the step, in the best run. */
  readonly cpuMs: number;
  /** One-minute load average of the machine when each run started (2 = both cores busy already). */
  readonly loadAverages: readonly number[];
}

/** Runs of the comparison step per thread count, alternated so that other jobs weigh on both alike. */
const SPEEDUP_RUNS = 3;

export interface ScaleBenchResult {
  readonly machine: ReturnType<typeof machineFacts>;
  readonly targets: typeof SCALE_TARGETS;
  readonly dedupe: readonly ScaleRunRow[];
  readonly registrySnds?: ScaleRunRow;
  readonly speedup: readonly SpeedupRow[];
  readonly commands: readonly string[];
}

const dedupeSizes = { quick: [10_000, 100_000], full: [10_000, 100_000, 1_000_000] } as const;
const registrySizes = {
  quick: { registry: 10_000, extract: 200_000 },
  full: { registry: 100_000, extract: 10_000_000 },
} as const;

/** Standardisation of the identity columns, as the demo config does. */
const IDENTITY_STANDARDISATION = [
  {
    column: "first_name",
    steps: ["trim", "upper", "foldAccents", "normalisePunctuation", "collapseWhitespace"],
  },
  {
    column: "birth_name",
    steps: ["trim", "upper", "foldAccents", "normalisePunctuation", "collapseWhitespace"],
  },
  { column: "birth_date", steps: [{ kind: "date" }] },
  { column: "sex", steps: ["sex"] },
  { column: "commune_code", steps: ["inseeCommune"] },
];

function dedupeConfig(folder: string): unknown {
  return {
    linkType: "dedupe",
    inputs: [
      {
        name: "warehouse",
        path: join(folder, "warehouse.csv"),
        idColumn: "record_id",
        standardise: IDENTITY_STANDARDISATION,
      },
    ],
    comparisons: [
      {
        template: "nameComparison",
        column: "first_name",
        phonetic: "phonex",
        thresholds: [0.92, 0.85],
        termFrequency: true,
      },
      {
        template: "nameComparison",
        column: "birth_name",
        phonetic: "phonex",
        thresholds: [0.92, 0.85],
        termFrequency: true,
      },
      { template: "exactMatch", column: "sex" },
      {
        template: "dateDifferenceAtThresholds",
        column: "birth_date",
        dayMonthSwap: true,
        thresholds: [
          { unit: "days", threshold: 1 },
          { unit: "months", threshold: 1 },
          { unit: "years", threshold: 1 },
        ],
      },
      { template: "exactMatch", column: "commune_code", termFrequency: true },
      { template: "levenshteinAtThresholds", column: "postal_code", thresholds: [1] },
    ],
    blockingRules: [
      { keys: ["birth_date"] },
      { keys: ["birth_name", { column: "birth_date", transform: { kind: "year" } }] },
      { keys: ["first_name", "birth_name"] },
      {
        keys: [
          { column: "birth_name", transform: { kind: "phonetic", algorithm: "soundexFr" } },
          "commune_code",
        ],
      },
    ],
    threshold: { kind: "matchProbability", value: 0.5 },
    maxCandidatePairs: 1_000_000_000,
  };
}

/** Registry → SNDS without names: sex, birth (full date against year-month), commune, death date. */
function registrySndsConfig(folder: string): unknown {
  const standardise = [
    { column: "sex", steps: ["sex"] },
    { column: "birth", steps: [{ kind: "date" }] },
    { column: "commune", steps: ["inseeCommune"] },
    { column: "commune", output: "departement", steps: ["departement"] },
    { column: "death", steps: [{ kind: "date" }] },
  ];
  return {
    linkType: "link",
    inputs: [
      {
        name: "registry",
        path: join(folder, "registry-persons.csv"),
        idColumn: "registry_id",
        rename: { birth_date: "birth", commune_code: "commune", death_date: "death" },
        standardise,
      },
      {
        name: "snds",
        path: join(folder, "snds-persons.csv"),
        idColumn: "snds_id",
        rename: { birth_year_month: "birth", commune_code: "commune", death_date: "death" },
        standardise,
      },
    ],
    comparisons: [
      { template: "exactMatch", column: "sex" },
      {
        template: "partialBirthDateComparison",
        column: "birth",
        categories: [
          "exactYearMonth",
          "dayMonthSwap",
          "sameMonthYearPlusMinusOne",
          "sameYear",
          "within12Months",
        ],
      },
      {
        template: "communeComparison",
        column: "commune",
        categories: ["sameCommune", "compatiblePostalCode", "sameDepartement", "sameRegion"],
        pmsiCodes: true,
        termFrequency: true,
      },
      { template: "deathDateComparison", column: "death" },
    ],
    blockingRules: [
      {
        name: "sex, birth month, département",
        keys: ["sex", { column: "birth", transform: { kind: "yearMonth" } }, "departement"],
      },
      {
        name: "birth month, commune",
        keys: [{ column: "birth", transform: { kind: "yearMonth" } }, "commune"],
      },
      {
        name: "sex, birth year, commune",
        keys: ["sex", { column: "birth", transform: { kind: "year" } }, "commune"],
      },
    ],
    threshold: { kind: "matchProbability", value: 0.5 },
    maxCandidatePairs: 1_000_000_000,
  };
}

/** Generates a cohort unless the same one (scenario and options) is already on disk. */
async function ensureCohort(
  name: string,
  scenario: "warehouse-duplicates" | "registry-snds",
  options: Record<string, unknown>,
): Promise<string> {
  const folder = join(dataRoot, name);
  const stamp = join(folder, "bench-options.json");
  const wanted = JSON.stringify({ scenario, options });
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return folder;
  const start = performance.now();
  await writeSyntheticCohort(scenario as "warehouse-duplicates", options as never, folder);
  writeFileSync(stamp, wanted);
  console.error(`generated ${name} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return folder;
}

async function dedupeFolder(records: number): Promise<string> {
  return ensureCohort(`warehouse-${records}`, "warehouse-duplicates", { seed: SEED, recordCount: records });
}

async function registryFolder(registry: number, extract: number): Promise<string> {
  return ensureCohort(`registry-snds-${registry}-${extract}`, "registry-snds", {
    seed: SEED,
    registryPersonCount: registry,
    sndsPersonCount: extract,
  });
}

function writeConfig(name: string, config: unknown): string {
  const path = join(workRoot, "configs", `${name}.config.json`);
  mkdirSync(join(workRoot, "configs"), { recursive: true });
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/** CSV rows as arrays of fields (the files here never quote). */
function csvRows(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .slice(1)
    .filter((line) => line !== "")
    .map((line) => line.split(","));
}

interface RunSummaryFile {
  readonly blocking: { readonly candidatePairs: number };
  readonly results: { readonly pairsWritten: number; readonly clusters?: number; readonly links?: number };
  readonly timingsMs: {
    readonly readingMs: number;
    readonly blockingMs: number;
    readonly trainingMs: number;
    readonly predictionMs: number;
    readonly linkingMs: number;
    readonly writingMs?: number;
  };
  readonly threads: number;
}

/** Child process: one `linkage run` of a generated cohort, then its quality against the truth. */
async function measureRun(
  scenario: ScaleRunRow["scenario"],
  folder: string,
  configPath: string,
  threads: number | undefined,
): Promise<ScaleRunRow> {
  const output = join(workRoot, "runs", `${scenario}-${folder.split("/").at(-1)}`);
  const loadAverage = loadavg()[0]!;
  const start = performance.now();
  const io = memoryIo(workRoot);
  const args = ["run", configPath, "-o", output, "--force", "--quiet"];
  const code = await runCli(threads === undefined ? args : [...args, "--threads", String(threads)], io);
  const wallMs = performance.now() - start;
  const peak = peakMemoryMb();
  if (code !== 0) throw new Error(`linkage run failed (${code}): ${io.err.join("")}`);
  const summary = JSON.parse(readFileSync(join(output, "summary.json"), "utf8")) as RunSummaryFile;
  const quality = scenario === "dedupe" ? dedupeQuality(folder, output) : linkQuality(folder, output);
  const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as {
    counts: Record<string, number>;
  };
  const timings = summary.timingsMs;
  return {
    scenario,
    records:
      scenario === "dedupe"
        ? [manifest.counts.warehouse!]
        : [manifest.counts["registry-persons"]!, manifest.counts["snds-persons"]!],
    threads: summary.threads,
    candidatePairs: summary.blocking.candidatePairs,
    wallMs: Math.round(wallMs),
    readMs: timings.readingMs,
    blockingMs: timings.blockingMs,
    trainingMs: timings.trainingMs,
    predictionMs: timings.predictionMs,
    linkingMs: timings.linkingMs,
    writingMs: timings.writingMs ?? 0,
    peakMemoryMb: peak,
    loadAverage: Math.round(loadAverage * 100) / 100,
    pairsWritten: summary.results.pairsWritten,
    decisions: summary.results.clusters ?? summary.results.links ?? 0,
    ...quality,
  };
}

/** Pairwise precision and recall of the clusters against the warehouse truth (entity of each record). */
function dedupeQuality(folder: string, output: string) {
  const entityOf = new Map(csvRows(join(folder, "truth.csv")).map(([record, entity]) => [record!, entity!]));
  const clusters = csvRows(join(output, "clusters.csv"));
  const entityCodes = new Map<string, number>();
  const truth = Int32Array.from(clusters, ([record]) => {
    const entity = entityOf.get(record!)!;
    let code = entityCodes.get(entity);
    if (code === undefined) {
      code = entityCodes.size;
      entityCodes.set(entity, code);
    }
    return code;
  });
  const clusterOf = Int32Array.from(clusters, (row) => Number(row[1]));
  const { precision, recall, f1 } = evaluateClusters(clusterOf, truth);
  return { precision, recall, f1 };
}

/** Precision and recall of the registry → extract links against the truth pairs. */
function linkQuality(folder: string, output: string) {
  const truth = new Set(csvRows(join(folder, "truth.csv")).map(([registry, snds]) => `${registry},${snds}`));
  const links = csvRows(join(output, "links.csv"));
  const correct = links.filter(
    ([left, right]) => truth.has(`${left},${right}`) || truth.has(`${right},${left}`),
  );
  const precision = links.length === 0 ? 0 : correct.length / links.length;
  const recall = truth.size === 0 ? 0 : correct.length / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Child process: the comparison step on its own. Candidate pairs are generated first (untimed), then every
 * pair is compared chunk by chunk, one chunk ahead, as training and prediction do; caches start cold.
 */
async function measureComparisons(
  configPath: string,
  threads: number,
): Promise<{ records: number; candidatePairs: number; wallMs: number; cpuMs: number; loadAverage: number }> {
  const loadAverage = loadavg()[0]!;
  const config = await loadConfig(configPath);
  const inputs = await loadInputs(config, new Reporter(memoryIo(), "quiet"));
  const context = prepareLinkage(config.spec, inputs.datasets);
  const pairs = generateCandidatePairs(context.dataset, config.spec.blockingRules, config.spec.linkType, {
    maxPairs: config.spec.maxCandidatePairs,
  });
  const comparer = createWorkerComparer(context, { threads });
  // Workers compile their comparisons before the clock starts: the step, not the start-up, is measured.
  comparer.compare(pairs, { end: Math.min(1, pairs.count) });
  const chunkPairs = 1 << 20;
  const ranges = Array.from(
    { length: Math.ceil(pairs.count / chunkPairs) },
    (_, index) => index * chunkPairs,
  );
  const cpu = process.cpuUsage();
  const start = performance.now();
  let levels = 0;
  // One chunk ahead, as the pipeline runs: the next chunk is started before the current one is collected.
  let pending: ReturnType<typeof comparer.beginCompare> | undefined;
  for (const first of ranges) {
    const next = comparer.beginCompare(pairs, {
      start: first,
      end: Math.min(pairs.count, first + chunkPairs),
    });
    if (pending) levels += pending.result().pairCount;
    pending = next;
  }
  if (pending) levels += pending.result().pairCount;
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  comparer.close();
  if (levels !== pairs.count) throw new Error("not every pair was compared");
  return {
    records: context.dataset.rowCount,
    candidatePairs: pairs.count,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((used.user + used.system) / 1000),
    loadAverage: Math.round(loadAverage * 100) / 100,
  };
}

/** Load average below which the machine counts as quiet: no other job holds a whole core. */
const QUIET_LOAD = 1;
const QUIET_WAIT_MS = 3 * 60 * 1000;

/**
 * Waits (up to three minutes) until no other job holds a core: a speed-up measured while another job runs only
 * says how busy the machine was. The load at the start of each run is recorded either way.
 */
function waitForQuietMachine(): void {
  const deadline = Date.now() + QUIET_WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (loadavg()[0]! >= QUIET_LOAD && Date.now() < deadline) Atomics.wait(pause, 0, 0, 5000);
}

/** The comparison step on one thread and on two, `runs` times each, alternated; the best run of each. */
function measureSpeedup(script: string, configPath: string, runs: number): SpeedupRow[] {
  const measured = new Map<number, Awaited<ReturnType<typeof measureComparisons>>[]>([
    [1, []],
    [2, []],
  ]);
  for (let run = 0; run < runs; run++) {
    for (const threads of [1, 2]) {
      waitForQuietMachine();
      measured.get(threads)!.push(runIsolated(script, ["--compare", configPath, String(threads)]));
    }
  }
  return [...measured].map(([threads, rows]) => {
    const best = rows.reduce((fastest, row) => (row.wallMs < fastest.wallMs ? row : fastest));
    return {
      records: best.records,
      candidatePairs: best.candidatePairs,
      threads,
      wallMs: best.wallMs,
      runsMs: rows.map((row) => row.wallMs),
      cpuMs: best.cpuMs,
      loadAverages: rows.map((row) => row.loadAverage),
    };
  });
}

/** Runs the scale benchmarks, each measurement in its own process; writes bench/results/scale.json unless quick. */
export async function runScaleBench(options: { readonly quick: boolean }): Promise<ScaleBenchResult> {
  const script = fileURLToPath(import.meta.url);
  const sizes = options.quick ? dedupeSizes.quick : dedupeSizes.full;
  const dedupe: ScaleRunRow[] = [];
  for (const records of sizes) {
    const folder = await dedupeFolder(records);
    const config = writeConfig(`dedupe-${records}`, dedupeConfig(folder));
    dedupe.push(runIsolated<ScaleRunRow>(script, ["--run", "dedupe", folder, config]));
    console.error(`dedupe ${records}: ${(dedupe.at(-1)!.wallMs / 1000).toFixed(1)} s`);
  }
  const registry = options.quick ? registrySizes.quick : registrySizes.full;
  const linkFolder = await registryFolder(registry.registry, registry.extract);
  const linkConfig = writeConfig(`registry-snds-${registry.extract}`, registrySndsConfig(linkFolder));
  const registrySnds = runIsolated<ScaleRunRow>(script, ["--run", "registry-snds", linkFolder, linkConfig]);
  console.error(`registry-snds: ${(registrySnds.wallMs / 1000).toFixed(1)} s`);
  const speedupConfig = writeConfig(
    `dedupe-${sizes.at(-1)}`,
    dedupeConfig(await dedupeFolder(sizes.at(-1)!)),
  );
  const speedup = measureSpeedup(script, speedupConfig, options.quick ? 1 : SPEEDUP_RUNS);
  const result: ScaleBenchResult = {
    machine: machineFacts(),
    targets: SCALE_TARGETS,
    dedupe,
    registrySnds,
    speedup,
    commands: ["pnpm bench -- --only scale", "node bench/dist/scale-bench.js --quick"],
  };
  if (!options.quick) writeResult("scale.json", result);
  return result;
}

const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(1);
const count = (value: number) => value.toLocaleString("en-US");

/** The section of docs/performance.md, from a result. */
export function renderScaleSection(result: ScaleBenchResult): string {
  const { targets } = result;
  const runRow = (row: ScaleRunRow) => [
    row.scenario,
    row.records.map(count).join(" → "),
    count(row.candidatePairs),
    row.threads,
    seconds(row.wallMs),
    seconds(row.readMs),
    seconds(row.blockingMs),
    seconds(row.trainingMs),
    seconds(row.predictionMs),
    seconds(row.writingMs),
    count(row.peakMemoryMb),
    row.loadAverage.toFixed(1),
    row.precision.toFixed(4),
    row.recall.toFixed(4),
  ];
  const runs = [...result.dedupe, ...(result.registrySnds ? [result.registrySnds] : [])];
  const million = result.dedupe.find((row) => row.records[0] === 1_000_000);
  const one = result.speedup.find((row) => row.threads === 1);
  const two = result.speedup.find((row) => row.threads === 2);
  const ratio = one && two ? one.wallMs / two.wallMs : undefined;
  const verdict = (met: boolean) => (met ? "met" : "**not met**");
  const lines: string[] = [];
  if (million) {
    lines.push(
      `- Dedupe of 1 M records, train + predict + cluster: ${seconds(million.wallMs)} s (target ≤ ${targets.dedupeMillionSeconds} s, ${verdict(million.wallMs <= targets.dedupeMillionSeconds * 1000)}), ${count(million.peakMemoryMb)} MB peak (target ≤ ${count(targets.dedupeMillionMemoryMb)} MB, ${verdict(million.peakMemoryMb <= targets.dedupeMillionMemoryMb)}).`,
    );
  }
  if (result.registrySnds) {
    const link = result.registrySnds;
    lines.push(
      `- Registry ${count(link.records[0]!)} → extract ${count(link.records[1]!)}: ${seconds(link.wallMs)} s (target ≤ ${targets.registrySndsSeconds} s, ${verdict(link.wallMs <= targets.registrySndsSeconds * 1000)}), ${count(link.peakMemoryMb)} MB peak (target ≤ ${count(targets.registrySndsMemoryMb)} MB, ${verdict(link.peakMemoryMb <= targets.registrySndsMemoryMb)}).`,
    );
  }
  if (ratio !== undefined && one && two) {
    lines.push(
      `- Comparison step on ${count(one.candidatePairs)} candidate pairs: ${seconds(one.wallMs)} s on one thread, ${seconds(two.wallMs)} s on two: ×${ratio.toFixed(2)} (target ≥ ×${targets.twoThreadSpeedup}, ${verdict(ratio >= targets.twoThreadSpeedup)}); CPU time ${seconds(one.cpuMs)} s against ${seconds(two.cpuMs)} s.`,
    );
  }
  return `## Scale: millions of records on every core

Each row is one \`linkage run\` (read, block, train, score, cluster or link one-to-one, write every output)
in its own process, streamed: candidate pairs are generated, compared and scored a chunk at a time on worker
threads (two here, one per core), pairs.csv is written as they come and only the pairs at or above the
threshold stay in memory. Synthetic seeded cohorts (\`warehouse-duplicates\`, \`registry-snds\` without
stays). Measured ${result.machine.date} on ${result.machine.cores} × ${result.machine.cpu}, Node ${result.machine.node}.
The machine is shared with other jobs: *load* is its one-minute load average when a run started (above 1,
another job held a core and the two worker threads shared what was left), so times are upper bounds.

${lines.join("\n")}

${markdownTable(
  [
    "scenario",
    "records",
    "candidate pairs",
    "threads",
    "wall (s)",
    "read (s)",
    "blocking (s)",
    "training (s)",
    "scoring (s)",
    "writing (s)",
    "peak MB",
    "load",
    "precision",
    "recall",
  ],
  runs.map(runRow),
)}

${growthText(result.dedupe)}

The registry row links on sex, birth date against birth year-month, commune and death date only (no names, no
stays): at 10 M persons these identify a subject poorly. Links are decided on one-to-one posteriors, which weigh
each candidate against its look-alikes, so the run links only the subjects it can tell apart (high precision, low
recall; pairwise decisions linked 43 % at 73 % precision). It measures scale, not quality (see the French
benchmark for the linkage with hospital stays).

The comparison step, one thread against two (candidate pairs already in memory, caches cold, worker start-up
excluded; runs alternated, each started once the load average fell below 1 or after three minutes, and the
best kept, since other jobs only ever slow a run down):

${markdownTable(
  ["records", "candidate pairs", "threads", "best wall (s)", "runs (s)", "CPU (s)", "load at start"],
  result.speedup.map((row) => [
    count(row.records),
    count(row.candidatePairs),
    row.threads,
    seconds(row.wallMs),
    row.runsMs.map(seconds).join(" / "),
    seconds(row.cpuMs),
    row.loadAverages.map((load) => load.toFixed(1)).join(" / "),
  ]),
)}

*CPU* is the whole process. Two threads repeat little work: each comparison's key pairs mostly meet one
worker's level cache, and a helper taking a few blocks of another worker's comparison recomputes only the key
pairs it has not met itself. A one-thread run also borrows the second core a little, for V8's background
garbage collection and compilation, which a two-thread run has no spare core for.

Reproduce: \`pnpm bench -- --only scale\` (results: \`bench/results/scale.json\`; data and outputs in
\`out/scale-bench/\`). How to run large linkages: [scale.md](scale.md).
`;
}

/** How time and memory grow between consecutive deduplication sizes, from the measured rows. */
function growthText(rows: readonly ScaleRunRow[]): string {
  if (rows.length < 2) return "";
  const steps = rows.slice(1).map((row, index) => {
    const previous = rows[index]!;
    const ratio = (after: number, before: number) => `×${(after / Math.max(before, 1)).toFixed(1)}`;
    return `${count(previous.records[0]!)} → ${count(row.records[0]!)} records: candidate pairs ${ratio(row.candidatePairs, previous.candidatePairs)}, wall time ${ratio(row.wallMs, previous.wallMs)}, peak memory ${ratio(row.peakMemoryMb, previous.peakMemoryMb)}`;
  });
  return `How it grows (dedupe): ${steps.join("; ")}. Candidate pairs grow faster than the records (blocks such
as "same birth date" fill up), and time follows the candidate pairs once the fixed costs are paid (worker
start-up, the u sample of a million random pairs, which dominate at 10 k). Memory follows the records and their
distinct values, never the candidate pairs: pairs stream through in chunks.`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runIndex = process.argv.indexOf("--run");
  const compareIndex = process.argv.indexOf("--compare");
  const threadsIndex = process.argv.indexOf("--threads");
  const threads = threadsIndex >= 0 ? Number(process.argv[threadsIndex + 1]) : undefined;
  if (runIndex >= 0) {
    const [scenario, folder, config] = process.argv.slice(runIndex + 1);
    console.log(
      JSON.stringify(await measureRun(scenario as ScaleRunRow["scenario"], folder!, config!, threads)),
    );
  } else if (compareIndex >= 0) {
    const [config, count] = process.argv.slice(compareIndex + 1);
    console.log(JSON.stringify(await measureComparisons(config!, Number(count))));
  } else {
    const result = await runScaleBench({ quick: process.argv.includes("--quick") });
    console.log(renderScaleSection(result));
  }
}
