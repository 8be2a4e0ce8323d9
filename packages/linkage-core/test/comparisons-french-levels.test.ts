// The French level kinds and templates on hand examples: each category, nulls, SNDS sentinels, names on several
// columns, death without a null level, PMSI codes, hospital stays; and the spec checks they bring.
import { describe, expect, it } from "vitest";
import { type CompiledComparison, compileComparisons } from "../src/comparisons/compile-comparisons.js";
import {
  communeComparison,
  deathDateComparison,
  frenchNameComparison,
  hospitalStaysComparison,
  partialBirthDateComparison,
} from "../src/comparisons/french-comparison-library.js";
import type { ComparisonSpec } from "../src/comparisons/types.js";
import { validateComparison } from "../src/comparisons/validate-comparison.js";
import { datasetFromRecords } from "../src/data/dataset.js";
import { parseSpec } from "../src/spec/parse-spec.js";
import { NULL_LEVEL } from "../src/vectors/types.js";

type Row = Record<string, string | null>;

function compile(spec: ComparisonSpec, rows: readonly Row[]): CompiledComparison {
  const dataset = datasetFromRecords(
    "test",
    rows.map((row, index) => ({ id: String(index), ...row })),
    { idColumn: "id" },
  );
  return compileComparisons([spec], dataset)[0]!;
}

/** Label of the level of row 0 against each later row ("null" for the null level), checked both ways. */
function labelsAgainstFirst(spec: ComparisonSpec, rows: readonly Row[]): string[] {
  const comparison = compile(spec, rows);
  return rows.slice(1).map((_, index) => {
    const keyA = comparison.rowKeys[0]!;
    const keyB = comparison.rowKeys[index + 1]!;
    const level = comparison.levelOfKeys(keyA, keyB);
    expect(comparison.levelOfKeys(keyB, keyA)).toBe(level);
    expect(comparison.levelOfKeysUncached(keyA, keyB)).toBe(level);
    return level === NULL_LEVEL ? "null" : comparison.levelLabels[level]!;
  });
}

const column = (name: string, values: readonly (string | null)[]): Row[] =>
  values.map((value) => ({ [name]: value }));

describe("frenchName levels", () => {
  it("grade one name column: same, compound, particles, phonetic, Jaro–Winkler, else, null", () => {
    const labels = labelsAgainstFirst(
      frenchNameComparison("surname"),
      column("surname", [
        "de la Fontaine",
        "DE LA FONTAINE",
        "DELAFONTAINE",
        "Fontaine",
        "DE LA FONTEINE",
        "DE LA FONTAIN",
        "MARTIN",
        null,
      ]),
    );
    expect(labels).toEqual([
      "same name",
      "compound-name variant",
      "same name without particles",
      "same Phonex code",
      "names Jaro–Winkler ≥ 0.92",
      "else",
      "null",
    ]);
  });

  it("grade first names: accents and hyphens are the same name, a first part is a compound variant", () => {
    const labels = labelsAgainstFirst(
      frenchNameComparison("first_name"),
      column("first_name", ["Jean-Pierre", "JEAN PIERRE", "Jean", "JEAN-PAUL", "Hélène"]),
    );
    expect(labels).toEqual(["same name", "compound-name variant", "else", "else"]);
  });

  it("match any name of one record with any name of the other (birth and usage names)", () => {
    const spec = frenchNameComparison(["birth_name", "usage_name"]);
    const labels = labelsAgainstFirst(spec, [
      { birth_name: "DUPONT", usage_name: "MARTIN" },
      { birth_name: "MARTIN", usage_name: null },
      { birth_name: "BERNARD", usage_name: "DUPONT" },
      { birth_name: null, usage_name: "DUPOND" },
      { birth_name: "BERNARD", usage_name: null },
      { birth_name: null, usage_name: null },
    ]);
    expect(labels).toEqual([
      "same name (birth_name, usage_name)",
      "same name (birth_name, usage_name)",
      "same Phonex code (birth_name, usage_name)",
      "else",
      "null",
    ]);
    expect(spec.levels[0]).toEqual({ kind: "null", columnsMissing: "all" });
  });
});

