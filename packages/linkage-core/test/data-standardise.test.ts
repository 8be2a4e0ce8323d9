import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type ColumnStandardisation,
  cellValue,
  combineDatasets,
  type Dataset,
  parseStandardisation,
  readCsvBytes,
  readCsvString,
  standardiseDataset,
} from "../src/data/index.js";
import { DataError, SpecError } from "../src/errors.js";

const fixture = fileURLToPath(new URL("../../../fixtures/data/latin1-semicolon-crlf.csv", import.meta.url));

function column(dataset: Dataset, name: string): (string | null)[] {
  const encoded = dataset.columns.get(name)!;
  return dataset.ids.map((_, row) => cellValue(encoded, row));
}

const frenchStandardisation: ColumnStandardisation[] = [
  { column: "nom", steps: ["normalisePunctuation", "foldAccents", "upper", "collapseWhitespace"] },
  { column: "prenom", steps: ["normalisePunctuation", "foldAccents", "upper", "collapseWhitespace"] },
  { column: "sexe", steps: ["sex"] },
  { column: "date_naissance", steps: [{ kind: "date" }] },
  { column: "commune", steps: ["inseeCommune"] },
  { column: "commune", output: "departement", steps: ["departement"] },
];

describe("standardiseDataset", () => {
  it("standardises a French Latin-1 export end to end, reporting invalid dates as counted warnings", async () => {
    const bytes = new Uint8Array(await readFile(fixture));
    const { dataset } = readCsvBytes(bytes, { idColumn: "id", delimiter: ";", encoding: "latin1" });
    const result = standardiseDataset(dataset, frenchStandardisation);
    const standardised = result.dataset;
    expect(column(standardised, "nom")).toEqual(["LEFEVRE", "COEUR", "D'ARTAGNAN", null]);
    expect(column(standardised, "prenom")).toEqual(["HELENE", "FRANCOIS", "ZOE", "NOEL"]);
    expect(column(standardised, "sexe")).toEqual(["2", "1", "2", "1"]);
    expect(column(standardised, "date_naissance")).toEqual(["1975-03-12", "1975-03", null, null]);
    expect(column(standardised, "commune")).toEqual(["01001", "2A004", "97105", "75056"]);
    expect(column(standardised, "departement")).toEqual(["01", "2A", "971", "75"]);
    expect(result.warnings).toEqual([
      {
        code: "STANDARDISE_INVALID_DATE",
        column: "date_naissance",
        count: 1,
        distinctValues: 1,
        message: expect.stringContaining("impossible dates"),
      },
    ]);
    // Messages never hold values.
    expect(result.warnings[0]!.message).not.toContain("19800230");
    // The input dataset is left as it was.
    expect(column(dataset, "nom")[0]).toBe("Lefèvre");
  });

  it("merges values that become equal into one code, and keeps other columns and ids", () => {
    const { dataset } = readCsvString("id,name,other\n1,Émile,a\n2,EMILE,b\n3, emile ,c\n4,Zoé,d\n", {
      idColumn: "id",
    });
    const { dataset: standardised, warnings } = standardiseDataset(dataset, [
      { column: "name", steps: ["trim", "foldAccents", "upper"] },
    ]);
    const name = standardised.columns.get("name")!;
    expect(name.dictionary).toEqual(["EMILE", "ZOE"]);
    expect(Array.from(name.codes)).toEqual([0, 0, 0, 1]);
    expect(standardised.columns.get("other")).toBe(dataset.columns.get("other"));
    expect(standardised.ids).toBe(dataset.ids);
    expect(warnings).toEqual([]);
  });

  it("applies entries on the same column in order", () => {
    const { dataset } = readCsvString("id,date\n1,17/05/1980\n", { idColumn: "id" });
    const { dataset: standardised } = standardiseDataset(dataset, [
      { column: "date", steps: [{ kind: "date" }] },
      { column: "date", output: "birth_year", steps: [{ kind: "date", precision: "year" }] },
    ]);
    expect(column(standardised, "date")).toEqual(["1980-05-17"]);
    expect(column(standardised, "birth_year")).toEqual(["1980"]);
  });

  it("counts warnings per column and per problem, in rows", () => {
    const { dataset } = readCsvString("id,sex,commune\n1,Q,123\n2,Q,1001\n3,Z,ABC\n4,F,\n5,9,75056\n", {
      idColumn: "id",
    });
    const { warnings } = standardiseDataset(dataset, [
      { column: "sex", steps: ["sex"] },
      { column: "commune", steps: ["inseeCommune"] },
    ]);
    expect(
      warnings.map(({ code, column, count, distinctValues }) => ({ code, column, count, distinctValues })),
    ).toEqual([
      { code: "STANDARDISE_UNKNOWN_SEX", column: "sex", count: 3, distinctValues: 2 },
      { code: "STANDARDISE_INVALID_COMMUNE", column: "commune", count: 2, distinctValues: 2 },
    ]);
  });

  it("keeps the extra fields of a combined dataset", () => {
    const left = readCsvString("id,name\n1,Zoé\n", { idColumn: "id", name: "left" }).dataset;
    const right = readCsvString("id,name\n9,ZOE\n", { idColumn: "id", name: "right" }).dataset;
    const combined = combineDatasets([left, right]);
    const { dataset } = standardiseDataset(combined, [{ column: "name", steps: ["foldAccents", "upper"] }]);
    expect("sourceOf" in dataset && dataset.sourceOf).toEqual(combined.sourceOf);
    expect(dataset.columns.get("name")!.dictionary).toEqual(["ZOE"]);
  });

  it("throws DATA_MISSING_COLUMN listing available columns, and SpecError for unknown steps", () => {
    const { dataset } = readCsvString("id,name\n1,a\n", { idColumn: "id" });
    try {
      standardiseDataset(dataset, [{ column: "surname", steps: ["upper"] }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe("DATA_MISSING_COLUMN");
      expect((error as DataError).message).toContain('"name"');
    }
    expect(() => standardiseDataset(dataset, [{ column: "name", steps: ["capitalise" as never] }])).toThrow(
      SpecError,
    );
  });

  it("accepts standardisations parsed from JSON", () => {
    const parsed = parseStandardisation(JSON.parse(JSON.stringify(frenchStandardisation)));
    expect(parsed).toEqual(frenchStandardisation);
  });
});
