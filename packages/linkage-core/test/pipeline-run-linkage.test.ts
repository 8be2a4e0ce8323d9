// The composed pipeline on a small simulated link: stages agree with each other and with the spec.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { generateCandidatePairs } from "../src/blocking/generate-candidate-pairs.js";
import { type Dataset, datasetFromRecords } from "../src/data/dataset.js";
import { prepareLinkage } from "../src/pipeline/prepare-linkage.js";
import { runLinkage } from "../src/pipeline/run-linkage.js";
import { trainModelFromLabels } from "../src/pipeline/train-from-labels.js";
import { parseSpec } from "../src/spec/parse-spec.js";

const firstNames = ["MARIE", "JEAN", "PIERRE", "ANNE", "LUC", "CLAIRE", "PAUL", "JULIE", "MARC", "EMMA"];
const surnames = [
  "MARTIN",
  "BERNARD",
  "DUBOIS",
  "THOMAS",
  "ROBERT",
  "RICHARD",
  "PETIT",
  "DURAND",
  "LEROY",
  "MOREAU",
];

/** Two sources: B holds a noisy copy of A's first 150 people plus 50 others. */
function simulatedSources(): { a: Dataset; b: Dataset } {
  const random = seedrandom("pipeline");
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const people = Array.from({ length: 250 }, (_, index) => ({
    first: pick(firstNames),
    last: pick(surnames),
    dob: `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
    city: String(1000 + index),
  }));
  const typo = (value: string) => (random() < 0.1 ? `${value.slice(0, -1)}X` : value);
  const a = people.slice(0, 200).map((person, index) => ({ id: `a${index}`, ...person }));
  const b = [...people.slice(0, 150), ...people.slice(200)].map((person, index) => ({
    id: `b${index}`,
    first: typo(person.first),
    last: typo(person.last),
    dob: person.dob,
    city: random() < 0.9 ? person.city : null,
  }));
  return {
    a: datasetFromRecords("a", a, { idColumn: "id" }),
    b: datasetFromRecords("b", b, { idColumn: "id" }),
  };
}

const spec = parseSpec({
  linkType: "link",
  comparisons: [
    { template: "jaroWinklerAtThresholds", column: "first", thresholds: [0.9] },
    { template: "jaroWinklerAtThresholds", column: "last", thresholds: [0.9] },
    { template: "dateDifferenceAtThresholds", column: "dob", thresholds: [{ unit: "years", threshold: 1 }] },
    { template: "exactMatch", column: "city" },
  ],
  blockingRules: [{ keys: ["dob"] }, { keys: ["first", "last"] }],
  training: { uSamplePairs: 20_000 },
});

describe("runLinkage", () => {
  const { a, b } = simulatedSources();
  const result = runLinkage(spec, [a, b]);

  it("trains one EM session per blocking rule and links one-to-one above the threshold", () => {
    expect(result.training?.sessions.map((session) => session.name)).toEqual(["dob", "first & last"]);
    expect(result.training?.sessions[0]?.fixedComparisons).toEqual(["dob"]);
    if (result.decisions.kind !== "links") throw new Error("expected links");
    const { selected } = result.decisions;
    const used = new Set<number>();
    for (const pair of selected) {
      expect(result.decisions.matchProbability[pair]!).toBeGreaterThanOrEqual(0.5);
      for (const row of [result.predictions.pairs.left[pair]!, result.predictions.pairs.right[pair]!]) {
        expect(used.has(row)).toBe(false);
        used.add(row);
      }
    }
    // The 150 shared people are found (ids a<i> ↔ b<i> for i < 150), with few mistakes.
    const ids = result.context.dataset.ids;
    const correct = [...selected].filter((pair) => {
      const left = ids[result.predictions.pairs.left[pair]!]!;
      const right = ids[result.predictions.pairs.right[pair]!]!;
      return left.slice(1) === right.slice(1) && Number(left.slice(1)) < 150;
    }).length;
    expect(correct).toBeGreaterThanOrEqual(140);
    expect(selected.length - correct).toBeLessThanOrEqual(5);
  });

  it("reports counts, timings and label-free error rates", () => {
    expect(result.blockingCounts.totalPairs).toBe(result.predictions.pairs.count);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(0);
    expect(result.errorRates.map((rate) => rate.threshold)).toEqual([0.5, 0.8, 0.9, 0.95, 0.99]);
    expect(result.parameters.priorMatchProbability).toBeGreaterThan(0);
    expect(result.parameters.priorMatchProbability).toBeLessThan(0.01);
  });

  it("applies given parameters without training, with the same scores", () => {
    const again = runLinkage(spec, [a, b], { parameters: result.parameters });
    expect(again.training).toBeUndefined();
    expect([...again.predictions.matchWeight]).toEqual([...result.predictions.matchWeight]);
  });

  it("refuses a link type that does not fit the number of inputs", () => {
    expect(() => runLinkage({ ...spec, linkType: "dedupe" }, [a, b])).toThrow(/exactly one input/);
  });
});

describe("trainModelFromLabels", () => {
  it("counts m on the labelled matches among candidate pairs and λ from the true pairs", () => {
    const { a, b } = simulatedSources();
    const context = prepareLinkage(spec, [a, b]);
    const pairs = generateCandidatePairs(context.dataset, spec.blockingRules, spec.linkType, {
      maxPairs: 1e6,
    });
    // Entity = the person index in the ids (a<i> ↔ b<i> are the same person for i < 150).
    const truth = Int32Array.from(context.dataset.ids, (id) => {
      const index = Number(id.slice(1));
      return id.startsWith("a") || index < 150 ? index : 1000 + index;
    });
    const trained = trainModelFromLabels(context, { truth, candidatePairs: pairs });
    expect(trained.summary.priorSource).toBe("labels");
    expect(trained.parameters.priorMatchProbability).toBeCloseTo(150 / (200 * 200), 12);
    // dob agrees exactly on every true pair (no noise on it): its top level gets almost all of m.
    const dob = trained.parameters.comparisons[2]!;
    expect(dob.m[dob.m.length - 1]!).toBeGreaterThan(0.99);
    const linked = runLinkage(spec, [a, b], { parameters: trained.parameters });
    if (linked.decisions.kind !== "links") throw new Error("expected links");
    expect(linked.decisions.selected.length).toBeGreaterThanOrEqual(140);
  });
});
