import { describe, expect, it } from "vitest";
import { estimateLinkedShare } from "./estimate-linked-share.js";
import { oneToOnePosteriors } from "./one-to-one-posteriors.js";

/** Subjects 0…subjects−1 (source 0) and other records after them (source 1); pairs given with Bayes-factor weights. */
function scenario(
  subjects: number,
  others: number,
  pairs: readonly (readonly [number, number, number])[],
  prior: number,
) {
  const sourceOf = new Uint8Array(subjects + others).fill(1, subjects);
  const priorWeight = Math.log2(prior / (1 - prior));
  return {
    left: Int32Array.from(pairs, ([subject]) => subject),
    right: Int32Array.from(pairs, ([, other]) => subjects + other),
    matchWeight: Float64Array.from(pairs, ([, , bayesFactorWeight]) => bayesFactorWeight + priorWeight),
    priorMatchProbability: prior,
    sourceOf,
    sourceSizes: [subjects, others] as [number, number],
  };
}

describe("estimateLinkedShare", () => {
  it("recovers the share of subjects present, however wrong the prior the weights came with", () => {
    const pairs: [number, number, number][] = [];
    for (let subject = 0; subject < 1000; subject++) {
      // 700 subjects have their match among the candidates; every subject also has a look-alike.
      if (subject < 700) pairs.push([subject, subject, 40]);
      pairs.push([subject, 5000 + subject, 3]);
    }
    for (const prior of [1e-3, 1e-6, 1e-9]) {
      const result = estimateLinkedShare(scenario(1000, 10_000, pairs, prior));
      expect(result.converged).toBe(true);
      expect(result.subjectSource).toBe(0);
      expect(result.linkedShare).toBeGreaterThan(0.7);
      expect(result.linkedShare).toBeLessThan(0.705);
      const odds = result.priorMatchProbability / (1 - result.priorMatchProbability);
      expect(odds).toBeCloseTo(result.linkedShare / ((1 - result.linkedShare) * 10_000), 12);
    }
  });

  it("finds no one present when the evidence is weak, and takes the smaller source as the subjects", () => {
    const pairs: [number, number, number][] = Array.from({ length: 50 }, (_, other) => [
      other % 5,
      other,
      -3,
    ]);
    const input = scenario(5, 50, pairs, 0.01);
    // Swap the sources: the smaller one (5 rows) is source 1 now.
    const swapped = {
      ...input,
      sourceOf: input.sourceOf.map((source) => 1 - source),
      sourceSizes: [50, 5] as [number, number],
    };
    for (const result of [estimateLinkedShare(input), estimateLinkedShare(swapped)]) {
      expect(result.linkedShare).toBeLessThan(0.01);
    }
    expect(estimateLinkedShare(swapped).subjectSource).toBe(1);
  });

  it("refuses a prior outside (0, 1)", () => {
    const input = { ...scenario(1, 1, [[0, 0, 1]], 0.01), priorMatchProbability: 1 };
    expect(() => estimateLinkedShare(input)).toThrow(/priorMatchProbability must be in/);
  });
});

describe("oneToOnePosteriors", () => {
  it("gives the one-to-one posterior: ρ(BF/N) / (1 − ρ + ρ Σ BF/N) for a subject's candidates", () => {
    const pairs: [number, number, number][] = [];
    for (let subject = 0; subject < 1000; subject++) {
      if (subject < 600) pairs.push([subject, subject, 30]);
      // Subject 999 has two look-alikes; the others one weak candidate.
      pairs.push([subject, 2000 + subject, subject === 999 ? 12 : 2]);
    }
    pairs.push([999, 4000, 12]);
    const input = scenario(1000, 10_000, pairs, 1e-3);
    const result = oneToOnePosteriors(input);
    const share = result.linkedShare.linkedShare;
    const posterior = (subjectBayesFactors: readonly number[], own: number) => {
      const evidence = subjectBayesFactors.reduce((sum, factor) => sum + factor, 0) / 10_000;
      return (share * (own / 10_000)) / (1 - share + share * evidence);
    };
    // Pair 0: subject 0, its true candidate (2^30) and a weak one (2^2).
    expect(result.matchProbability[0]).toBeCloseTo(posterior([2 ** 30, 4], 2 ** 30), 6);
    // The two look-alikes of subject 999 share the evidence.
    const lookAlikes = [pairs.length - 2, pairs.length - 1];
    for (const pair of lookAlikes) {
      expect(result.matchProbability[pair]).toBeCloseTo(posterior([2 ** 12, 2 ** 12], 2 ** 12), 6);
    }
  });
});
