import { describe, expect, it } from "vitest";
import type { InputConfig } from "./config.js";
import { readPlan } from "./load-inputs.js";

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
