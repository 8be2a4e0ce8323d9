// A PairComparer on worker threads. The dataset's code columns go to shared memory once; each worker compiles
// the comparisons itself (dictionaries copied once per worker, level caches its own) and takes units of work —
// one comparison over one block of pairs — from shared counters, writing levels and scores into shared arrays
// at each pair's position, so results are the same whatever the number of threads. Calls stay synchronous: the
// calling thread sleeps on a shared counter meanwhile.
import { availableParallelism } from "node:os";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { CompileComparisonsOptions } from "../comparisons/compile-comparisons.js";
import { LinkageError } from "../errors.js";
import { createInProcessComparer } from "../parallel/in-process-comparer.js";
import type {
  CompareOptions,
  PairComparer,
  PendingComparison,
  ScoredVectors,
  ScoringModel,
} from "../parallel/pair-comparer.js";
import type { LinkageContext } from "../pipeline/prepare-linkage.js";
import { checkedPairRange, type PairRows } from "../vectors/compute-comparison-vectors.js";
import type { ComparisonVectors } from "../vectors/types.js";
import {
  CONTROL_WORDS,
  type ComparisonTask,
  ControlWord,
  reviveFailure,
  type SharedColumn,
  TaskCounter,
  taskCounterCount,
  type WorkerFailure,
  type WorkerSetup,
} from "./comparison-worker-protocol.js";
import { resolveWorkerScript } from "./resolve-worker-script.js";
import { sharedCopy } from "./shared-arrays.js";
import { WorkBalance } from "./work-balance.js";

export interface WorkerComparerOptions {
  /** Threads comparing pairs (default: os.availableParallelism()). 1 compares on the calling thread, no worker. */
  readonly threads?: number;
  /** The options the context was compiled with: their data parts (cache sizing) go to the workers. */
  readonly compileOptions?: CompileComparisonsOptions;
  /**
   * URL of an ES module exporting `compileOptions` (an object, or a function returning one, possibly async):
   * how workers get custom level predicates or a phonetic encoder, which cannot cross threads.
   */
  readonly compileOptionsModule?: string | URL;
  /** Pairs in a unit of work (default 16,384). */
  readonly blockPairs?: number;
  /**
   * Pairs measured before comparisons change owner to balance the workers (default 2^19): fewer react faster
   * but on noisier timings, and each move cools a cache.
   */
  readonly rebalancePairs?: number;
  /** Give up when no unit finishes for this long (default 10 minutes): a worker died, say of memory. */
  readonly stallTimeoutMs?: number;
  /** The compiled worker script (default: comparison-worker.js of this package's dist folder). */
  readonly workerScript?: string | URL;
}

const DEFAULT_BLOCK_PAIRS = 1 << 14;
const DEFAULT_STALL_TIMEOUT_MS = 10 * 60 * 1000;
/** How often the sleeping caller looks in to report progress. */
const PROGRESS_INTERVAL_MS = 100;

/** The default thread count: every core the process may use. */
export function defaultThreadCount(): number {
  return availableParallelism();
}

/**
 * A comparer for `context` running on `threads` worker threads (all cores by default); with one thread, the
 * in-process comparer. Close it when done (it holds threads; they do not keep the process alive, though).
 * Throws WORKER_OPTIONS_NOT_TRANSFERABLE when the context was compiled with functions (custom levels, a phonetic
 * encoder) and no `compileOptionsModule` says how workers get them.
 */
export function createWorkerComparer(
  context: LinkageContext,
  options: WorkerComparerOptions = {},
): PairComparer {
  const threads = options.threads ?? defaultThreadCount();
  if (!(Number.isInteger(threads) && threads >= 1)) {
    throw new LinkageError(
      "THREADS_INVALID",
      `the thread count must be a whole number ≥ 1, got ${threads}.`,
      {
        hint: "Pass --threads 1 to compare on the main thread only, or leave it out to use every core.",
      },
    );
  }
  if (threads === 1) return createInProcessComparer(context.comparisons);
  return new WorkerComparer(context, threads, options);
}

/** What a task adds to its pairs: its outputs and options. */
type TaskWork = Omit<
  ComparisonTask,
  "blockCount" | "blockPairs" | "progress" | "comparisonOrders" | "left" | "right" | "start" | "end"
>;

/** Pair rows copied into shared memory, `capacity` long, reused from task to task. */
interface PairCopy {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly capacity: number;
}

/** Pair copies kept for reuse: as many as tasks in flight (compareAhead keeps two) plus one being prepared. */
const MAX_SPARE_COPIES = 3;

