import { describe, expect, it } from "vitest";
import { jaroWinklerAtThresholds } from "../src/comparisons/comparison-library.js";
import { SpecError, type SpecIssue } from "../src/errors.js";
import { parseSpec } from "../src/spec/parse-spec.js";
import { specDefaults } from "../src/spec/spec-schema.js";

const minimal = {
  linkType: "dedupe",
  comparisons: [{ template: "exactMatch", column: "sex" }],
  blockingRules: [{ keys: ["surname"] }],
};

function issuesOf(input: unknown): readonly SpecIssue[] {
  try {
    parseSpec(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).issues;
  }
  throw new Error("expected parseSpec to throw");
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.jsonPath);
}

describe("parseSpec defaults", () => {
  it("fills training, threshold, one-to-one and pair-limit defaults", () => {
    const spec = parseSpec(minimal);
    expect(spec.training).toEqual({
      seed: 42,
      uSamplePairs: 1_000_000,
      maxIterations: 25,
      tolerance: 1e-4,
      estimateU: false,
      monotonic: true,
    });
    expect(spec.threshold).toEqual({ kind: "matchProbability", value: 0.5 });
    expect(spec.oneToOne).toEqual({ method: "bestFirst", probability: "oneToOne" });
    expect(spec.maxCandidatePairs).toBe(50_000_000);
    expect(spec.training).toEqual(specDefaults.training);
  });

  it("keeps given values and normalises blocking keys to objects", () => {
    const spec = parseSpec({
      ...minimal,
      $schema: "../schema/linkage-spec.schema.json",
      blockingRules: [
        {
          name: "by surname and year",
          keys: ["surname", { column: "birth_date", transform: { kind: "year" } }],
        },
      ],
      training: { seed: 7, priorMatchProbability: 0.001, sessions: [{ blockingRule: { keys: ["sex"] } }] },
      threshold: { kind: "matchWeight", value: 3 },
      oneToOne: { method: "optimal" },
      maxCandidatePairs: 1000,
    });
    expect(spec.blockingRules).toEqual([
      {
        name: "by surname and year",
        keys: [{ column: "surname" }, { column: "birth_date", transform: { kind: "year" } }],
      },
    ]);
    expect(spec.training.seed).toBe(7);
    expect(spec.training.uSamplePairs).toBe(1_000_000);
    expect(spec.training.priorMatchProbability).toBe(0.001);
    expect(spec.training.sessions).toEqual([{ blockingRule: { keys: [{ column: "sex" }] } }]);
    expect(spec.threshold).toEqual({ kind: "matchWeight", value: 3 });
    expect(spec.oneToOne).toEqual({ method: "optimal", probability: "oneToOne" });
    expect(spec.maxCandidatePairs).toBe(1000);
    expect(spec).not.toHaveProperty("$schema");
  });

  it("names a full comparison after its columns when it has no name", () => {
    const spec = parseSpec({
      ...minimal,
      comparisons: [
        { columns: ["postcode"], levels: [{ kind: "null" }, { kind: "exact" }, { kind: "else" }] },
      ],
    });
    expect(spec.comparisons[0].name).toBe("postcode");
  });
});

