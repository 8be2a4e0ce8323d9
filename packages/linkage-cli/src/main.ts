// Runs the `linkage` command line in memory and maps every failure to an exit code and a clear message.
import { CommanderError } from "commander";
import { formatLocation, LinkageError, SpecError, type SpecIssue } from "linkage-core";
import { ExitCode } from "./exit-codes.js";
import { type CliIo, processIo } from "./io.js";
import { createProgram } from "./program.js";

/**
 * Parses `args` (without the node and script entries) and runs the command. Never calls process.exit:
 * returns the exit code. A user's mistake prints one clear message (code, where, what to do), no stack.
 */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...args], { from: "user" });
    return ExitCode.success;
  } catch (error) {
    return reportFailure(error, io, args.includes("--json"));
  }
}

function reportFailure(error: unknown, io: CliIo, json: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version end through here too, with exit code 0; commander already printed them.
    if (error.exitCode === 0) return ExitCode.success;
    return ExitCode.usage;
  }
  if (error instanceof LinkageError) {
    if (json) {
      io.stderr(
        `${JSON.stringify({
          event: "error",
          code: error.code,
          message: error.message,
          location: error.location,
          ...(error.hint ? { hint: error.hint } : {}),
          ...(error instanceof SpecError ? { issues: error.issues } : {}),
        })}\n`,
      );
    } else {
      io.stderr(`error ${describeError(error)}\n`);
    }
    return error.code === "INTERNAL" ? ExitCode.internal : ExitCode.badInput;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`internal error (a bug — please report it with the command you ran):\n${message}\n`);
  return ExitCode.internal;
}

/**
 * One message per failure: code, file position, then the problem. Errors that list issues (specs, configs,
 * model files) give each issue with its JSON path once, rather than the first path twice.
 */
export function describeError(error: LinkageError): string {
  const issues = (error as LinkageError & { readonly issues?: readonly SpecIssue[] }).issues;
  if (issues === undefined || issues.length === 0) return error.describe();
  const where = formatLocation({ ...error.location, jsonPath: undefined });
  const first = issues[0]!;
  const body =
    issues.length === 1
      ? `${first.jsonPath === "$" ? "" : `${first.jsonPath}: `}${first.message}`
      : `${issues.length} problems:\n${issues.map((issue) => `  - ${issue.jsonPath}: ${issue.message}`).join("\n")}`;
  return `${error.code}: ${where ? `${where}: ` : ""}${body}${error.hint ? ` ${error.hint}` : ""}`;
}