class WorkerComparer implements PairComparer {
  readonly comparisonNames: readonly string[];
  private readonly levelCounts: readonly number[];
  private readonly control: Int32Array;
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  private readonly blockPairs: number;
  private readonly stallTimeoutMs: number;
  private modelSent: ScoringModel | undefined;
  private closed = false;
  /** Which worker takes which units of work first. */
  private readonly balance: WorkBalance;
  /**
   * Copies of pairs whose tasks are done. Fresh shared memory costs a page fault per 4 KB on first write, a
   * few milliseconds per chunk of a million pairs, taken from the cores the workers compare on.
   */
  private readonly spareCopies: PairCopy[] = [];

  constructor(
    context: LinkageContext,
    readonly threads: number,
    options: WorkerComparerOptions,
  ) {
    this.comparisonNames = context.comparisons.map((comparison) => comparison.name);
    this.levelCounts = context.comparisons.map((comparison) => comparison.levelCount);
    this.balance = new WorkBalance(context.comparisons, threads, options.rebalancePairs);
    this.control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
    this.blockPairs = options.blockPairs ?? DEFAULT_BLOCK_PAIRS;
    this.stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
    const compileOptions = options.compileOptions ?? {};
    if ((compileOptions.customLevels || compileOptions.phoneticEncoder) && !options.compileOptionsModule) {
      throw new LinkageError(
        "WORKER_OPTIONS_NOT_TRANSFERABLE",
        "the comparisons use custom level predicates or a custom phonetic encoder, which cannot be sent to worker threads.",
        {
          hint: "Export them as `compileOptions` from a module and pass its URL as compileOptionsModule, or use one thread.",
        },
      );
    }
    const columns = sharedColumns(context);
    const script = options.workerScript ?? resolveWorkerScript();
    for (let index = 0; index < threads; index++) {
      const channel = new MessageChannel();
      const setup: WorkerSetup = {
        control: this.control,
        port: channel.port2,
        comparisons: context.spec.comparisons,
        datasetName: context.dataset.name,
        rowCount: context.dataset.rowCount,
        columns,
        workerIndex: index,
        timings: this.balance.timings,
        ...(compileOptions.cache ? { cacheOptions: { ...compileOptions.cache } } : {}),
        ...(options.compileOptionsModule
          ? { compileOptionsModule: String(options.compileOptionsModule) }
          : {}),
      };
      const worker = new Worker(script, { workerData: setup, transferList: [channel.port2] });
      // Workers never keep the process alive: a comparer left open does not hang the program at exit.
      worker.unref();
      channel.port1.unref();
      this.workers.push(worker);
      this.ports.push(channel.port1);
    }
  }

  compare(pairs: PairRows, options: CompareOptions = {}): ComparisonVectors {
    return this.beginCompare(pairs, options).result();
  }

  compareAndScore(pairs: PairRows, model: ScoringModel, options: CompareOptions = {}): ScoredVectors {
    return this.beginCompareAndScore(pairs, model, options).result();
  }

  beginCompare(pairs: PairRows, options: CompareOptions = {}): PendingComparison<ComparisonVectors> {
    const { start, end } = this.range(pairs, options);
    const levels = this.comparisonNames.map(() => sharedInt8(end - start));
    const wait = this.startTask(
      pairs,
      start,
      end,
      { levels, cache: options.cache ?? true },
      options.onProgress,
    );
    return {
      result: () => {
        wait();
        return this.vectors(levels, end - start);
      },
    };
  }

  beginCompareAndScore(
    pairs: PairRows,
    model: ScoringModel,
    options: CompareOptions = {},
  ): PendingComparison<ScoredVectors> {
    const { start, end } = this.range(pairs, options);
    const count = end - start;
    const levels = this.comparisonNames.map(() => sharedInt8(count));
    const matchWeight = new Float64Array(new SharedArrayBuffer(count * 8));
    const matchProbability = new Float64Array(new SharedArrayBuffer(count * 8));
    // The model crosses to the workers once; later tasks with the same model rely on what they remember.
    const newModel = this.modelSent !== model;
    this.modelSent = model;
    const wait = this.startTask(
      pairs,
      start,
      end,
      {
        levels,
        cache: options.cache ?? true,
        matchWeight,
        matchProbability,
        ...(newModel ? { model } : {}),
      },
      options.onProgress,
    );
    return {
      result: () => {
        wait();
        return { vectors: this.vectors(levels, count), matchWeight, matchProbability };
      },
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const worker of this.workers) void worker.terminate();
    for (const port of this.ports) port.close();
  }

  private range(pairs: PairRows, options: CompareOptions): { start: number; end: number } {
    if (this.closed) {
      throw new LinkageError(
        "COMPARER_CLOSED",
        "the worker comparer was closed (or failed) and cannot compare any more.",
        { hint: "Create a new comparer." },
      );
    }
    return checkedPairRange(pairs, options);
  }

  private vectors(levels: Int8Array[], pairCount: number): ComparisonVectors {
    return { pairCount, comparisonNames: this.comparisonNames, levelCounts: this.levelCounts, levels };
  }

