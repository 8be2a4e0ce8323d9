import { describe, expect, it } from "vitest";
import {
  identityPairOptionsSchema,
  registrySndsOptionsSchema,
  resolveSyntheticOptions,
  SyntheticOptionsError,
} from "./synthetic-options.js";

describe("resolveSyntheticOptions", () => {
  it("fills documented defaults, nested noise included, and turns numeric seeds into strings", () => {
    const registry = resolveSyntheticOptions(registrySndsOptionsSchema, { seed: 7, moverRate: 0.2 });
    expect(registry.seed).toBe("7");
    expect(registry.moverRate).toBe(0.2);
    expect(registry.sndsPersonCount).toBe(100_000);
    const identity = resolveSyntheticOptions(identityPairOptionsSchema, { noise: { accentLossRate: 0 } });
    expect(identity.noise.accentLossRate).toBe(0);
    expect(identity.noise.firstNameTypoRate).toBe(0.02);
  });

  it("reports every problem at once with its JSON path", () => {
    try {
      resolveSyntheticOptions(registrySndsOptionsSchema, {
        moverRate: 2,
        studyStartYear: 2020,
        studyEndYear: 2010,
        colour: "blue",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SyntheticOptionsError);
      const issues = (error as SyntheticOptionsError).issues.map((issue) => issue.jsonPath).sort();
      expect(issues).toEqual(["$.colour", "$.moverRate", "$.studyEndYear"]);
      expect((error as SyntheticOptionsError).code).toBe("SYNTHETIC_OPTIONS_INVALID");
    }
  });

  it("reports each unknown key at its own path, nested ones included", () => {
    try {
      resolveSyntheticOptions(identityPairOptionsSchema, { colour: 1, noise: { typoRate: 0.1, size: 2 } });
      expect.unreachable();
    } catch (error) {
      const issues = (error as SyntheticOptionsError).issues;
      expect(issues.map((issue) => issue.jsonPath).sort()).toEqual([
        "$.colour",
        "$.noise.size",
        "$.noise.typoRate",
      ]);
      expect(issues.every((issue) => issue.message.includes("unknown option"))).toBe(true);
      expect((error as SyntheticOptionsError).message).toMatch(
        /^3 problems in the synthetic cohort options:/,
      );
    }
  });

  it("checks cross-field rules", () => {
    const attempt = () =>
      resolveSyntheticOptions(registrySndsOptionsSchema, {
        studyStartYear: 2020,
        studyEndYear: 2010,
        sndsPersonCount: 10,
        registryPersonCount: 100,
      });
    expect(attempt).toThrow(SyntheticOptionsError);
    try {
      attempt();
    } catch (error) {
      const paths = (error as SyntheticOptionsError).issues.map((issue) => issue.jsonPath).sort();
      expect(paths).toEqual(["$.registryPersonCount", "$.studyEndYear"]);
    }
  });
});
