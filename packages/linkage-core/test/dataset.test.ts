import { describe, expect, it } from "vitest";
import { combineDatasets, datasetFromRecords, NULL_CODE } from "../src/data/dataset.js";

describe("combineDatasets", () => {
  it("gives equal values from different sources equal codes", () => {
    const left = datasetFromRecords(
      "a",
      [
        { id: "1", name: "MARIE" },
        { id: "2", name: null },
      ],
      { idColumn: "id" },
    );
    const right = datasetFromRecords(
      "b",
      [
        { id: "x", name: "PAUL" },
        { id: "y", name: "MARIE" },
      ],
      { idColumn: "id" },
    );
    const combined = combineDatasets([left, right]);
    const names = combined.columns.get("name")!;
    expect(combined.rowCount).toBe(4);
    expect(names.codes[0]).toBe(names.codes[3]);
    expect(names.codes[1]).toBe(NULL_CODE);
    expect(names.dictionary).toEqual(["MARIE", "PAUL"]);
    expect([...combined.sourceOf]).toEqual([0, 0, 1, 1]);
    expect(combined.sourceOffsets).toEqual([0, 2, 4]);
    expect(combined.ids).toEqual(["1", "2", "x", "y"]);
  });
});
