import { describe, expect, it } from "vitest";
import { truthFromPairs } from "./truth-from-pairs.js";

describe("truthFromPairs", () => {
  it("gives rows linked by true pairs one entity code, transitively, and counts unknown ids", () => {
    const { truth, unknownIds } = truthFromPairs(
      ["a1", "a2", "b1", "b2", "b3"],
      [
        ["a1", "b2"],
        ["b2", "b3"],
        ["a2", "zz"],
      ],
    );
    expect(truth[0]).toBe(truth[3]);
    expect(truth[3]).toBe(truth[4]);
    expect(new Set([truth[0], truth[1], truth[2]]).size).toBe(3);
    expect(unknownIds).toBe(1);
  });

  it("refuses keys that are not unique", () => {
    expect(() => truthFromPairs(["x", "x"], [])).toThrow(/same key/);
  });
});
