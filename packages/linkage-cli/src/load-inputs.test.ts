import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellValue } from "linkage-core";
import { describe, expect, it } from "vitest";
import { type InputConfig, parseConfig } from "./config.js";
import { memoryIo } from "./io.js";
import { loadInputs, readPlan } from "./load-inputs.js";
import { Reporter } from "./reporter.js";

const input = (standardise: InputConfig["standardise"]): InputConfig => ({ path: "a.csv", standardise });

describe("readPlan", () => {
  it("reads a derived column's source, not the derived column, and keeps only the steps that feed the needs", () => {
    const plan = readPlan(
      input([
        { column: "surname", steps: ["upper"] },
        { column: "commune", output: "departement", steps: ["departement"] },
        { column: "email", steps: ["lower"] },
      ]),
      ["surname", "departement"],
    );
    expect(plan.columns.sort()).toEqual(["commune", "surname"]);
    expect(plan.standardise.map((step) => step.output ?? step.column)).toEqual(["surname", "departement"]);
  });

  it("follows chains of derived columns back to the file", () => {
    const plan = readPlan(
      input([
        { column: "raw_date", output: "birth_date", steps: [{ kind: "date" }] },
        { column: "birth_date", output: "birth_year", steps: ["trim"] },
      ]),
      ["birth_year"],
    );
    expect(plan.columns).toEqual(["raw_date"]);
    expect(plan.standardise).toHaveLength(2);
  });

  it("leaves out an in-place step that comes after the derivation it does not feed", () => {
    const plan = readPlan(
      input([
        { column: "name", output: "name_key", steps: ["upper"] },
        { column: "name", steps: ["lower"] },
      ]),
      ["name_key"],
    );
    expect(plan.columns).toEqual(["name"]);
    expect(plan.standardise).toEqual([{ column: "name", output: "name_key", steps: ["upper"] }]);
  });
});

describe("loadInputs with an events file", () => {
  it("folds the stays of each record into the column the spec compares", async () => {
    const folder = mkdtempSync(join(tmpdir(), "linkage-events-"));
    writeFileSync(join(folder, "persons.csv"), "person_id,sex\nP1,1\nP2,2\nP3,2\n");
    writeFileSync(
      join(folder, "stays.csv"),
      [
        "person_id,finess,admission_date,discharge_date",
        "P2,690000002,2021-03-04,2021-03-09",
        "P1,750000001,2020-01-02,2020-01-05",
        "P2,130000003,2021-03-04,2021-03-04",
        "P9,750000001,2020-01-02,2020-01-05",
      ].join("\n"),
    );
    const input = {
      path: "persons.csv",
      idColumn: "person_id",
      events: {
        path: "stays.csv",
        idColumn: "person_id",
        finessColumn: "finess",
        admissionColumn: "admission_date",
        dischargeColumn: "discharge_date",
      },
    };
    const config = parseConfig(
      {
        linkType: "link",
        inputs: [input, { ...input, name: "copy" }],
        comparisons: [
          { template: "hospitalStaysComparison", column: "stays" },
          { template: "exactMatch", column: "sex" },
        ],
        blockingRules: [{ keys: [{ column: "stays", transform: { kind: "hospitalStays" } }] }],
      },
      join(folder, "config.json"),
    );
    const { datasets } = await loadInputs(config, new Reporter(memoryIo(), "quiet"));
    const stays = datasets[0]!.columns.get("stays")!;
    expect([0, 1, 2].map((row) => cellValue(stays, row))).toEqual([
      "750000001|2020-01-02|2020-01-05",
      "130000003|2021-03-04|2021-03-04;690000002|2021-03-04|2021-03-09",
      null,
    ]);
    expect([...datasets[0]!.columns.keys()].sort()).toEqual(["sex", "stays"]);
    rmSync(folder, { recursive: true, force: true });
  });
});
