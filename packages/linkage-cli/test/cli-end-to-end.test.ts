// End-to-end runs of the built binary (`pnpm test` builds it first) on copies of the fixtures: exit codes,
// messages a user can act on, no half-written outputs, and no record value in the logs.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPOSITORY, workspace } from "./cli-helpers.js";

const BINARY = join(REPOSITORY, "packages", "linkage-cli", "dist", "bin.js");

let folder: string;
let remove: () => void;
beforeAll(() => {
  if (!existsSync(BINARY))
    throw new Error(`${BINARY} is missing: build first (pnpm run build, or pnpm test).`);
  ({ folder, remove } = workspace());
});
afterAll(() => remove());

function linkage(...args: string[]) {
  const result = spawnSync(process.execPath, [BINARY, ...args], { cwd: folder, encoding: "utf8" });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** No output folder, and no hidden staging folder left next to where it would be. */
function expectNoOutput(name: string) {
  expect(existsSync(join(folder, name))).toBe(false);
  expect(readdirSync(folder).filter((entry) => entry.startsWith(`.${name}`))).toEqual([]);
}

/** Values of the name and address columns of the FEBRL fixtures (long enough not to occur by chance). */
function recordValues(): string[] {
  const values = new Set<string>();
  for (const file of ["febrl4a-150.csv", "febrl4b-200.csv"]) {
    for (const line of readFileSync(join(folder, file), "utf8").split("\n").slice(1)) {
      const fields = line.split(",").map((field) => field.trim());
      for (const index of [1, 2, 4, 6]) if ((fields[index] ?? "").length >= 5) values.add(fields[index]!);
    }
  }
  return [...values];
}

describe("the built linkage binary", () => {
  it("runs a config into an output folder, then refuses to replace it without --force", () => {
    const first = linkage("run", "febrl.config.json", "-o", "result");
    expect(first.err).toBe("Results written to " + join(folder, "result") + "\n");
    expect(first.code).toBe(0);
    expect(first.out).toContain("Linkage (link) of febrl4a: 150 records, febrl4b: 200 records");
    expect(readdirSync(join(folder, "result")).sort()).toEqual([
      "links.csv",
      "model.json",
      "pairs.csv",
      "summary.json",
    ]);
    // Links are decided on one-to-one posteriors, and links.csv carries those (not pairs.csv's pairwise ones).
    expect(first.out).toMatch(
      /decided on one-to-one posteriors; febrl4a records estimated to have a match: \d/,
    );
    const summary = JSON.parse(readFileSync(join(folder, "result", "summary.json"), "utf8"));
    expect(summary.results.decidedOn).toBe("oneToOnePosteriors");
    expect(summary.results.estimatedLinkedShare.source).toBe("febrl4a");
    expect(summary.results.estimatedLinkedShare.share).toBeGreaterThan(0.5);
    expect(summary.results.estimatedLinkedShare.share).toBeLessThanOrEqual(1);
    const links = readFileSync(join(folder, "result", "links.csv"), "utf8")
      .trim()
      .split("\n");
    expect(links[0]).toBe("id_l,id_r,source_l,source_r,match_probability,ambiguous");
    expect(links.length - 1).toBe(summary.results.links);
    expect(summary.estimatedErrorRates[0].linkedPairs).toBe(summary.results.links);
    const again = linkage("run", "febrl.config.json", "-o", "result");
    expect(again.code).toBe(3);
    expect(again.err).toContain("OUTPUT_EXISTS");
    expect(again.err).toContain("--force");
    expect(linkage("run", "febrl.config.json", "-o", "result", "--force", "--quiet").code).toBe(0);
  });

  it("never writes a record value to its logs (run and blocking)", () => {
    const values = recordValues();
    expect(values.length).toBeGreaterThan(200);
    const logs = [
      linkage("run", "febrl.config.json", "-o", "logs-run"),
      linkage("blocking", "febrl.config.json"),
    ];
    for (const log of logs) {
      expect(log.code).toBe(0);
      // Whole words only: "paris" is a suburb here, and also part of "comparison".
      const words = new Set((log.out + log.err).split(/[^a-z0-9]+/i));
      const text = ` ${(log.out + log.err).replace(/\s+/g, " ")} `;
      for (const value of values) {
        const present = value.includes(" ") ? text.includes(` ${value} `) : words.has(value);
        expect(present, value).toBe(false);
      }
    }
  });

  it("names a missing input file and where its path came from", () => {
    const run = linkage("run", "bad/missing-file.config.json", "-o", "missing");
    expect(run.code).toBe(3);
    expect(run.err).toContain("DATA_FILE_NOT_FOUND");
    expect(run.err).toContain("no-such-file.csv");
    expect(run.err).toContain("relative to the config file's folder");
    expectNoOutput("missing");
  });

  it("reports a missing config file", () => {
    const run = linkage("blocking", "nowhere.config.json");
    expect(run.code).toBe(3);
    expect(run.err).toContain("CONFIG_NOT_FOUND");
  });

  it("gives the line and column of a JSON syntax error", () => {
    const run = linkage("run", "bad/syntax.config.json", "-o", "syntax");
    expect(run.code).toBe(3);
    expect(run.err).toMatch(/syntax\.config\.json:5:5: not valid JSON at line 5, column 5: comma expected/);
    expectNoOutput("syntax");
  });

  it("gives the JSON path of an unknown key", () => {
    const run = linkage("run", "bad/unknown-key.config.json", "-o", "unknown-key");
    expect(run.code).toBe(3);
    expect(run.err).toContain("$.inputs[1]");
    expect(run.err).toContain('"idColum"');
    expectNoOutput("unknown-key");
  });

  it("gives the file and line of a ragged row, and leaves no output folder", () => {
    const run = linkage("run", "bad/ragged.config.json", "-o", "ragged");
    expect(run.code).toBe(3);
    expect(run.err).toContain("DATA_RAGGED_ROW");
    expect(run.err).toContain("ragged.csv:4");
    expectNoOutput("ragged");
  });

  it("names an unknown column with where the config uses it and the columns available", () => {
    const run = linkage("run", "bad/unknown-column.config.json", "-o", "unknown-column");
    expect(run.code).toBe(3);
    expect(run.err).toContain("DATA_MISSING_COLUMN");
    expect(run.err).toContain('"birth_place"');
    expect(run.err).toContain("$.comparisons[1]");
    expect(run.err).toContain("date_of_birth");
    expectNoOutput("unknown-column");
  });

  it("exits with 2 on a bad command line, with a pointer to --help", () => {
    const run = linkage("run");
    expect(run.code).toBe(2);
    expect(run.err).toContain("missing required argument 'config'");
    expect(run.err).toContain("--help");
  });

  it("chains train, predict, cluster, evaluate and explain", () => {
    expect(linkage("train", "febrl.config.json", "-o", "model.json", "-q").code).toBe(0);
    expect(linkage("predict", "febrl.config.json", "--model", "model.json", "-o", "scored", "-q").code).toBe(
      0,
    );
    expect(linkage("cluster", "scored/pairs.csv", "--one-to-one", "-o", "one-to-one.csv", "-q").code).toBe(0);
    const evaluated = linkage("evaluate", "one-to-one.csv", "--truth", "febrl-truth.csv", "--json");
    expect(evaluated.code).toBe(0);
    const result = JSON.parse(evaluated.out.trim());
    expect(result.data.evaluation.precision).toBeGreaterThan(0.9);
    const explained = linkage(
      "explain",
      "model.json",
      "rec-0-org",
      "rec-0-dup-0",
      "--config",
      "febrl.config.json",
    );
    expect(explained.code).toBe(0);
    expect(explained.out).toContain("match probability");
  });
});
