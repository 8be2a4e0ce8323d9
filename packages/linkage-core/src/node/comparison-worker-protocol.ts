// What the worker-thread comparer and its workers exchange: the setup each worker gets once, the tasks, the
// words of shared memory they coordinate through, and errors as plain data.
import type { MessagePort } from "node:worker_threads";
import type { ComparisonSpec } from "../comparisons/types.js";
import {
  DataError,
  EstimationError,
  LinkageError,
  type LinkageErrorOptions,
  ModelError,
  SpecError,
  type SpecIssue,
} from "../errors.js";
import type { ScoringModel } from "../parallel/pair-comparer.js";

/** Words of the shared control array (an Int32Array over a SharedArrayBuffer). */
export const ControlWord = {
  /** 1 once a worker failed (its error is on its port). */
  failed: 0,
  /** Workers that compiled their comparisons. */
  ready: 1,
} as const;

export const CONTROL_WORDS = 2;

/**
 * Layout of a task's own counters (`ComparisonTask.progress`): units done, then each comparison's next block,
 * then, when scoring, each block's comparisons done. A task's own, not shared ones: a worker may start the next
 * task (another owner split, even) while another worker finishes this one.
 */
export const TaskCounter = {
  doneUnits: 0,
  firstNextBlock: 1,
} as const;

/** Counters a task needs: see TaskCounter. */
export function taskCounterCount(comparisonCount: number, blockCount: number, scoring: boolean): number {
  return TaskCounter.firstNextBlock + comparisonCount + (scoring ? blockCount : 0);
}

/** One column as a worker gets it: the dictionary copied, the codes shared. */
export interface SharedColumn {
  readonly name: string;
  readonly dictionary: readonly string[];
  /** Codes over a SharedArrayBuffer. */
  readonly codes: Int32Array;
}

export interface WorkerSetup {
  readonly control: Int32Array;
  /** Where the worker posts its errors (read synchronously by the main thread). */
  readonly port: MessagePort;
  readonly comparisons: readonly ComparisonSpec[];
  readonly datasetName: string;
  readonly rowCount: number;
  readonly columns: readonly SharedColumn[];
  /** Compile options that are plain data (cache sizing). */
  readonly cacheOptions?: Record<string, unknown>;
  /** URL of a module whose `compileOptions` export gives the options holding functions (custom levels…). */
  readonly compileOptionsModule?: string;
  /** This worker's position among the comparer's workers. */
  readonly workerIndex: number;
  /**
   * Where workers add up the time their units take: timings[(workerIndex × comparisons + c) × 2] holds the
   * milliseconds spent on comparison c, the next entry its pairs. Each worker writes its own entries only.
   */
  readonly timings: Float64Array;
}

/**
 * A range of pairs cut into blocks; a unit of work is one comparison over one block, each comparison's blocks
 * taken from its own counter. When scoring, the worker finishing a block's last unit scores the block.
 */
export interface ComparisonTask {
  readonly blockCount: number;
  readonly blockPairs: number;
  /** The task's own counters (see TaskCounter), over a SharedArrayBuffer; the caller sleeps on units done. */
  readonly progress: Int32Array;
  /** Pairs [start, end) of `left`/`right`; output index p is pair start + p. */
  readonly start: number;
  readonly end: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly cache: boolean;
  readonly levels: readonly Int8Array[];
  /**
   * Per worker, the order in which it takes comparisons: its own first (so that each comparison's pairs mostly go
   * to one worker, whose level cache then holds them), then the others, to help at the end.
   */
  readonly comparisonOrders: readonly (readonly number[])[];
  readonly matchWeight?: Float64Array;
  readonly matchProbability?: Float64Array;
  /** When scoring, the model: sent with the first task that uses it, remembered by the workers. */
  readonly model?: ScoringModel;
}

/** An error crossing threads as data. */
export interface WorkerFailure {
  readonly kind: string;
  readonly code?: string;
  readonly message: string;
  readonly hint?: string;
  readonly location?: Record<string, unknown>;
  readonly issues?: readonly SpecIssue[];
  readonly stack?: string;
}

export function describeFailure(error: unknown): WorkerFailure {
  if (error instanceof LinkageError) {
    return {
      kind: error instanceof SpecError ? "SpecError" : error.constructor.name,
      code: error.code,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
      location: { ...error.location },
      ...(error instanceof SpecError ? { issues: error.issues } : {}),
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  const plain = error instanceof Error ? error : new Error(String(error));
  return { kind: plain.name, message: plain.message, ...(plain.stack ? { stack: plain.stack } : {}) };
}

const errorClasses: Record<
  string,
  new (
    code: string,
    message: string,
    options?: LinkageErrorOptions,
  ) => LinkageError
> = {
  LinkageError,
  DataError,
  ModelError,
  EstimationError,
};

/** The error again on the main thread: same class and code for the engine's errors. */
export function reviveFailure(failure: WorkerFailure): Error {
  const options: LinkageErrorOptions = {
    ...(failure.location ?? {}),
    ...(failure.hint ? { hint: failure.hint } : {}),
  };
  if (failure.kind === "SpecError" && failure.issues) return new SpecError(failure.issues, options);
  const ErrorClass = errorClasses[failure.kind];
  if (ErrorClass && failure.code) return new ErrorClass(failure.code, failure.message, options);
  return new LinkageError("WORKER_FAILED", `a comparison worker failed: ${failure.message}`, {
    hint: "This is a bug unless the worker ran out of memory: rerun with --threads 1 to see where it happens.",
    cause: failure.stack,
  });
}