describe("partialDate levels", () => {
  it("grade a full date against SNDS year-months, each category on its own terms", () => {
    const labels = labelsAgainstFirst(
      partialBirthDateComparison("birth"),
      column("birth", [
        "1950-03-05",
        "1950-03-05",
        "1950-03",
        "1950-05",
        "1951-03",
        "1950-11",
        "1951-02",
        "1948-03",
        null,
      ]),
    );
    expect(labels).toEqual([
      "same date",
      "same year and month",
      "day and month swapped",
      "same month, year ±1",
      "same year",
      "within 12 months",
      "else",
      "null",
    ]);
  });

  it("never lets two SNDS placeholders (1600-01) agree", () => {
    const labels = labelsAgainstFirst(
      partialBirthDateComparison("birth"),
      column("birth", ["1600-01", "1600-01"]),
    );
    expect(labels).toEqual(["else"]);
  });

  it("keeps only the categories asked for, in the order given", () => {
    const spec = partialBirthDateComparison("birth", { categories: ["exactYearMonth", "sameYear"] });
    expect(
      labelsAgainstFirst(spec, column("birth", ["1950-03-05", "1950-03", "1950-07", "1951-03"])),
    ).toEqual(["same year and month", "same year", "else"]);
  });
});

describe("deathDate levels", () => {
  const spec = deathDateComparison("death");

  it("read missing values and the SNDS placeholder as no death: both alive, or dead on one side only", () => {
    const comparison = compile(spec, column("death", [null, "1600-01-01", "2020-05-04", null]));
    const label = (a: number, b: number) =>
      comparison.levelLabels[comparison.levelOfKeys(comparison.rowKeys[a]!, comparison.rowKeys[b]!)];
    expect(label(0, 1)).toBe("no death date on either side");
    expect(label(0, 3)).toBe("no death date on either side");
    expect(label(1, 2)).toBe("dead on one side only");
    expect(label(2, 0)).toBe("dead on one side only");
  });

  it("grade two deaths by how far apart they are", () => {
    const labels = labelsAgainstFirst(
      spec,
      column("death", [
        "2020-05-04",
        "2020-05-04",
        "2020-05-05",
        "2020-05-10",
        "2020-05-28",
        "2020-05",
        "2021-01-01",
        null,
      ]),
    );
    expect(labels).toEqual([
      "same death date",
      "death dates within 1 day",
      "death dates within 7 days",
      "same death month",
      "same death month",
      "else",
      "dead on one side only",
    ]);
  });

  it("is refused after a null level that would take the living first", () => {
    const issues = validateComparison(
      { ...spec, levels: [{ kind: "null" }, ...spec.levels] },
      "$.comparisons[0]",
    );
    expect(issues.map((issue) => issue.jsonPath)).toEqual([
      "$.comparisons[0].levels[5]",
      "$.comparisons[0].levels[6]",
    ]);
    expect(issues[0]!.message).toMatch(/remove the null level/);
  });
});

describe("commune and pmsiGeography levels", () => {
  it("grade INSEE codes: merged communes, arrondissements, département, région", () => {
    const labels = labelsAgainstFirst(
      communeComparison("commune"),
      column("commune", ["75115", "75115", "75056", "75116", "92012", "13055", null]),
    );
    expect(labels).toEqual(["same commune", "same city", "same city", "same région", "else", "null"]);
    const merged = labelsAgainstFirst(communeComparison("commune"), column("commune", ["01018", "01033"]));
    expect(merged).toEqual(["same commune"]);
  });

  it("place communes sharing a postal code between city and département", () => {
    const labels = labelsAgainstFirst(
      communeComparison("commune"),
      column("commune", ["45006", "45232", "45234"]),
    );
    expect(labels).toEqual(["communes share a postal code", "same département"]);
  });

  it("read a PMSI postal code on either side against a commune", () => {
    const spec = communeComparison("commune", { pmsiCodes: true });
    expect(spec.levels.map((level) => level.kind)).toEqual([
      "null",
      "commune",
      "commune",
      "commune",
      "pmsiGeography",
      "commune",
      "commune",
      "else",
    ]);
    // 45000 is Orléans' postal code (commune 45234), not a commune code: only the PMSI level sees the match.
    expect(labelsAgainstFirst(spec, column("commune", ["45234", "45000", "45200"]))).toEqual([
      "PMSI code serves the commune",
      "same département",
    ]);
    expect(labelsAgainstFirst(spec, column("commune", ["45000", "45234"]))).toEqual([
      "PMSI code serves the commune",
    ]);
  });

  it("compare a PMSI column with a commune column, either way round", () => {
    const spec: ComparisonSpec = {
      name: "residence",
      columns: ["pmsi", "commune"],
      levels: [
        {
          kind: "pmsiGeography",
          category: "compatiblePostalCode",
          pmsiColumn: "pmsi",
          communeColumn: "commune",
        },
        { kind: "pmsiGeography", category: "sameRegion", pmsiColumn: "pmsi", communeColumn: "commune" },
        { kind: "else" },
      ],
    };
    const labels = labelsAgainstFirst(spec, [
      { pmsi: "75015", commune: null },
      { pmsi: null, commune: "75115" },
      { pmsi: null, commune: "77288" },
      { pmsi: null, commune: "45234" },
      { pmsi: "99134", commune: null },
    ]);
    expect(labels).toEqual([
      "PMSI code serves the commune (pmsi, commune)",
      "PMSI code in the commune's région (pmsi, commune)",
      "else",
      "else",
    ]);
  });
});