describe("parseSpec templates", () => {
  it("expands a template to the same comparison as the library factory", () => {
    const spec = parseSpec({
      ...minimal,
      comparisons: [
        {
          template: "jaroWinklerAtThresholds",
          column: "first_name",
          thresholds: [0.95, 0.8],
          termFrequency: true,
        },
      ],
    });
    expect(spec.comparisons[0]).toEqual(
      jaroWinklerAtThresholds("first_name", [0.95, 0.8], { termFrequency: true }),
    );
    expect(spec.comparisons[0].levels.map((level) => level.kind)).toEqual([
      "null",
      "exact",
      "similarity",
      "similarity",
      "else",
    ]);
  });

  it("expands every template name to a valid comparison", () => {
    const spec = parseSpec({
      ...minimal,
      comparisons: [
        { template: "exactMatch", column: "a" },
        { template: "jaroAtThresholds", column: "b" },
        { template: "jaccardAtThresholds", column: "c", q: 3 },
        { template: "diceAtThresholds", column: "d" },
        { template: "levenshteinAtThresholds", column: "e" },
        { template: "damerauLevenshteinAtThresholds", column: "f", thresholds: [1] },
        { template: "absoluteDifferenceAtThresholds", column: "g", thresholds: [1, 5] },
        { template: "relativeDifferenceAtThresholds", column: "h", thresholds: [0.05] },
        { template: "dateDifferenceAtThresholds", column: "i", dayMonthSwap: true },
        { template: "distanceKmAtThresholds", latitudeColumn: "lat", longitudeColumn: "lon" },
        { template: "nameComparison", column: "j", phonetic: "phonex" },
        { template: "forenameSurnameComparison", forenameColumn: "k", surnameColumn: "l" },
      ],
    });
    expect(spec.comparisons.map((comparison) => comparison.name)).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
      "f",
      "g",
      "h",
      "i",
      "lat_lon",
      "j",
      "k_l",
    ]);
    const dates = spec.comparisons[8];
    expect(dates.levels.map((level) => level.kind)).toEqual([
      "null",
      "exact",
      "dayMonthSwap",
      "dateDifference",
      "dateDifference",
      "dateDifference",
      "else",
    ]);
    expect(spec.comparisons[10].levels[2]).toEqual({ kind: "phonetic", algorithm: "phonex" });
  });

  it("reports out-of-order thresholds at the threshold", () => {
    const issues = issuesOf({
      ...minimal,
      comparisons: [
        { template: "jaroWinklerAtThresholds", column: "a", thresholds: [0.8, 0.9] },
        {
          template: "dateDifferenceAtThresholds",
          column: "b",
          thresholds: [
            { unit: "years", threshold: 1 },
            { unit: "days", threshold: 10 },
          ],
        },
      ],
    });
    expect(issues.map((issue) => issue.jsonPath)).toEqual([
      "$.comparisons[0].thresholds[1]",
      "$.comparisons[1].thresholds[1]",
    ]);
    expect(issues[1].message).toContain("10 days comes after 1 years");
  });

  it("suggests the closest template name", () => {
    const issues = issuesOf({
      ...minimal,
      comparisons: [{ template: "jaroWinklerAtThreshold", column: "a" }],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0].jsonPath).toBe("$.comparisons[0].template");
    expect(issues[0].message).toContain('did you mean "jaroWinklerAtThresholds"');
  });
});

