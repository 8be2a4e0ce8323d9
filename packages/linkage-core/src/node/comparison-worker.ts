// Entry point of a comparison worker thread: compiles the comparisons once on the shared columns (its own level
// caches), then takes units of work — one comparison over one block of pairs — from shared counters until a task
// is done, writing levels (and the scores of the blocks it completes) straight into shared output arrays.
// Launched by createWorkerComparer; not meant to be imported.
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import {
  type CompileComparisonsOptions,
  type CompiledComparison,
  compileComparisons,
} from "../comparisons/compile-comparisons.js";
import type { Dataset, EncodedColumn } from "../data/dataset.js";
import type { ScoringModel } from "../parallel/pair-comparer.js";
import { scoreLevels } from "../parallel/score-levels.js";
import { computeComparisonVectors } from "../vectors/compute-comparison-vectors.js";
import type { ComparisonVectors } from "../vectors/types.js";
import {
  type ComparisonTask,
  ControlWord,
  describeFailure,
  TaskCounter,
  type WorkerSetup,
} from "./comparison-worker-protocol.js";

const setup = workerData as WorkerSetup;
const { control } = setup;
const errorPort: MessagePort = setup.port;
let comparisons: CompiledComparison[] | undefined;
let model: ScoringModel | undefined;

/** The task being run: a failure wakes the caller sleeping on its counters. */
let current: ComparisonTask | undefined;

function fail(error: unknown): void {
  errorPort.postMessage(describeFailure(error));
  Atomics.store(control, ControlWord.failed, 1);
  if (current) Atomics.notify(current.progress, TaskCounter.doneUnits);
}

async function initialise(): Promise<void> {
  const columns = new Map<string, EncodedColumn>(
    setup.columns.map((column) => [
      column.name,
      { name: column.name, dictionary: column.dictionary, codes: column.codes },
    ]),
  );
  // Comparisons never read ids: the worker does without them (they can be millions of strings).
  const dataset: Dataset = { name: setup.datasetName, rowCount: setup.rowCount, ids: [], columns };
  let options: CompileComparisonsOptions = setup.cacheOptions ? { cache: setup.cacheOptions } : {};
  if (setup.compileOptionsModule) {
    const module = (await import(setup.compileOptionsModule)) as { compileOptions?: unknown };
    const provided =
      typeof module.compileOptions === "function" ? await module.compileOptions() : module.compileOptions;
    options = { ...options, ...(provided as CompileComparisonsOptions) };
  }
  comparisons = compileComparisons(setup.comparisons, dataset, options);
  Atomics.add(control, ControlWord.ready, 1);
}

/** Takes the task's next block of comparison `comparison`, or returns -1 when none is left. */
function takeBlock(task: ComparisonTask, comparison: number): number {
  const word = TaskCounter.firstNextBlock + comparison;
  for (;;) {
    if (Atomics.load(control, ControlWord.failed) !== 0) return -1;
    const block = Atomics.load(task.progress, word);
    if (block >= task.blockCount) return -1;
    // Taken only if no other worker took it meanwhile.
    if (Atomics.compareExchange(task.progress, word, block, block + 1) === block) return block;
  }
}

function run(task: ComparisonTask): void {
  const compiled = comparisons;
  if (compiled === undefined) return;
  if (task.model !== undefined) model = task.model;
  current = task;
  const scoring = task.matchWeight !== undefined;
  const units = task.blockCount * compiled.length;
  const firstBlockCount = TaskCounter.firstNextBlock + compiled.length;
  const timingBase = setup.workerIndex * compiled.length;
  // One comparison after the other, each over as many blocks as this worker gets: its cache stays hot.
  for (const comparison of task.comparisonOrders[setup.workerIndex]!) {
    for (let block = takeBlock(task, comparison); block >= 0; block = takeBlock(task, comparison)) {
      const from = task.start + block * task.blockPairs;
      const to = Math.min(task.end, from + task.blockPairs);
      const started = performance.now();
      fillBlock(task, compiled[comparison]!, task.levels[comparison]!, from, to);
      setup.timings[(timingBase + comparison) * 2]! += performance.now() - started;
      setup.timings[(timingBase + comparison) * 2 + 1]! += to - from;
      // The worker completing a block's last comparison scores it: every level of the block is written by then
      // (the atomic add orders the other workers' writes before this read).
      if (scoring && Atomics.add(task.progress, firstBlockCount + block, 1) + 1 === compiled.length) {
        scoreBlock(task, compiled, from, to);
      }
      if (Atomics.add(task.progress, TaskCounter.doneUnits, 1) + 1 === units) {
        Atomics.notify(task.progress, TaskCounter.doneUnits);
      }
    }
  }
}

/** Levels of pairs [from, to) of one comparison, written straight into the task's shared output. */
function fillBlock(
  task: ComparisonTask,
  comparison: CompiledComparison,
  out: Int8Array,
  from: number,
  to: number,
): void {
  if (task.cache) {
    comparison.fillLevels(task.left, task.right, from, to, out, task.start);
    return;
  }
  // Uncached (random pairs, as sampled for u): rare enough that a copy per block does not matter.
  const pairs = { count: task.end, left: task.left, right: task.right };
  const vectors = computeComparisonVectors([comparison], pairs, { start: from, end: to, cache: false });
  out.set(vectors.levels[0]!, from - task.start);
}

function scoreBlock(
  task: ComparisonTask,
  compiled: readonly CompiledComparison[],
  from: number,
  to: number,
): void {
  const offset = from - task.start;
  const vectors: ComparisonVectors = {
    pairCount: to - from,
    comparisonNames: compiled.map((comparison) => comparison.name),
    levelCounts: compiled.map((comparison) => comparison.levelCount),
    levels: task.levels.map((levels) => levels.subarray(offset, offset + to - from)),
  };
  const scores = scoreLevels(compiled, vectors, task.left, task.right, from, model!);
  task.matchWeight!.set(scores.matchWeight, offset);
  task.matchProbability!.set(scores.matchProbability, offset);
}

const ready = initialise().catch(fail);

parentPort!.on("message", (task: ComparisonTask) => {
  // Tasks that arrive while compiling wait for it, in order.
  ready.then(() => run(task)).catch(fail);
});