describe("hospitalStays levels", () => {
  const lists = [
    "750000001|2020-01-02|2020-01-05;130000003|2021-03-04|2021-03-04",
    "750000001|2020-01-03|2020-01-05;130000003|2021-03-04|2021-03-05",
    "750000001|2020-01-02|2020-01-05",
    "750000001|2020-01-02|2020-01-05;750000001|2020-01-02|2020-01-06",
    "750000001|2020-01-04|2020-01-05",
    "690000002|2020-01-02|2020-01-05",
    null,
  ];

  it("count stays pairing up one-to-one within the tolerance, and say who has no stay", () => {
    expect(labelsAgainstFirst(hospitalStaysComparison("stays"), column("stays", lists))).toEqual([
      "≥ 2 shared stays (±1 day)",
      "≥ 1 shared stay (±1 day)",
      "≥ 1 shared stay (±1 day)",
      "stays on both sides, none shared",
      "stays on both sides, none shared",
      "stays on one side only",
    ]);
    const none = labelsAgainstFirst(hospitalStaysComparison("stays"), column("stays", [null, null, ""]));
    expect(none).toEqual(["no stay on either side", "no stay on either side"]);
  });

  it("or treat a record without stays as missing, when asked", () => {
    const spec = hospitalStaysComparison("stays", { missingStays: "null", minimumMatches: [1] });
    expect(labelsAgainstFirst(spec, column("stays", lists))).toEqual([
      "≥ 1 shared stay (±1 day)",
      "≥ 1 shared stay (±1 day)",
      "≥ 1 shared stay (±1 day)",
      "else",
      "else",
      "null",
    ]);
  });

  it("refuse missing-value levels after a null level", () => {
    const spec = hospitalStaysComparison("stays");
    const issues = validateComparison(
      { ...spec, levels: [{ kind: "null" }, ...spec.levels] },
      "$.comparisons[0]",
    );
    expect(issues.map((issue) => issue.jsonPath)).toEqual([
      "$.comparisons[0].levels[3]",
      "$.comparisons[0].levels[4]",
    ]);
  });

  it("add a level for a stay in another establishment of the same département, after the same-FINESS levels", () => {
    const spec = hospitalStaysComparison("stays", { sameDepartementLevel: true });
    expect(spec.levels.slice(0, 3)).toEqual([
      { kind: "hospitalStays", minimumMatches: 2, toleranceDays: 1 },
      { kind: "hospitalStays", minimumMatches: 1, toleranceDays: 1 },
      { kind: "hospitalStays", minimumMatches: 1, toleranceDays: 1, establishment: "sameDepartement" },
    ]);
    expect(hospitalStaysComparison("stays").levels).toHaveLength(5);
    expect(validateComparison(spec, "$.comparisons[0]")).toEqual([]);
    const rows = [
      ...lists,
      // The legal entity of the Paris hospitals instead of the site: same département, another FINESS.
      "750712184|2020-01-02|2020-01-05",
      "750712184|2020-01-02|2020-01-09",
    ];
    expect(labelsAgainstFirst(spec, column("stays", rows))).toEqual([
      "≥ 2 shared stays (±1 day)",
      "≥ 1 shared stay (±1 day)",
      "≥ 1 shared stay (±1 day)",
      "stays on both sides, none shared",
      "stays on both sides, none shared",
      "stays on one side only",
      "≥ 1 shared stay (±1 day) in the same département",
      "stays on both sides, none shared",
    ]);
    const withNull = hospitalStaysComparison("stays", {
      sameDepartementLevel: true,
      missingStays: "null",
      minimumMatches: [1],
      toleranceDays: 0,
    });
    expect(withNull.levels).toEqual([
      { kind: "null" },
      { kind: "hospitalStays", minimumMatches: 1, toleranceDays: 0 },
      { kind: "hospitalStays", minimumMatches: 1, toleranceDays: 0, establishment: "sameDepartement" },
      { kind: "else" },
    ]);
    expect(labelsAgainstFirst(withNull, column("stays", rows))).toEqual([
      "else",
      "≥ 1 shared stay (±0 days)",
      "≥ 1 shared stay (±0 days)",
      "else",
      "else",
      "null",
      "≥ 1 shared stay (±0 days) in the same département",
      "else",
    ]);
  });

  it("refuse a same-FINESS level after a same-département one that takes all its pairs", () => {
    const stays = (minimumMatches: number, establishment?: "same" | "sameDepartement") => ({
      kind: "hospitalStays" as const,
      minimumMatches,
      toleranceDays: 1,
      ...(establishment === undefined ? {} : { establishment }),
    });
    const issuesOf = (levels: ComparisonSpec["levels"]) =>
      validateComparison(
        { name: "stays", columns: ["stays"], levels: [...levels, { kind: "else" }] },
        "$",
      ).map((issue) => issue.jsonPath);
    expect(issuesOf([stays(1), stays(1, "sameDepartement")])).toEqual([]);
    expect(issuesOf([stays(2, "same"), stays(2, "sameDepartement"), stays(1)])).toEqual([]);
    expect(issuesOf([stays(1, "sameDepartement"), stays(1)])).toEqual(["$.levels[1]"]);
    expect(issuesOf([stays(1, "sameDepartement"), stays(2, "same")])).toEqual(["$.levels[1]"]);
    expect(issuesOf([stays(2, "sameDepartement"), stays(1)])).toEqual([]);
    expect(issuesOf([stays(1, "sameDepartement"), stays(1, "sameDepartement")])).toEqual(["$.levels[1]"]);
  });

  it("report a malformed stays value with its row", () => {
    expect(() =>
      compile(
        hospitalStaysComparison("stays"),
        column("stays", ["750000001|2020-01-02|2020-01-05", "750000001|2020-01-02"]),
      ),
    ).toThrow(/Row 2 of column "stays"/);
  });
});

