import { describe, expect, it } from "vitest";
import { blockingRecall, generateCandidatePairs } from "../src/blocking/index.js";
import { combineDatasets, datasetFromRecords, NULL_CODE } from "../src/data/dataset.js";
import type { CandidatePairs } from "../src/vectors/types.js";

// Source a: rows 0–3, source b: rows 4–7.
const sourceA = datasetFromRecords(
  "a",
  ["1", "1", "2", null].map((entity, row) => ({ id: `a${row}`, entity, name: `N${row % 2}` })),
  { idColumn: "id" },
);
const sourceB = datasetFromRecords(
  "b",
  ["1", "2", "3", "2"].map((entity, row) => ({ id: `b${row}`, entity, name: `N${row % 2}` })),
  { idColumn: "id" },
);
const combined = combineDatasets([sourceA, sourceB]);
const truth = Int32Array.of(1, 1, 2, NULL_CODE, 1, 2, 3, 2);

function pairsOf(list: [number, number][]): CandidatePairs {
  return {
    count: list.length,
    left: Int32Array.from(list, ([left]) => left),
    right: Int32Array.from(list, ([, right]) => right),
    ruleIndex: new Uint8Array(list.length),
    ruleNames: ["hand"],
  };
}

const candidates = pairsOf([
  [0, 1],
  [0, 4],
  [1, 2],
  [2, 5],
  [5, 7],
  [3, 6],
]);

describe("blockingRecall", () => {
  it("counts cross-source true pairs only under link", () => {
    // True pairs: entity 1 = {0, 1} × {4}, entity 2 = {2} × {5, 7}; found: (0, 4) and (2, 5).
    expect(blockingRecall(candidates, truth, "link", combined)).toEqual({
      truePairs: 4,
      truePairsFound: 2,
      recall: 0.5,
    });
  });

  it("counts every true pair under dedupe and linkAndDedupe", () => {
    // True pairs: C(3, 2) for entity 1 {0, 1, 4} and for entity 2 {2, 5, 7}; found: (0, 1), (0, 4), (2, 5), (5, 7).
    const expected = { truePairs: 6, truePairsFound: 4, recall: 4 / 6 };
    expect(blockingRecall(candidates, truth, "linkAndDedupe", combined)).toEqual(expected);
    expect(blockingRecall(candidates, truth, "dedupe", combined)).toEqual(expected);
  });

  it("reaches 1 when blocking on the truth itself", () => {
    const entityCodes = combined.columns.get("entity")!.codes;
    const pairs = generateCandidatePairs(combined, [{ keys: [{ column: "entity" }] }], "link", {
      maxPairs: 100,
    });
    expect(blockingRecall(pairs, entityCodes, "link", combined)).toEqual({
      truePairs: 4,
      truePairsFound: 4,
      recall: 1,
    });
    const byName = generateCandidatePairs(combined, [{ keys: [{ column: "name" }] }], "link", {
      maxPairs: 100,
    });
    // Names alternate N0, N1 by row within each source: of the true pairs (0, 4), (1, 4), (2, 5) and (2, 7)
    // only (0, 4) shares a name.
    const recall = blockingRecall(byName, entityCodes, "link", combined);
    expect(recall.truePairsFound).toBe(1);
    expect(recall.recall).toBe(0.25);
  });

  it("is 1 when there is no true pair to miss", () => {
    const unknown = new Int32Array(8).fill(NULL_CODE);
    expect(blockingRecall(candidates, unknown, "dedupe", combined)).toEqual({
      truePairs: 0,
      truePairsFound: 0,
      recall: 1,
    });
  });

  it("needs one entity code per row", () => {
    expect(() => blockingRecall(candidates, new Int32Array(3), "dedupe", combined)).toThrow(
      expect.objectContaining({ code: "BLOCKING_TRUTH_LENGTH" }),
    );
  });
});
