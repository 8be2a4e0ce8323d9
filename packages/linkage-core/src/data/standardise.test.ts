import { describe, expect, it } from "vitest";
import { SpecError } from "../errors.js";
import { datasetFromRecords } from "./dataset.js";
import {
  compileStandardisation,
  type StandardiseStep,
  standardiseColumn,
  standardiseValue,
} from "./standardise.js";

const nameSteps: StandardiseStep[] = ["normalisePunctuation", "foldAccents", "upper", "collapseWhitespace"];

describe("standardiseValue", () => {
  it("applies steps in order", () => {
    expect(standardiseValue("  Jean–Pierre   d’Ormesson ", nameSteps)).toBe("JEAN-PIERRE D'ORMESSON");
    expect(standardiseValue("Cœur", ["foldAccents", "lower"])).toBe("coeur");
    expect(standardiseValue("Cœur", ["lower", "upper"])).toBe("CŒUR");
  });

  it("turns empty results and declared null values into null, and keeps null null", () => {
    expect(standardiseValue("   ", ["trim"])).toBeNull();
    expect(
      standardiseValue("inconnu", ["trim", { kind: "nullValues", values: ["inconnu", "?"] }]),
    ).toBeNull();
    expect(standardiseValue("Inconnu", [{ kind: "nullValues", values: ["inconnu"] }])).toBe("Inconnu");
    expect(standardiseValue("-", ["removePunctuation"])).toBeNull();
    expect(standardiseValue(null, ["trim"])).toBeNull();
  });

  it("parses dates to their canonical form at their precision", () => {
    const date: StandardiseStep[] = [{ kind: "date" }];
    expect(
      ["17/05/1980", "19800517", "1980-05", "05/1980", "1980"].map((value) => standardiseValue(value, date)),
    ).toEqual(["1980-05-17", "1980-05-17", "1980-05", "1980-05", "1980"]);
    expect(standardiseValue("17/05/1980", [{ kind: "date", precision: "month" }])).toBe("1980-05");
  });

  it("nulls SNDS sentinel dates, in any accepted format, and custom sentinels", () => {
    const date: StandardiseStep[] = [{ kind: "date" }];
    expect(
      ["1600-01-01", "1600-01", "160001", "01/01/1600", "0000-00-00"].map((value) =>
        standardiseValue(value, date),
      ),
    ).toEqual([null, null, null, null, null]);
    expect(standardiseValue("1900-01-01", [{ kind: "date", sentinels: ["01/01/1900"] }])).toBeNull();
    expect(standardiseValue("1600-01-01", [{ kind: "date", sentinels: [] }])).toBe("1600-01-01");
  });

  it("standardises sex, commune, département and postal codes", () => {
    expect(standardiseValue("Féminin", ["sex"])).toBe("2");
    expect(standardiseValue("1001", ["inseeCommune"])).toBe("01001");
    expect(standardiseValue("20004", ["inseeCommune", "departement"])).toBe("2A");
    expect(standardiseValue("97105", ["departement"])).toBe("971");
    expect(standardiseValue("6000", ["postalCode"])).toBe("06000");
  });
});

describe("compileStandardisation", () => {
  it("reports why a value was nulled", () => {
    const compiled = compileStandardisation([{ kind: "date" }]);
    expect(compiled.apply("2023-02-30")).toEqual({ value: null, issue: "invalidDate" });
    expect(compiled.apply("soon")).toEqual({ value: null, issue: "unrecognisedDate" });
    expect(compiled.apply("1600-01-01")).toEqual({ value: null, issue: null });
    expect(compileStandardisation(["sex"]).apply("9")).toEqual({ value: null, issue: null });
    expect(compileStandardisation(["sex"]).apply("Q")).toEqual({ value: null, issue: "unknownSex" });
  });

  it("rejects unknown steps with every JSON path", () => {
    const steps = ["trim", "uppercase", { kind: "regex" }] as unknown as StandardiseStep[];
    try {
      compileStandardisation(steps, "$.steps");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).issues.map((issue) => issue.jsonPath)).toEqual([
        "$.steps[1]",
        "$.steps[2]",
      ]);
    }
  });
});

describe("standardiseColumn", () => {
  it("works per distinct value, merges values that become equal, and counts nulled rows", () => {
    const dataset = datasetFromRecords(
      "people",
      ["Émile", "emile", "EMILE ", "Zoé", null, "Émile", "Zoe"].map((name, index) => ({
        id: String(index),
        name,
      })),
      { idColumn: "id" },
    );
    const column = dataset.columns.get("name")!;
    expect(column.dictionary).toHaveLength(5);
    const { column: standardised, issueCounts } = standardiseColumn(column, ["foldAccents", "upper", "trim"]);
    expect(standardised.dictionary).toEqual(["EMILE", "ZOE"]);
    expect(Array.from(standardised.codes)).toEqual([0, 0, 0, 1, -1, 0, 1]);
    expect(issueCounts.size).toBe(0);
  });

  it("counts rows and distinct values per issue", () => {
    const dataset = datasetFromRecords(
      "people",
      ["2023-02-30", "2023-02-30", "x", "1980-01-01", "2023-02-31"].map((date, index) => ({
        id: String(index),
        date,
      })),
      { idColumn: "id" },
    );
    const { column, issueCounts } = standardiseColumn(
      dataset.columns.get("date")!,
      [{ kind: "date" }],
      "birth",
    );
    expect(column.name).toBe("birth");
    expect(column.dictionary).toEqual(["1980-01-01"]);
    expect(issueCounts.get("invalidDate")).toEqual({ rows: 3, distinctValues: 2 });
    expect(issueCounts.get("unrecognisedDate")).toEqual({ rows: 1, distinctValues: 1 });
  });
});