describe("parseSpec errors", () => {
  it("reports every problem at once with JSON paths", () => {
    const error = (() => {
      try {
        parseSpec({
          linkType: "dedup",
          comparisons: [
            { template: "exactMatch", column: "sex" },
            {
              name: "first_name",
              columns: ["first_name"],
              levels: [
                { kind: "null" },
                { kind: "similarity", comparator: "jaroWinkler", threshold: 1.5 },
                { kind: "exact", colum: "first_name" },
                { kind: "else" },
              ],
            },
            { template: "levenshteinAtThresholds" },
          ],
          blockingRules: [{ keys: [] }],
          training: { maxIterations: 0, deterministicRecall: 0.8 },
          extra: true,
        });
      } catch (caught) {
        return caught as SpecError;
      }
      throw new Error("expected a SpecError");
    })();
    expect(error).toBeInstanceOf(SpecError);
    expect(error.code).toBe("SPEC_INVALID");
    const paths = error.issues.map((issue) => issue.jsonPath);
    expect(paths).toEqual(
      expect.arrayContaining([
        "$.linkType",
        "$.comparisons[1].levels[1].threshold",
        "$.comparisons[1].levels[2].colum",
        "$.comparisons[2].column",
        "$.blockingRules[0].keys",
        "$.training.maxIterations",
        "$.training.deterministicRecall",
        "$.extra",
      ]),
    );
    expect(paths).toHaveLength(8);
    const byPath = new Map(error.issues.map((issue) => [issue.jsonPath, issue.message]));
    expect(byPath.get("$.linkType")).toContain('did you mean "dedupe"');
    expect(byPath.get("$.comparisons[1].levels[1].threshold")).toContain("1.5");
    expect(byPath.get("$.comparisons[1].levels[2].colum")).toContain('did you mean "column"');
    expect(byPath.get("$.comparisons[2].column")).toContain("missing");
    expect(error.message).toContain("8 problems");
  });

  it("rejects a spec that is not an object", () => {
    expect(pathsOf(null)).toEqual(["$"]);
    expect(pathsOf([1, 2])).toEqual(["$"]);
  });

  it("reports missing required sections", () => {
    const paths = pathsOf({});
    expect(paths).toEqual(["$.linkType", "$.comparisons", "$.blockingRules"]);
  });

  it("checks level order: null first, else last and unique, something in between", () => {
    const issues = issuesOf({
      ...minimal,
      comparisons: [
        { columns: ["a"], levels: [{ kind: "exact" }, { kind: "null" }, { kind: "else" }] },
        { columns: ["b"], levels: [{ kind: "null" }, { kind: "exact" }] },
        { columns: ["c"], levels: [{ kind: "null" }, { kind: "else" }] },
        { columns: ["d"], levels: [{ kind: "else" }, { kind: "exact" }, { kind: "else" }] },
      ],
    });
    expect(issues.map((issue) => issue.jsonPath)).toEqual([
      "$.comparisons[0].levels[1]",
      "$.comparisons[1].levels",
      "$.comparisons[2].levels",
      "$.comparisons[3].levels[0]",
      "$.comparisons[3].levels[2]",
    ]);
  });

  it("checks columns read by levels belong to the comparison", () => {
    const issues = issuesOf({
      ...minimal,
      comparisons: [
        {
          name: "names",
          columns: ["forename", "surname"],
          levels: [
            { kind: "exact", columns: ["forename", "surname"] },
            { kind: "columnsReversed", columns: ["forename", "last_name"] },
            { kind: "exact", column: "middle_name" },
            { kind: "else" },
          ],
        },
      ],
    });
    expect(issues.map((issue) => issue.jsonPath)).toEqual([
      "$.comparisons[0].levels[1].columns[1]",
      "$.comparisons[0].levels[2].column",
    ]);
  });

  it("reports unreachable levels, misplaced q and term-frequency misuse", () => {
    const issues = issuesOf({
      ...minimal,
      comparisons: [
        {
          columns: ["name"],
          levels: [
            { kind: "null" },
            { kind: "exact", termFrequency: true },
            { kind: "similarity", comparator: "jaroWinkler", threshold: 0.88, q: 2 },
            { kind: "similarity", comparator: "jaroWinkler", threshold: 0.92 },
            { kind: "exact", termFrequency: true },
            { kind: "exact", termFrequencyWeight: 0.5 },
            { kind: "else" },
          ],
        },
      ],
    });
    const paths = issues.map((issue) => issue.jsonPath);
    expect(paths).toContain("$.comparisons[0].levels[2].q");
    expect(paths).toContain("$.comparisons[0].levels[3]");
    expect(paths).toContain("$.comparisons[0].levels[4].termFrequency");
    expect(paths).toContain("$.comparisons[0].levels[5].termFrequencyWeight");
    expect(issues.find((issue) => issue.jsonPath === "$.comparisons[0].levels[3]")?.message).toContain(
      "can never hold",
    );
  });

  it("rejects duplicate comparison names, including defaulted ones", () => {
    const issues = issuesOf({
      ...minimal,
      comparisons: [
        { template: "exactMatch", column: "a" },
        { template: "jaroAtThresholds", column: "a" },
        { name: "a", columns: ["b"], levels: [{ kind: "exact" }, { kind: "else" }] },
      ],
    });
    expect(issues.map((issue) => issue.jsonPath)).toEqual(["$.comparisons[1]", "$.comparisons[2].name"]);
  });

  it("checks blocking rules: unknown transforms, repeated keys, duplicate rules and names", () => {
    const issues = issuesOf({
      ...minimal,
      blockingRules: [
        { name: "r", keys: ["a", "a"] },
        { name: "r", keys: [{ column: "b", transform: { kind: "prefx", length: 2 } }] },
        { keys: ["a"] },
        { keys: [3] },
      ],
    });
    expect(issues.map((issue) => issue.jsonPath)).toEqual([
      "$.blockingRules[1].keys[0].transform.kind",
      "$.blockingRules[3].keys[0]",
    ]);
    const semantic = issuesOf({
      ...minimal,
      blockingRules: [{ name: "r", keys: ["a", "a"] }, { name: "r", keys: ["b"] }, { keys: ["a"] }],
    });
    expect(semantic.map((issue) => issue.jsonPath)).toEqual([
      "$.blockingRules[0].keys[1]",
      "$.blockingRules[1].name",
      "$.blockingRules[2]",
    ]);
  });

  it("checks training consistency", () => {
    const issues = issuesOf({
      ...minimal,
      training: { priorMatchProbability: 0.01, deterministicRules: [{ keys: ["nir"] }] },
    });
    expect(issues.map((issue) => issue.jsonPath)).toEqual([
      "$.training.deterministicRules",
      "$.training.deterministicRecall",
    ]);
    const spec = parseSpec({
      ...minimal,
      training: { deterministicRules: [{ keys: ["nir"] }], deterministicRecall: 0.7 },
    });
    expect(spec.training.deterministicRules).toEqual([{ keys: [{ column: "nir" }] }]);
    expect(spec.training.deterministicRecall).toBe(0.7);
  });

  it("describes wrong types and ranges with what was found", () => {
    const issues = issuesOf({
      ...minimal,
      threshold: { kind: "matchProbability", value: 1.2 },
      maxCandidatePairs: "many",
      training: { seed: 1.5 },
    });
    const byPath = new Map(issues.map((issue) => [issue.jsonPath, issue.message]));
    expect(byPath.get("$.threshold.value")).toMatch(/found 1\.2; it must be < 1/);
    expect(byPath.get("$.maxCandidatePairs")).toMatch(/expected a number, found "many"/);
    expect(byPath.get("$.training.seed")).toMatch(/expected an integer, found 1\.5/);
  });
});
