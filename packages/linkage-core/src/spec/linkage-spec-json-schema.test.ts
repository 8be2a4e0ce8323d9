import { describe, expect, it } from "vitest";
import { comparisonTemplateNames } from "../comparisons/comparison-templates.js";
import { linkageSpecJsonSchema } from "./linkage-spec-json-schema.js";

// Regenerate the committed file with `npx vitest run packages/linkage-core/src/spec -u`.
const SCHEMA_FILE = "../../schema/linkage-spec.schema.json";

describe("linkageSpecJsonSchema", () => {
  it("matches the committed schema file, so editors never see a stale schema", async () => {
    await expect(`${JSON.stringify(linkageSpecJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(SCHEMA_FILE);
  });

  it("describes the spec as users write it: required sections, defaults, $schema allowed", () => {
    const schema = linkageSpecJsonSchema() as {
      properties: Record<string, { default?: unknown }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.required).toEqual(["linkType", "comparisons", "blockingRules"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain("$schema");
    expect(schema.properties.maxCandidatePairs.default).toBe(50_000_000);
    expect(schema.properties.threshold.default).toEqual({ kind: "matchProbability", value: 0.5 });
  });

  it("lists every comparison template", () => {
    const text = JSON.stringify(linkageSpecJsonSchema());
    for (const name of comparisonTemplateNames) expect(text).toContain(`"const":"${name}"`);
  });
});
