// Micro-benchmark of the string comparators on realistic French names: pairs per second for the
// flat-buffer kernels used by the comparison hot loop and for the JS-string entry points.

import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  damerauLevenshteinFlat,
  flattenStrings,
  jaroFlat,
  jaroWinkler,
  jaroWinklerFlat,
  levenshtein,
  levenshteinFlat,
  qgramJaccard,
} from "linkage-core";
import seedrandom from "seedrandom";
import { Bench } from "tinybench";
import { generateFrenchNames } from "./comparators-names.js";

export interface ComparatorBenchRow {
  readonly task: string;
  readonly pairsPerSecond: number;
  readonly nanosecondsPerPair: number;
  /** 95 % relative margin of error of the mean iteration time, in percent. */
  readonly relativeMarginOfErrorPercent: number;
  readonly samples: number;
  /** Target from the project brief, when there is one. */
  readonly targetPairsPerSecond: number | null;
  /** Sum of the comparator over one pass of the pairs: equal sums show two variants agree. */
  readonly checksum: number;
}

export type ResultRows = readonly ComparatorBenchRow[];

export interface ComparatorBenchOptions {
  /** A short run for smoke tests: fewer pairs, shorter timings, no results file written. */
  readonly quick: boolean;
}

const DISTINCT_VALUES = 2000;
const SEED = 20240601;
const RESULTS_URL = new URL("../results/comparators.json", import.meta.url);

/**
 * Runs the comparator tasks and returns one row per task. A full run (not `quick`) also writes
 * bench/results/comparators.json with the machine description.
 */
export async function runComparatorsBench(options: ComparatorBenchOptions): Promise<ResultRows> {
  const pairCount = options.quick ? 20_000 : 200_000;
  const names = generateFrenchNames(DISTINCT_VALUES, SEED);
  const flat = flattenStrings(names);
  const random = seedrandom(String(SEED + 1));
  const pairs = new Int32Array(2 * pairCount);
  for (let index = 0; index < pairs.length; index++) pairs[index] = Math.floor(random() * names.length);

  // One loop per task, each calling its comparator directly: a shared loop calling through a function
  // value would turn megamorphic and measure the indirect call rather than the comparator.
  const tasks: readonly { name: string; target: number | null; run: () => number }[] = [
    {
      name: "jaroWinklerFlat",
      target: 4e6,
      run: () => {
        let total = 0;
        for (let index = 0; index < pairs.length; index += 2)
          total += jaroWinklerFlat(flat, pairs[index], pairs[index + 1]);
        return total;
      },
    },
    {
      name: "jaroFlat",
      target: null,
      run: () => {
        let total = 0;
        for (let index = 0; index < pairs.length; index += 2)
          total += jaroFlat(flat, pairs[index], pairs[index + 1]);
        return total;
      },
    },
    {
      name: "levenshteinFlat",
      target: 5e6,
      run: () => {
        let total = 0;
        for (let index = 0; index < pairs.length; index += 2)
          total += levenshteinFlat(flat, pairs[index], pairs[index + 1]);
        return total;
      },
    },
    {
      name: "damerauLevenshteinFlat",
      target: null,
      run: () => {
        let total = 0;
        for (let index = 0; index < pairs.length; index += 2) {
          total += damerauLevenshteinFlat(flat, pairs[index], pairs[index + 1]);
        }
        return total;
      },
    },
    {
      name: "jaroWinkler (JS strings)",
      target: null,
      run: () => {
        let total = 0;
        for (let index = 0; index < pairs.length; index += 2)
          total += jaroWinkler(names[pairs[index]], names[pairs[index + 1]]);
        return total;
      },
    },
    {
      name: "levenshtein (JS strings)",
      target: null,
      run: () => {
        let total = 0;
        for (let index = 0; index < pairs.length; index += 2)
          total += levenshtein(names[pairs[index]], names[pairs[index + 1]]);
        return total;
      },
    },
    {
      name: "qgramJaccard q=2 (JS strings)",
      target: null,
      run: () => {
        let total = 0;
        for (let index = 0; index < pairs.length; index += 2) {
          total += qgramJaccard(names[pairs[index]], names[pairs[index + 1]], 2);
        }
        return total;
      },
    },
    {
      name: "baseline: textbook Jaro–Winkler (JS strings)",
      target: null,
      run: () => {
        let total = 0;
        for (let index = 0; index < pairs.length; index += 2) {
          total += textbookJaroWinkler(names[pairs[index]], names[pairs[index + 1]]);
        }
        return total;
      },
    },
  ];

  const bench = new Bench({
    // Process CPU time rather than wall time: the machine is shared, and CPU time is what "pairs per
    // second on one core" means. getrusage on Linux counts it precisely, not in scheduler ticks.
    now: cpuTimeMs,
    time: options.quick ? 200 : 2000,
    iterations: options.quick ? 3 : 10,
    warmupTime: options.quick ? 50 : 500,
    warmupIterations: options.quick ? 1 : 3,
  });
  const checksums = new Map<string, number>();
  let sink = 0;
  for (const task of tasks) {
    const run = task.run;
    checksums.set(task.name, run());
    bench.add(task.name, () => {
      sink += run();
    });
  }
  await bench.run();
  if (Number.isNaN(sink)) throw new Error("a comparator returned NaN");

  const rows = tasks.map((task, index): ComparatorBenchRow => {
    const result = bench.tasks[index].result;
    if (result.state !== "completed") throw new Error(`benchmark task ${task.name} ended as ${result.state}`);
    const secondsPerIteration = result.latency.mean / 1000;
    return {
      task: task.name,
      pairsPerSecond: Math.round(pairCount / secondsPerIteration),
      nanosecondsPerPair: Number(((secondsPerIteration * 1e9) / pairCount).toFixed(1)),
      relativeMarginOfErrorPercent: Number(result.latency.rme.toFixed(2)),
      samples: result.latency.samplesCount,
      targetPairsPerSecond: task.target,
      checksum: Number((checksums.get(task.name) ?? 0).toFixed(6)),
    };
  });

  if (!options.quick) {
    const report = {
      benchmark: "comparators",
      date: new Date().toISOString(),
      node: process.version,
      cpuModel: cpus()[0]?.model ?? "unknown",
      logicalCpus: cpus().length,
      platform: `${process.platform} ${process.arch}`,
      distinctValues: names.length,
      meanValueLength: Number((flat.codeUnits.length / names.length).toFixed(2)),
      pairsPerIteration: pairCount,
      clock: "process CPU time (user + system), mean over samples",
      command: "npx tsc -b packages/linkage-core bench && node bench/dist/comparators-bench.js",
      rows,
    };
    await writeFile(RESULTS_URL, `${JSON.stringify(report, null, 2)}\n`);
  }
  return rows;
}

function cpuTimeMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * The usual straightforward implementation (boolean arrays allocated per call, string indexing), as a
 * same-machine, same-moment baseline: absolute numbers vary with the load, ratios much less.
 */
function textbookJaroWinkler(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let indexA = 0; indexA < a.length; indexA++) {
    const high = Math.min(b.length - 1, indexA + window);
    for (let indexB = Math.max(0, indexA - window); indexB <= high; indexB++) {
      if (!matchedB[indexB] && a[indexA] === b[indexB]) {
        matchedA[indexA] = matchedB[indexB] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let outOfOrder = 0;
  let indexB = 0;
  for (let indexA = 0; indexA < a.length; indexA++) {
    if (!matchedA[indexA]) continue;
    while (!matchedB[indexB]) indexB++;
    if (a[indexA] !== b[indexB++]) outOfOrder++;
  }
  const similarity =
    (matches / a.length + matches / b.length + (matches - Math.floor(outOfOrder / 2)) / matches) / 3;
  if (similarity < 0.7) return similarity;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return similarity + prefix * 0.1 * (1 - similarity);
}

/** The rows as a markdown table (pairs per second in millions). */
export function formatComparatorsTable(rows: ResultRows): string {
  const lines = [
    "| Comparator | M pairs/s | ns/pair | ± % | target |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    const target = row.targetPairsPerSecond === null ? "" : `≥ ${row.targetPairsPerSecond / 1e6} M`;
    lines.push(
      `| ${row.task} | ${(row.pairsPerSecond / 1e6).toFixed(2)} | ${row.nanosecondsPerPair} | ${row.relativeMarginOfErrorPercent} | ${target} |`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  const rows = await runComparatorsBench({ quick });
  console.log(formatComparatorsTable(rows));
  if (!quick) console.log(`\nwrote ${fileURLToPath(RESULTS_URL)}`);
}
