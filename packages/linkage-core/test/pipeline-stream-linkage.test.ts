// Streaming linkage against the in-memory pipeline: same model, decisions, error rates and kept pairs, whatever
// the chunk size; training pattern counts against counting each session's pairs in one go.
import { describe, expect, it } from "vitest";
import { generateCandidatePairs } from "../src/blocking/generate-candidate-pairs.js";
import { createInProcessComparer } from "../src/parallel/in-process-comparer.js";
import { countTrainingPatterns } from "../src/pipeline/count-training-patterns.js";
import { prepareLinkage } from "../src/pipeline/prepare-linkage.js";
import type { ProgressEvent } from "../src/pipeline/progress.js";
import { runLinkage } from "../src/pipeline/run-linkage.js";
import type { ScoredPairBatch } from "../src/pipeline/scored-pair-list.js";
import { streamLinkage } from "../src/pipeline/stream-linkage.js";
import { computeComparisonVectors } from "../src/vectors/compute-comparison-vectors.js";
import { countAgreementPatterns } from "../src/vectors/count-agreement-patterns.js";
import { dedupeSpec, duplicatedPeople } from "./scale-fixture.js";

const dataset = duplicatedPeople(1500);
const inMemory = runLinkage(dedupeSpec, [dataset]);

/** Each decided link or cluster as row pairs, whatever the pair indices. */
function linkedRows(result: typeof inMemory): string[] {
  const { decisions, predictions } = result;
  if (decisions.kind === "clusters") return [...decisions.clusterOf].map(String);
  return [...decisions.selected].map(
    (pair) => `${predictions.pairs.left[pair]}-${predictions.pairs.right[pair]}`,
  );
}

describe("streamLinkage", () => {
  it.each([64, 1000, 1 << 20])(
    "gives runLinkage's model, decisions and error rates (chunks of %i pairs)",
    async (chunkPairs) => {
      const batches: ScoredPairBatch[] = [];
      const streamed = await streamLinkage(dedupeSpec, [dataset], {
        chunkPairs,
        outputMinimumProbability: 0.01,
        onPairs: (batch) => {
          // Copies: the batch's arrays are reused after the call.
          batches.push({
            ...batch,
            left: batch.left.slice(),
            matchProbability: batch.matchProbability.slice(),
          });
        },
      });
      expect(inMemory.candidatePairCount).toBeGreaterThan(5000);
      expect(streamed.candidatePairCount).toBe(inMemory.candidatePairCount);
      expect(streamed.parameters).toEqual(inMemory.parameters);
      expect(streamed.training?.sessions).toEqual(inMemory.training?.sessions);
      expect(streamed.errorRates).toEqual(inMemory.errorRates);
      expect(linkedRows(streamed)).toEqual(linkedRows(inMemory));

      // Kept pairs: exactly the candidate pairs at or above the threshold, in candidate order, same scores.
      const { predictions } = inMemory;
      const aboveThreshold = [...predictions.matchProbability.keys()].filter(
        (pair) => predictions.matchProbability[pair]! >= 0.8,
      );
      expect(aboveThreshold.length).toBeGreaterThan(100);
      expect(streamed.predictions.pairs.count).toBe(aboveThreshold.length);
      expect([...streamed.predictions.pairs.left]).toEqual(
        aboveThreshold.map((pair) => predictions.pairs.left[pair]),
      );
      expect([...streamed.predictions.matchWeight]).toEqual(
        aboveThreshold.map((pair) => predictions.matchWeight[pair]),
      );
      expect(streamed.predictions.vectors.levels[2]).toEqual(
        Int8Array.from(aboveThreshold, (pair) => predictions.vectors.levels[2]![pair]!),
      );

      // The sink: every pair at or above the output probability, chunk after chunk.
      const output = [...predictions.matchProbability.keys()].filter(
        (pair) => predictions.matchProbability[pair]! >= 0.01,
      );
      expect(streamed.outputPairCount).toBe(output.length);
      expect(batches.flatMap((batch) => [...batch.left])).toEqual(
        output.map((pair) => predictions.pairs.left[pair]),
      );
      expect(batches.flatMap((batch) => [...batch.matchProbability])).toEqual(
        output.map((pair) => predictions.matchProbability[pair]),
      );
      if (chunkPairs === 64) expect(batches.length).toBeGreaterThan(10);
    },
  );

  it("applies given parameters without training, and reports every long step with its total", async () => {
    const events: ProgressEvent[] = [];
    const applied = await streamLinkage(dedupeSpec, [dataset], {
      parameters: inMemory.parameters,
      chunkPairs: 500,
      onProgress: (event) => events.push(event),
    });
    expect(applied.training).toBeUndefined();
    expect(linkedRows(applied)).toEqual(linkedRows(inMemory));
    const scoring = events.filter((event) => event.step === "scoring");
    expect(scoring.length).toBeGreaterThan(5);
    // Blocking counted the pairs exactly beforehand: every event carries the true total.
    expect(
      scoring.every((event) => event.total === inMemory.candidatePairCount && event.done <= event.total),
    ).toBe(true);
    expect(scoring.at(-1)).toEqual({
      step: "scoring",
      done: inMemory.candidatePairCount,
      total: inMemory.candidatePairCount,
    });

    const trainingEvents: ProgressEvent[] = [];
    await streamLinkage(dedupeSpec, [dataset], {
      chunkPairs: 500,
      onProgress: (event) => trainingEvents.push(event),
    });
    const steps = new Set(trainingEvents.map((event) => event.step));
    expect(steps).toEqual(new Set(["blocking", "estimating u", "training: candidate pairs", "scoring"]));
    const candidates = trainingEvents.filter((event) => event.step === "training: candidate pairs");
    expect(candidates.at(-1)!.done).toBe(inMemory.candidatePairCount);
  });
});

