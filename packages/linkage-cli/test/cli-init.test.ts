// `linkage init`: the starter config is guessed from the files, explains itself, loads, and runs.
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "linkage-cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, jsonResult, REPOSITORY, workspace } from "./cli-helpers.js";

let folder: string;
let remove: () => void;
beforeAll(() => {
  ({ folder, remove } = workspace());
  for (const file of ["cohort.csv", "snds-beneficiaries.csv"]) {
    cpSync(join(REPOSITORY, "fixtures", "french", file), join(folder, file));
  }
  cpSync(join(REPOSITORY, "fixtures", "data", "latin1-semicolon-crlf.csv"), join(folder, "latin1.csv"));
});
afterAll(() => remove());

interface InitData {
  linkType: string;
  inputs: {
    delimiter: string;
    encoding: string;
    idColumn: string | null;
    columns: { column: string; role: string | null }[];
  }[];
  comparisons: { role: string | null; column: string }[];
  blockingRules: string[];
}

describe("linkage init", () => {
  it("writes a commented link config for two files that loads and runs", async () => {
    const run = await cli(
      folder,
      "init",
      "febrl4a-150.csv",
      "febrl4b-200.csv",
      "-o",
      "starter.config.json",
      "--json",
    );
    expect(run.code).toBe(0);
    const data = jsonResult<InitData>(run);
    expect(data.linkType).toBe("link");
    expect(data.inputs.map((input) => input.idColumn)).toEqual(["rec_id", "rec_id"]);
    const roles = Object.fromEntries(data.inputs[0]!.columns.map((column) => [column.column, column.role]));
    expect(roles).toMatchObject({
      given_name: "firstName",
      surname: "surname",
      date_of_birth: "birthDate",
      postcode: "postalCode",
    });
    expect(roles.address_2).toBeNull();
    const text = readFileSync(join(folder, "starter.config.json"), "utf8");
    expect(text).toMatch(/^\/\/ Starter config written by `linkage init`/);
    expect(text).toContain("// given_name: exact, then same doubleMetaphone code");
    expect(text).toContain("address_2: no role recognised from the header");
    const config = await loadConfig(join(folder, "starter.config.json"));
    expect(config.spec.linkType).toBe("link");
    expect(config.spec.comparisons.map((comparison) => comparison.name)).toContain("date_of_birth");
    const linked = await cli(folder, "run", "starter.config.json", "-q");
    expect(linked.code).toBe(0);
    const evaluated = jsonResult<{ evaluation: { f1: number } }>(
      await cli(folder, "evaluate", "linkage-output/links.csv", "-t", "febrl-truth.csv", "--json"),
    );
    // The guessed config is a sound start: on this easy subset it finds nearly every true pair.
    expect(evaluated.evaluation.f1).toBeGreaterThan(0.9);
  });

  it("writes a dedupe config for one file, with the truth column suggested but left off", async () => {
    const run = await cli(folder, "init", "fake-300.csv", "-o", "fake-starter.config.json", "--json");
    expect(run.code).toBe(0);
    expect(jsonResult<InitData>(run).linkType).toBe("dedupe");
    const text = readFileSync(join(folder, "fake-starter.config.json"), "utf8");
    expect(text).toContain('// "truth": { "column": "cluster" }');
    const config = await loadConfig(join(folder, "fake-starter.config.json"));
    expect(config.truth).toBeUndefined();
    expect(config.inputs[0]!.idColumn).toBe("unique_id");
    expect((await cli(folder, "run", "fake-starter.config.json", "-o", "fake-out", "-q")).code).toBe(0);
  });

  it("aligns the column names of a cohort and the SNDS and cuts birth dates to the month the SNDS keeps", async () => {
    const run = await cli(folder, "init", "cohort.csv", "snds-beneficiaries.csv", "-o", "snds.config.json");
    expect(run.code).toBe(0);
    const config = await loadConfig(join(folder, "snds.config.json"));
    expect(config.inputs[1]!.rename).toEqual({ birth_month: "birth_date" });
    expect(config.inputs[0]!.standardise).toContainEqual({
      column: "birth_date",
      steps: [{ kind: "date", precision: "month" }],
    });
    expect(config.inputs[0]!.standardise).toContainEqual({ column: "commune", steps: ["inseeCommune"] });
    const birth = config.spec.comparisons.find((comparison) => comparison.name === "birth_date")!;
    expect(birth.levels.some((level) => level.kind === "dateDifference" && level.unit === "days")).toBe(
      false,
    );
    // French headers: French phonetic codes for blocking.
    expect(JSON.stringify(config.spec.blockingRules)).toContain("soundexFr");
    expect((await cli(folder, "run", "snds.config.json", "-o", "snds-out", "-q")).code).toBe(0);
  });

  it("detects a semicolon delimiter and a Latin-1 file, and reads French headers", async () => {
    const run = await cli(folder, "init", "latin1.csv", "-o", "latin1.config.json", "--json");
    expect(run.code).toBe(0);
    const data = jsonResult<InitData>(run);
    expect(data.inputs[0]).toMatchObject({ delimiter: ";", encoding: "latin1", idColumn: "id" });
    const roles = Object.fromEntries(data.inputs[0]!.columns.map((column) => [column.column, column.role]));
    expect(roles).toMatchObject({
      nom: "surname",
      prenom: "firstName",
      sexe: "sex",
      date_naissance: "birthDate",
      commune: "commune",
    });
    const config = await loadConfig(join(folder, "latin1.config.json"));
    expect(config.inputs[0]).toMatchObject({ delimiter: ";", encoding: "latin1" });
  });

  it("refuses to replace a config without --force, and more than two files", async () => {
    const again = await cli(folder, "init", "fake-300.csv", "-o", "fake-starter.config.json");
    expect(again.code).toBe(3);
    expect(again.err).toContain("OUTPUT_EXISTS");
    expect(
      (await cli(folder, "init", "fake-300.csv", "-o", "fake-starter.config.json", "--force", "-q")).code,
    ).toBe(0);
    expect((await cli(folder, "init", "a.csv", "b.csv", "c.csv")).code).toBe(2);
  });

  it("fails clearly on a missing file", async () => {
    const run = await cli(folder, "init", "no-such.csv", "-o", "x.config.json");
    expect(run.code).toBe(3);
    expect(run.err).toContain("DATA_FILE_NOT_FOUND");
  });
});
