// Pieces shared by the commands: global output options, the reporter they imply, paths, option values,
// files that must not be overwritten, and truth columns.
import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import {
  type ClusterEvaluation,
  DataError,
  evaluateClusters,
  evaluateLinks,
  type LinkageResult,
  type LinkEvaluation,
} from "linkage-core";
import type { CliIo } from "../io.js";
import { Reporter, type ReporterMode } from "../reporter.js";

export interface GlobalOptions {
  readonly quiet?: boolean;
  readonly json?: boolean;
}

export function reporterFor(io: CliIo, options: GlobalOptions): Reporter {
  const mode: ReporterMode = options.json ? "json" : options.quiet ? "quiet" : "human";
  return new Reporter(io, mode);
}

/** Adds --quiet and --json to a command. */
export function withOutputOptions(command: Command): Command {
  return command
    .option("-q, --quiet", "print nothing but errors")
    .option("--json", "machine-readable JSON lines on stderr, and the result as JSON on stdout");
}

/** Examples shown at the end of a command's --help. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  return command.addHelpText(
    "after",
    `\nExamples:\n${examples.map((example) => `  $ ${example}`).join("\n")}\n`,
  );
}

/** A path from the command line, resolved against the CLI's working directory. */
export function resolvePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

/** Commander parser of a whole number ≥ 1 (a usage error otherwise, exit code 2). */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError("expected a whole number ≥ 1.");
  return number;
}

/** --threads N: how many threads compare and score pairs (default every core; 1 = no worker thread). */
export function threadsOption(): Option {
  return new Option(
    "--threads <count>",
    "threads that compare and score pairs (default: every core; 1 compares on the main thread)",
  ).argParser(positiveInteger);
}

/** Commander parser of a match probability in [0, 1]. */
export function probability(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new InvalidArgumentError("expected a probability between 0 and 1, such as 0.9.");
  }
  return number;
}

/** Commander parser of a match weight (any finite number, in bits). */
export function finiteNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) throw new InvalidArgumentError("expected a number.");
  return number;
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Refuses to replace an existing file unless --force was given (checked before any long work). */
export async function refuseExistingFile(path: string, force: boolean | undefined): Promise<void> {
  if (!force && (await pathExists(path))) {
    throw new DataError("OUTPUT_EXISTS", `the output file already exists: ${path}.`, {
      hint: "Choose another file with -o, or pass --force to replace it.",
    });
  }
}

/** Entity code per row from a truth column of the combined dataset (equal values → equal codes). */
export function truthCodes(
  columns: ReadonlyMap<string, { readonly codes: Int32Array }>,
  column: string,
): Int32Array {
  const truth = columns.get(column);
  if (!truth) throw new Error(`truth column "${column}" was not loaded`);
  return truth.codes;
}

/** Precision, recall and F1 of a run's decisions against a truth column of its inputs. */
export function evaluateResult(
  result: LinkageResult,
  truthColumn: string,
): LinkEvaluation | ClusterEvaluation {
  const { context, predictions, decisions } = result;
  const truth = truthCodes(context.dataset.columns, truthColumn);
  if (decisions.kind === "clusters") return evaluateClusters(decisions.clusterOf, truth);
  const left = Int32Array.from(decisions.selected, (pair) => predictions.pairs.left[pair]!);
  const right = Int32Array.from(decisions.selected, (pair) => predictions.pairs.right[pair]!);
  return evaluateLinks({
    left,
    right,
    truth,
    linkType: context.spec.linkType,
    sourceOf: context.dataset.sourceOf,
  });
}
