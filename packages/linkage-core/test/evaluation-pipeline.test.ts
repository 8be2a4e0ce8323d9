import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { assignOneToOne } from "../src/clustering/assign-one-to-one.js";
import { clusterPairs } from "../src/clustering/cluster-pairs.js";
import { runExpectationMaximisation } from "../src/estimation/expectation-maximisation.js";
import { startingParameters } from "../src/estimation/starting-parameters.js";
import { estimateErrorRates } from "../src/evaluation/estimate-error-rates.js";
import { evaluateClusters } from "../src/evaluation/evaluate-clusters.js";
import { evaluateLinks } from "../src/evaluation/evaluate-links.js";
import { precisionRecallCurve } from "../src/evaluation/precision-recall-curve.js";
import { scorePairs } from "../src/scoring/score-pairs.js";
import { pairsPassingThreshold } from "../src/scoring/threshold.js";
import { type ComparisonVectors, NULL_LEVEL } from "../src/vectors/types.js";
import { countPatterns } from "./estimation-simulation.js";

/**
 * Two sources of 200 records, 150 people in both; every cross-source pair is compared on four comparisons
 * whose levels are drawn from known m (same person) or u (different people).
 */
function simulateLink() {
  const random = seedrandom("pipeline");
  const perSource = 200;
  const shared = 150;
  const truth = new Int32Array(2 * perSource);
  for (let row = 0; row < perSource; row++) {
    truth[row] = row;
    truth[perSource + row] = row < shared ? row : perSource + row;
  }
  const sourceOf = Uint8Array.from({ length: 2 * perSource }, (_, row) => (row < perSource ? 0 : 1));
  const m = [
    [0.05, 0.1, 0.85],
    [0.05, 0.05, 0.9],
    [0.03, 0.07, 0.9],
    [0.1, 0.9],
  ];
  const u = [
    [0.9, 0.08, 0.02],
    [0.95, 0.04, 0.01],
    [0.9, 0.09, 0.01],
    [0.5, 0.5],
  ];
  const pairCount = perSource * perSource;
  const left = new Int32Array(pairCount);
  const right = new Int32Array(pairCount);
  const levels = m.map(() => new Int8Array(pairCount));
  let pair = 0;
  for (let a = 0; a < perSource; a++) {
    for (let b = perSource; b < 2 * perSource; b++) {
      left[pair] = a;
      right[pair] = b;
      const match = truth[a] === truth[b];
      levels.forEach((column, comparison) => {
        if (random() < 0.05) {
          column[pair] = NULL_LEVEL;
          return;
        }
        const distribution = (match ? m : u)[comparison]!;
        let draw = random();
        let level = 0;
        while (level < distribution.length - 1 && draw >= distribution[level]!)
          draw -= distribution[level++]!;
        column[pair] = level;
      });
      pair++;
    }
  }
  const vectors: ComparisonVectors = {
    pairCount,
    comparisonNames: ["surname", "first name", "birth date", "sex"],
    levelCounts: m.map((levels) => levels.length),
    levels,
  };
  return { truth, sourceOf, left, right, vectors };
}

describe("estimation → scoring → one-to-one → evaluation", () => {
  const { truth, sourceOf, left, right, vectors } = simulateLink();
  const patterns = countPatterns(vectors);
  const trained = runExpectationMaximisation(
    patterns,
    startingParameters({
      comparisonNames: vectors.comparisonNames,
      levelCounts: vectors.levelCounts,
      priorMatchProbability: 1e-3,
    }),
    { maxIterations: 500, tolerance: 1e-8, estimateU: true },
  );
  const scores = scorePairs({
    patterns,
    patternOfPair: patterns.patternOfPair,
    parameters: trained.parameters,
    left,
    right,
  });

  it("trains a model that finds the simulated links", () => {
    expect(trained.converged).toBe(true);
    expect(trained.parameters.priorMatchProbability).toBeGreaterThan(0.002);
    expect(trained.parameters.priorMatchProbability).toBeLessThan(0.006);
    const keep = pairsPassingThreshold(scores.matchWeight, { kind: "matchProbability", value: 0.5 });
    const { selected } = assignOneToOne({
      left,
      right,
      matchWeight: scores.matchWeight,
      sourceOf,
      keep,
      method: "optimal",
    });
    const links = evaluateLinks({
      left: Int32Array.from(selected, (index) => left[index]!),
      right: Int32Array.from(selected, (index) => right[index]!),
      truth,
      linkType: "link",
      sourceOf,
    });
    expect(links.totalTruePairs).toBe(150);
    expect(links.precision).toBeGreaterThan(0.95);
    expect(links.recall).toBeGreaterThan(0.9);
    // With two sources, clusters of one-to-one links are the linked pairs themselves.
    const selectedMask = new Uint8Array(left.length);
    for (const index of selected) selectedMask[index] = 1;
    const clusters = clusterPairs(truth.length, left, right, selectedMask);
    const byCluster = evaluateClusters(clusters.clusterOf, truth);
    expect(clusters.clusterCount).toBe(truth.length - selected.length);
    expect(byCluster.predictedPairs).toBe(selected.length);
    expect(byCluster.truePositives).toBe(links.truePositives);
  });

  it("puts its best F1 threshold near probability 0.5 and estimates error rates close to the real ones", () => {
    const curve = precisionRecallCurve({
      left,
      right,
      matchWeight: scores.matchWeight,
      truth,
      linkType: "link",
      sourceOf,
    });
    expect(curve.best!.f1).toBeGreaterThan(0.9);
    const [rates] = estimateErrorRates(scores.matchProbability, [0.5]);
    const actual = evaluateLinks({
      left: left.filter((_, index) => scores.matchProbability[index]! >= 0.5),
      right: right.filter((_, index) => scores.matchProbability[index]! >= 0.5),
      truth,
      linkType: "link",
      sourceOf,
    });
    expect(rates!.linkedPairs).toBe(actual.truePositives + actual.falsePositives);
    expect(Math.abs(rates!.estimatedFalseDiscoveryRate - (1 - actual.precision))).toBeLessThan(0.05);
    expect(Math.abs(rates!.estimatedFalseNegativeRate - (1 - actual.recall))).toBeLessThan(0.05);
  });
});
