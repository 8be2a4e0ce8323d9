// Shared helpers of the benchmark suite: machine facts, child-process isolation, result files.
import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const benchRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repositoryRoot = join(benchRoot, "..");
export const sharedDatasets = join(repositoryRoot, "..", "shared", "datasets");

export interface MachineFacts {
  readonly date: string;
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
}

export function machineFacts(): MachineFacts {
  return {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
  };
}

/** Runs `node <script> <args>` in a fresh process and parses the JSON it prints last on stdout. */
export function runIsolated<T>(script: string, args: readonly string[]): T {
  const child = spawnSync(process.execPath, ["--max-old-space-size=16000", script, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    throw new Error(`benchmark ${script} ${args.join(" ")} failed (${child.status}):\n${child.stderr}`);
  }
  const lines = child.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** Peak resident memory of this process so far, in MB (Linux reports maxRSS in KB). */
export function peakMemoryMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Writes a result file atomically (temp + rename). */
export function writeResult(name: string, value: unknown): string {
  const path = join(benchRoot, "results", name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  return path;
}

/** Entity code per row from FEBRL ids (`rec-<N>-org`, `rec-<N>-dup-<k>`): records sharing N are one person. */
export function febrlTruth(ids: readonly string[]): Int32Array {
  const entities = new Map<string, number>();
  return Int32Array.from(ids, (id) => {
    const entity = id.split("-")[1] ?? id;
    let code = entities.get(entity);
    if (code === undefined) {
      code = entities.size;
      entities.set(entity, code);
    }
    return code;
  });
}

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
