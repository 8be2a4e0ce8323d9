// The model file: a versioned JSON document holding the spec, the learned parameters and how they were learned.
import { ModelError } from "../errors.js";
import type { ModelParameters } from "../estimation/types.js";
import type { LinkageSpec } from "../spec/types.js";

/** The format this version writes. */
export const MODEL_FORMAT_VERSION = 1;
/** Formats this version reads. */
export const SUPPORTED_MODEL_FORMAT_VERSIONS: readonly number[] = [1];
export const MODEL_KIND = "linkage-model";
export const DEFAULT_CREATED_BY = "linkage-core";

/** Where λ came from. */
export type PriorSource = "spec" | "deterministicRules" | "expectationMaximisation" | "labels";

export interface TrainingSessionSummary {
  /** Name of the session, normally its blocking rule. */
  readonly name: string;
  /** Comparisons held fixed in the session. */
  readonly fixedComparisons: readonly string[];
  readonly pairCount: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly logLikelihood?: number;
}

export interface TrainingWarningSummary {
  readonly code: string;
  readonly message: string;
  readonly comparison?: string;
}

/** Counts that say what the model was trained on (never record values). */
export interface TrainingCounts {
  readonly recordCount?: number;
  readonly candidatePairCount?: number;
  readonly deterministicMatchCount?: number;
  readonly labelledPairCount?: number;
}

export interface TrainingSummary {
  readonly sessions: readonly TrainingSessionSummary[];
  /** Number of random pairs u was estimated from (0 when u came from elsewhere). */
  readonly uSampleSize: number;
  readonly priorSource: PriorSource;
  readonly counts: TrainingCounts;
  readonly warnings: readonly TrainingWarningSummary[];
}

/** The training summary as stored, with the totals over sessions. */
export interface ModelTrainingSummary extends TrainingSummary {
  /** Sum of the sessions' iterations. */
  readonly iterations: number;
  /** True when every session converged. */
  readonly converged: boolean;
}

/** Frequencies of the values of one column, stored only when asked for (it holds record values). */
export interface StoredTermFrequencyTable {
  readonly comparison: string;
  readonly column: string;
  /** Value → relative frequency among non-null values. */
  readonly frequencies: Readonly<Record<string, number>>;
}

export interface ModelFile {
  readonly formatVersion: 1;
  readonly kind: typeof MODEL_KIND;
  readonly createdBy: string;
  readonly createdAt?: string;
  /** The spec the model was trained with (re-checked by parseSpec when loaded). */
  readonly spec: LinkageSpec;
  /** λ, and m and u with level labels per comparison, in spec order. */
  readonly parameters: ModelParameters;
  readonly training: ModelTrainingSummary;
  readonly termFrequencyTables?: readonly StoredTermFrequencyTable[];
}

/** A term-frequency table as computed: a column's dictionary and the frequency of each code. */
export interface TermFrequencyTableInput {
  readonly comparison: string;
  readonly column: string;
  readonly dictionary: readonly string[];
  readonly frequencies: ArrayLike<number>;
}

export interface CreateModelFileInput {
  readonly spec: LinkageSpec;
  readonly parameters: ModelParameters;
  readonly training: TrainingSummary;
  /** Only when asked for: these tables put column values (with frequencies) into the file. */
  readonly termFrequencyTables?: readonly TermFrequencyTableInput[];
  readonly createdBy?: string;
  /** ISO timestamp; left out by default so that the same training gives the same file. */
  readonly createdAt?: string;
}

/**
 * Assembles a model file from plain data (copied, so later changes to the inputs do not leak in). Holds no
 * record-level data unless term-frequency tables are given.
 */
export function createModelFile(input: CreateModelFileInput): ModelFile {
  const { spec, parameters, training } = input;
  if (spec.comparisons.length !== parameters.comparisons.length) {
    throw new ModelError(
      "MODEL_INVALID",
      `the spec has ${spec.comparisons.length} comparisons but the parameters have ${parameters.comparisons.length}.`,
      { hint: "Build the model from the parameters trained with this spec." },
    );
  }
  const tables = input.termFrequencyTables?.map(
    (table): StoredTermFrequencyTable => ({
      comparison: table.comparison,
      column: table.column,
      frequencies: Object.fromEntries(
        table.dictionary.map((value, code) => [value, table.frequencies[code]!]),
      ),
    }),
  );
  return {
    formatVersion: MODEL_FORMAT_VERSION,
    kind: MODEL_KIND,
    createdBy: input.createdBy ?? DEFAULT_CREATED_BY,
    ...(input.createdAt !== undefined ? { createdAt: input.createdAt } : {}),
    spec: JSON.parse(JSON.stringify(spec)) as LinkageSpec,
    parameters: {
      priorMatchProbability: parameters.priorMatchProbability,
      comparisons: parameters.comparisons.map((comparison) => ({
        name: comparison.name,
        levelLabels: [...comparison.levelLabels],
        m: [...comparison.m],
        u: [...comparison.u],
      })),
    },
    training: {
      ...JSON.parse(JSON.stringify(training)),
      iterations: training.sessions.reduce((total, session) => total + session.iterations, 0),
      converged: training.sessions.every((session) => session.converged),
    },
    ...(tables !== undefined ? { termFrequencyTables: tables } : {}),
  };
}