describe("French templates in JSON specs", () => {
  const base = { linkType: "link", blockingRules: [{ keys: ["sex"] }] };

  it("expand to the factories' comparisons", () => {
    const spec = parseSpec({
      ...base,
      comparisons: [
        { template: "frenchNameComparison", columns: ["birth_name", "usage_name"], name: "surname" },
        {
          template: "partialBirthDateComparison",
          column: "birth",
          categories: ["exactYearMonth", "sameYear"],
        },
        { template: "deathDateComparison", column: "death" },
        { template: "communeComparison", column: "commune", pmsiCodes: true },
        { template: "hospitalStaysComparison", column: "stays", toleranceDays: 2, minimumMatches: [3, 1] },
        { template: "hospitalStaysComparison", column: "stays2", sameDepartementLevel: true },
      ],
    });
    expect(spec.comparisons).toEqual([
      frenchNameComparison(["birth_name", "usage_name"], { name: "surname" }),
      partialBirthDateComparison("birth", { categories: ["exactYearMonth", "sameYear"] }),
      deathDateComparison("death"),
      communeComparison("commune", { pmsiCodes: true }),
      hospitalStaysComparison("stays", { toleranceDays: 2, minimumMatches: [3, 1] }),
      hospitalStaysComparison("stays2", { sameDepartementLevel: true }),
    ]);
    expect(spec.comparisons[5]!.levels[2]).toEqual({
      kind: "hospitalStays",
      minimumMatches: 1,
      toleranceDays: 1,
      establishment: "sameDepartement",
    });
  });

  it("report every problem with its JSON path", () => {
    try {
      parseSpec({
        ...base,
        comparisons: [
          { template: "frenchNameComparison" },
          { template: "hospitalStaysComparison", column: "stays", minimumMatches: [1, 2] },
          { template: "communeComparison", column: "commune", categories: ["sameCommune", "sameCommune"] },
          {
            name: "names",
            columns: ["surname"],
            levels: [
              { kind: "frenchName", category: "jaroWinkler" },
              { kind: "frenchName", category: "exact", threshold: 0.9, phoneticAlgorithm: "fonem" },
              { kind: "hospitalStays", minimumMatches: 0, toleranceDays: 1 },
              { kind: "else" },
            ],
          },
        ],
      });
      expect.unreachable();
    } catch (error) {
      const paths = (error as { issues: { jsonPath: string }[] }).issues.map((issue) => issue.jsonPath);
      expect(paths).toEqual(
        expect.arrayContaining([
          "$.comparisons[0].column",
          "$.comparisons[1].minimumMatches[1]",
          "$.comparisons[2]",
          "$.comparisons[3].levels[2].minimumMatches",
        ]),
      );
    }
    try {
      parseSpec({
        ...base,
        comparisons: [
          {
            name: "names",
            columns: ["surname"],
            levels: [
              { kind: "frenchName", category: "jaroWinkler" },
              { kind: "frenchName", category: "exact", threshold: 0.9, phoneticAlgorithm: "fonem" },
              { kind: "else" },
            ],
          },
        ],
      });
      expect.unreachable();
    } catch (error) {
      const paths = (error as { issues: { jsonPath: string }[] }).issues.map((issue) => issue.jsonPath);
      expect(paths).toEqual([
        "$.comparisons[0].levels[0].threshold",
        "$.comparisons[0].levels[1].threshold",
        "$.comparisons[0].levels[1].phoneticAlgorithm",
      ]);
    }
  });
});