describe("countTrainingPatterns", () => {
  const context = prepareLinkage(dedupeSpec, [dataset]);
  const comparer = createInProcessComparer(context.comparisons);
  const ownPatterns = (rule: (typeof dedupeSpec.blockingRules)[number]) => {
    const pairs = generateCandidatePairs(context.dataset, [rule], "dedupe", { maxPairs: 1e7 });
    return {
      patterns: countAgreementPatterns(computeComparisonVectors(context.comparisons, pairs)),
      pairCount: pairs.count,
    };
  };

  it("counts each session's pairs as generating them alone would, riding along the candidate pass", () => {
    const rules = [dedupeSpec.blockingRules[2]!, dedupeSpec.blockingRules[0]!, { keys: [{ column: "sex" }] }];
    const counted = countTrainingPatterns(context, rules, {
      comparer,
      countCandidates: true,
      chunkPairs: 777,
    });
    rules.forEach((rule, session) => {
      const expected = ownPatterns(rule);
      expect(counted.sessions[session]!.pairCount).toBe(expected.pairCount);
      expect(counted.sessions[session]!.patterns.patterns).toEqual(expected.patterns.patterns);
      expect(counted.sessions[session]!.patterns.counts).toEqual(expected.patterns.counts);
    });
    const candidates = generateCandidatePairs(context.dataset, dedupeSpec.blockingRules, "dedupe", {
      maxPairs: 1e7,
    });
    const all = countAgreementPatterns(computeComparisonVectors(context.comparisons, candidates));
    expect(counted.candidates!.pairCount).toBe(candidates.count);
    expect(counted.candidates!.patterns.counts).toEqual(all.counts);

    const fromGiven = countTrainingPatterns(context, rules, {
      comparer,
      countCandidates: true,
      candidatePairs: candidates,
    });
    expect(fromGiven).toEqual(counted);
  });

  it("refuses a comparer built for other comparisons", () => {
    const other = prepareLinkage({ ...dedupeSpec, comparisons: dedupeSpec.comparisons.slice(1) }, [dataset]);
    expect(() =>
      countTrainingPatterns(context, [], {
        comparer: createInProcessComparer(other.comparisons),
        countCandidates: true,
      }),
    ).toThrow(expect.objectContaining({ code: "COMPARER_CONTEXT_MISMATCH" }));
  });

  it("counts sessions alone when no candidate pass is needed", () => {
    const counted = countTrainingPatterns(context, [dedupeSpec.blockingRules[1]!], {
      comparer,
      countCandidates: false,
    });
    expect(counted.candidates).toBeUndefined();
    expect(counted.sessions[0]!.patterns.counts).toEqual(
      ownPatterns(dedupeSpec.blockingRules[1]!).patterns.counts,
    );
  });
});
