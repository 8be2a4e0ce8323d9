import { describe, expect, it } from "vitest";
import { flatStringAt, flattenStrings } from "./flat-strings.js";

describe("flattenStrings", () => {
  it("packs values back to back with offsets, keeping UTF-16 code units", () => {
    const values = ["MARTIN", "", "LEFÈVRE", "Œ😀"];
    const flat = flattenStrings(values);
    expect(flat.count).toBe(4);
    expect([...flat.offsets]).toEqual([0, 6, 6, 13, 16]);
    expect(flat.codeUnits.length).toBe(16);
    expect(flat.codeUnits[9]).toBe("È".charCodeAt(0));
    expect(values.map((_, index) => flatStringAt(flat, index))).toEqual(values);
  });

  it("handles an empty list and values longer than one decoding chunk", () => {
    expect(flattenStrings([]).offsets).toEqual(new Int32Array([0]));
    const long = "ABCDÉ".repeat(5000);
    expect(flatStringAt(flattenStrings(["X", long]), 1)).toBe(long);
  });
});
