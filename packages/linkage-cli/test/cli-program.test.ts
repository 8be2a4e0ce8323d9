// The program as a whole: help, version, usage errors, output modes, and the config's JSON Schema file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { linkageConfigJsonSchemaText } from "linkage-cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, REPOSITORY, workspace } from "./cli-helpers.js";

let folder: string;
let remove: () => void;
beforeAll(() => ({ folder, remove } = workspace()));
afterAll(() => remove());

const COMMANDS = ["run", "init", "profile", "blocking", "train", "predict", "cluster", "evaluate", "explain"];

describe("the linkage program", () => {
  it("lists every command, the exit codes and a typical session in --help", async () => {
    const run = await cli(folder, "--help");
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.out).toMatch(new RegExp(`\\n  ${command} `));
    expect(run.out).toContain(
      "Exit codes: 0 success, 1 internal error (a bug), 2 bad command line, 3 bad input",
    );
  });

  it("gives each command help with examples", async () => {
    for (const command of COMMANDS) {
      const run = await cli(folder, command, "--help");
      expect(run.code, command).toBe(0);
      expect(run.out, command).toContain("Examples:");
      expect(run.out, command).toContain(`$ linkage ${command}`);
      expect(run.out, command).toContain("--json");
      expect(run.out, command).toContain("--quiet");
    }
  });

  it("prints its version", async () => {
    const run = await cli(folder, "--version");
    expect(run.code).toBe(0);
    const cliPackage = JSON.parse(
      readFileSync(join(REPOSITORY, "packages", "linkage-cli", "package.json"), "utf8"),
    );
    expect(run.out.trim()).toBe(cliPackage.version);
  });

  it("exits with 2 on an unknown command, option or missing argument", async () => {
    expect((await cli(folder, "frobnicate")).code).toBe(2);
    expect((await cli(folder, "blocking", "febrl.config.json", "--frobnicate")).code).toBe(2);
    const missing = await cli(folder, "evaluate", "links.csv");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--truth");
  });

  it("prints nothing but the error in --quiet mode, and errors as JSON in --json mode", async () => {
    const quiet = await cli(folder, "blocking", "febrl.config.json", "--quiet");
    expect(quiet.code).toBe(0);
    expect(quiet.out).toBe("");
    expect(quiet.err).toBe("");
    const failed = await cli(folder, "blocking", "bad/syntax.config.json", "--json");
    expect(failed.code).toBe(3);
    const error = JSON.parse(failed.err.trim().split("\n").at(-1)!);
    expect(error).toMatchObject({ event: "error", code: "SPEC_INVALID", location: { line: 5, column: 5 } });
  });

  it("reports a JSON syntax error with its line and column, once", async () => {
    const run = await cli(folder, "blocking", "bad/syntax.config.json");
    expect(run.err).toContain("syntax.config.json:5:5: not valid JSON at line 5, column 5: comma expected.");
    expect(run.err).not.toContain("$: $:");
  });
});

describe("schema/linkage-config.schema.json", () => {
  it("is the schema generated from the config's zod schema (regenerate: node packages/linkage-cli/scripts/write-config-schema.mjs)", () => {
    const committed = readFileSync(
      join(REPOSITORY, "packages", "linkage-cli", "schema", "linkage-config.schema.json"),
      "utf8",
    );
    expect(committed).toBe(linkageConfigJsonSchemaText());
  });

  it("describes the config's own sections next to the spec's", () => {
    const schema = JSON.parse(linkageConfigJsonSchemaText()) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["inputs", "output", "truth", "comparisons", "$schema"]),
    );
    expect(schema.required).toEqual(
      expect.arrayContaining(["linkType", "inputs", "comparisons", "blockingRules"]),
    );
  });
});
