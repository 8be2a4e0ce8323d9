// Shared by the CLI tests: a temporary copy of fixtures/cli, and runs of the command line in memory.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { memoryIo, runCli } from "linkage-cli";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/cli", import.meta.url));
export const REPOSITORY = fileURLToPath(new URL("../../..", import.meta.url));

/** A fresh temporary folder holding a copy of fixtures/cli (outputs never land in the repository). */
export function workspace(): { readonly folder: string; readonly remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "linkage-cli-"));
  cpSync(FIXTURES, folder, { recursive: true });
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `linkage …args` in memory with `cwd` as working directory. */
export async function cli(cwd: string, ...args: string[]): Promise<CliRun> {
  const io = memoryIo(cwd);
  const code = await runCli(args, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}

/** The `data` of the result line a --json run prints on stdout. */
export function jsonResult<T = Record<string, unknown>>(run: CliRun): T {
  const line = run.out.trim().split("\n").at(-1) ?? "";
  const parsed = JSON.parse(line) as { event: string; data: T };
  if (parsed.event !== "result") throw new Error(`not a result line: ${line}`);
  return parsed.data;
}