  /**
   * Posts the task over pairs [start, end) to every worker and returns a function that sleeps until its units
   * are done (reporting progress meanwhile). Tasks finish in the order they were posted.
   */
  private startTask(
    pairs: PairRows,
    start: number,
    end: number,
    work: TaskWork,
    onProgress: ((done: number, total: number) => void) | undefined,
  ): () => void {
    const total = end - start;
    const blockCount = Math.ceil(total / this.blockPairs);
    const units = blockCount * this.comparisonNames.length;
    if (units === 0) return () => onProgress?.(total, total);
    const comparisonCount = this.comparisonNames.length;
    const counters = taskCounterCount(comparisonCount, blockCount, work.matchWeight !== undefined);
    const shared = this.sharedPairs(pairs, start, end);
    const task: ComparisonTask = {
      ...work,
      ...shared.range,
      blockCount,
      blockPairs: this.blockPairs,
      progress: new Int32Array(new SharedArrayBuffer(counters * 4)),
      comparisonOrders: this.balance.comparisonOrders(),
    };
    for (const worker of this.workers) worker.postMessage(task);
    let finished = false;
    return () => {
      if (finished) return;
      this.waitFor(task.progress, units, total, onProgress);
      finished = true;
      // Every unit is done: no worker reads the copy any more.
      if (shared.copy !== undefined && this.spareCopies.length < MAX_SPARE_COPIES) {
        this.spareCopies.push(shared.copy);
      }
    };
  }

  private waitFor(
    progress: Int32Array,
    units: number,
    total: number,
    onProgress: ((done: number, total: number) => void) | undefined,
  ): void {
    let lastDone = -1;
    let lastChange = performance.now();
    for (;;) {
      const done = Atomics.load(progress, TaskCounter.doneUnits);
      if (Atomics.load(this.control, ControlWord.failed) !== 0) this.fail();
      if (done !== lastDone) {
        lastDone = done;
        lastChange = performance.now();
        onProgress?.(Math.round((total * done) / units), total);
      }
      if (done >= units) return;
      if (performance.now() - lastChange > this.stallTimeoutMs) this.stall();
      // The worker finishing the task's last unit wakes this thread (as does a failure); meanwhile it looks in
      // now and then to report progress.
      Atomics.wait(progress, TaskCounter.doneUnits, done, PROGRESS_INTERVAL_MS);
    }
  }

  /**
   * The pairs as shared arrays: used in place when already shared, else the range is copied into a copy of no
   * task in flight (a spare one when one is large enough).
   */
  private sharedPairs(
    pairs: PairRows,
    start: number,
    end: number,
  ): { range: Pick<ComparisonTask, "left" | "right" | "start" | "end">; copy?: PairCopy } {
    if (pairs.left.buffer instanceof SharedArrayBuffer && pairs.right.buffer instanceof SharedArrayBuffer) {
      return { range: { left: pairs.left, right: pairs.right, start, end } };
    }
    const count = end - start;
    const spare = this.spareCopies.findIndex((copy) => copy.capacity >= count);
    // Chunks vary a little in size: a quarter more leaves room for the next ones.
    const copy = spare >= 0 ? this.spareCopies.splice(spare, 1)[0]! : sharedPairCopy(count + (count >> 2));
    copy.left.set(pairs.left.subarray(start, end));
    copy.right.set(pairs.right.subarray(start, end));
    return { range: { left: copy.left, right: copy.right, start: 0, end: count }, copy };
  }

  private fail(): never {
    let failure: WorkerFailure | undefined;
    for (const port of this.ports) {
      const received = receiveMessageOnPort(port);
      if (received !== undefined) {
        failure = received.message as WorkerFailure;
        break;
      }
    }
    this.close();
    throw failure ? reviveFailure(failure) : new LinkageError("WORKER_FAILED", "a comparison worker failed.");
  }

  private stall(): never {
    this.close();
    throw new LinkageError(
      "WORKER_STALLED",
      `no unit of work was finished for ${Math.round(this.stallTimeoutMs / 1000)} s: a comparison worker has probably died (often of memory).`,
      {
        hint: "Rerun with fewer threads (--threads) or more memory; --threads 1 compares on the main thread.",
      },
    );
  }
}

function sharedPairCopy(capacity: number): PairCopy {
  return {
    left: new Int32Array(new SharedArrayBuffer(capacity * 4)),
    right: new Int32Array(new SharedArrayBuffer(capacity * 4)),
    capacity,
  };
}

function sharedInt8(length: number): Int8Array {
  return new Int8Array(new SharedArrayBuffer(length));
}

/** The columns the comparisons read, codes in shared memory (copied once unless already shared). */
function sharedColumns(context: LinkageContext): SharedColumn[] {
  const names = new Set(context.spec.comparisons.flatMap((comparison) => comparison.columns));
  return [...names].map((name) => {
    const column = context.dataset.columns.get(name)!;
    return { name, dictionary: column.dictionary, codes: sharedCopy(column.codes) };
  });
}
