import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NULL_CODE } from "../data/dataset.js";
import { evaluateClusters } from "./evaluate-clusters.js";

describe("evaluateClusters", () => {
  it("counts pairs within clusters against pairs within entities", () => {
    // Clusters {0,1,2}, {3,4}; entities {0,1}, {2,3,4}.
    const evaluation = evaluateClusters(Int32Array.from([0, 0, 0, 1, 1]), Int32Array.from([0, 0, 1, 1, 1]));
    // Predicted pairs: 3 + 1 = 4; true pairs: 1 + 3 = 4; shared: 0-1 and 3-4.
    expect(evaluation).toMatchObject({
      truePositives: 2,
      falsePositives: 2,
      falseNegatives: 2,
      predictedPairs: 4,
      truePairs: 4,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
  });

  it("agrees with a loop over all pairs, leaving out unknown entities", () => {
    const random = seedrandom("clusters-eval");
    for (let trial = 0; trial < 20; trial++) {
      const rows = 50;
      const clusterOf = Int32Array.from({ length: rows }, () => Math.floor(random() * 15));
      const truth = Int32Array.from({ length: rows }, () =>
        random() < 0.1 ? NULL_CODE : Math.floor(random() * 15),
      );
      let truePositives = 0;
      let predicted = 0;
      let actual = 0;
      for (let a = 0; a < rows; a++) {
        for (let b = a + 1; b < rows; b++) {
          if (truth[a] === NULL_CODE || truth[b] === NULL_CODE) continue;
          const sameCluster = clusterOf[a] === clusterOf[b];
          const sameEntity = truth[a] === truth[b];
          if (sameCluster) predicted++;
          if (sameEntity) actual++;
          if (sameCluster && sameEntity) truePositives++;
        }
      }
      const evaluation = evaluateClusters(clusterOf, truth);
      expect(evaluation.truePositives).toBe(truePositives);
      expect(evaluation.predictedPairs).toBe(predicted);
      expect(evaluation.truePairs).toBe(actual);
    }
  });

  it("rejects arrays of different lengths", () => {
    expect(() => evaluateClusters(new Int32Array(2), new Int32Array(3))).toThrow(
      expect.objectContaining({ code: "EVALUATION_INPUT_MISMATCH" }),
    );
  });
});
