import { describe, expect, it } from "vitest";
import { assignLevelIndices, countNonNullLevels } from "./level-indices.js";
import type { LevelSpec } from "./types.js";

describe("assignLevelIndices", () => {
  it("gives null -1, else 0 and the most similar level the highest index", () => {
    const levels: LevelSpec[] = [
      { kind: "null" },
      { kind: "exact" },
      { kind: "similarity", comparator: "jaroWinkler", threshold: 0.92 },
      { kind: "similarity", comparator: "jaroWinkler", threshold: 0.88 },
      { kind: "else" },
    ];
    expect(assignLevelIndices(levels)).toEqual([-1, 3, 2, 1, 0]);
    expect(countNonNullLevels(levels)).toBe(4);
  });

  it("works without a null level", () => {
    expect(assignLevelIndices([{ kind: "exact" }, { kind: "else" }])).toEqual([1, 0]);
  });
});
