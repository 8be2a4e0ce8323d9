import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NULL_CODE } from "../data/dataset.js";
import type { LinkType } from "../spec/types.js";
import { confusionAtThreshold, evaluateLinks } from "./evaluate-links.js";
import { countTruePairs } from "./true-pairs.js";

// Rows 0–2 from source 0, rows 3–6 from source 1. Entities: A = {0, 3, 4}, B = {1, 5}, C = {2}, row 6 unknown.
const truth = Int32Array.from([0, 1, 2, 0, 0, 1, NULL_CODE]);
const sourceOf = Uint8Array.from([0, 0, 0, 1, 1, 1, 1]);

describe("countTruePairs", () => {
  it("counts cross-source true pairs for link and all of them otherwise", () => {
    // A: 0-3, 0-4 cross, 3-4 within; B: 1-5 cross.
    expect(countTruePairs(truth, "link", sourceOf)).toBe(3);
    expect(countTruePairs(truth, "linkAndDedupe", sourceOf)).toBe(4);
    expect(countTruePairs(truth, "dedupe")).toBe(4);
  });

  it("agrees with a loop over all pairs on random data", () => {
    const random = seedrandom("true-pairs");
    for (let trial = 0; trial < 20; trial++) {
      const rows = 40;
      const entities = Int32Array.from({ length: rows }, () =>
        random() < 0.1 ? NULL_CODE : Math.floor(random() * 12),
      );
      const sources = Uint8Array.from({ length: rows }, () => Math.floor(random() * 3));
      for (const linkType of ["link", "dedupe", "linkAndDedupe"] as LinkType[]) {
        let expected = 0;
        for (let a = 0; a < rows; a++) {
          for (let b = a + 1; b < rows; b++) {
            if (entities[a] === NULL_CODE || entities[a] !== entities[b]) continue;
            if (linkType === "link" && sources[a] === sources[b]) continue;
            expected++;
          }
        }
        expect(countTruePairs(entities, linkType, sources)).toBe(expected);
      }
    }
  });
});

describe("evaluateLinks", () => {
  it("counts true and false positives, and false negatives over the whole space", () => {
    const evaluation = evaluateLinks({
      // 0-3 true, 1-4 false, 2-6 unknown, 3-4 within source (out of scope for link), 0-3 again (duplicate).
      left: Int32Array.from([0, 1, 2, 3, 3]),
      right: Int32Array.from([3, 4, 6, 4, 0]),
      truth,
      linkType: "link",
      sourceOf,
    });
    expect(evaluation).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 2,
      totalTruePairs: 3,
      unlabelledPairs: 1,
      outOfScopePairs: 1,
    });
    expect(evaluation.precision).toBe(0.5);
    expect(evaluation.recall).toBeCloseTo(1 / 3, 12);
    expect(evaluation.f1).toBeCloseTo((2 * 0.5 * (1 / 3)) / (0.5 + 1 / 3), 12);
  });

  it("uses documented values for empty denominators", () => {
    const none = evaluateLinks({
      left: new Int32Array(0),
      right: new Int32Array(0),
      truth,
      linkType: "link",
      sourceOf,
    });
    expect(none.precision).toBe(1);
    expect(none.recall).toBe(0);
    expect(none.f1).toBe(0);
  });

  it("evaluates the pairs at or above a threshold", () => {
    const evaluation = confusionAtThreshold({
      left: Int32Array.from([0, 1, 0]),
      right: Int32Array.from([3, 4, 4]),
      matchWeight: Float64Array.from([10, 5, 1]),
      threshold: { kind: "matchWeight", value: 5 },
      truth,
      linkType: "link",
      sourceOf,
    });
    expect(evaluation.truePositives).toBe(1);
    expect(evaluation.falsePositives).toBe(1);
    const lower = confusionAtThreshold({
      left: Int32Array.from([0, 1, 0]),
      right: Int32Array.from([3, 4, 4]),
      matchWeight: Float64Array.from([10, 5, 1]),
      threshold: 0,
      truth,
      linkType: "link",
      sourceOf,
    });
    expect(lower.truePositives).toBe(2);
  });

  it("rejects rows outside the truth", () => {
    expect(() =>
      evaluateLinks({ left: Int32Array.of(0), right: Int32Array.of(9), truth, linkType: "link", sourceOf }),
    ).toThrow(expect.objectContaining({ code: "EVALUATION_ROW_OUT_OF_RANGE" }));
  });
});
