import { describe, expect, it } from "vitest";
import { checkSpecAgainstColumns } from "../src/spec/check-spec-against-columns.js";
import { parseSpec } from "../src/spec/parse-spec.js";

const spec = parseSpec({
  linkType: "link",
  comparisons: [
    { template: "jaroWinklerAtThresholds", column: "prenom" },
    { template: "dateDifferenceAtThresholds", column: "date_naissance" },
  ],
  blockingRules: [{ keys: ["nom", { column: "date_naissance", transform: { kind: "year" } }] }],
  training: {
    deterministicRules: [{ keys: ["nir"] }],
    deterministicRecall: 0.9,
    sessions: [{ blockingRule: { keys: ["code_postal"] } }],
  },
});

describe("checkSpecAgainstColumns", () => {
  it("finds nothing when every column exists", () => {
    expect(
      checkSpecAgainstColumns(spec, ["nom", "prenom", "date_naissance", "nir", "code_postal", "sexe"]),
    ).toEqual([]);
  });

  it("reports each missing column with its JSON path and a suggestion", () => {
    const issues = checkSpecAgainstColumns(spec, ["nom", "prenoms", "date_naissance"]);
    expect(issues.map((issue) => issue.jsonPath)).toEqual([
      "$.comparisons[0]",
      "$.training.deterministicRules[0].keys[0]",
      "$.training.sessions[0].blockingRule.keys[0]",
    ]);
    expect(issues[0].message).toContain('column "prenom"');
    expect(issues[0].message).toContain('did you mean "prenoms"');
  });

  it("checks blocking keys", () => {
    const issues = checkSpecAgainstColumns(spec, ["prenom", "date_naissance", "nir", "code_postal"]);
    expect(issues.map((issue) => issue.jsonPath)).toEqual(["$.blockingRules[0].keys[0]"]);
  });
});
