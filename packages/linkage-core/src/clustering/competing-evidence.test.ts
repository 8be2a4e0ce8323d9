import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { CompetingEvidence, maxLinkedSharePriorWeight, subjectSourceOf } from "./competing-evidence.js";

/** Random scored pairs between 50 subjects (rows 0–49) and 400 other records (rows 50–449). */
function randomPairs(seed: string) {
  const random = seedrandom(seed);
  const count = 3000;
  const left = new Int32Array(count);
  const right = new Int32Array(count);
  const matchWeight = new Float64Array(count);
  for (let pair = 0; pair < count; pair++) {
    left[pair] = Math.floor(random() * 50);
    right[pair] = 50 + Math.floor(random() * 400);
    matchWeight[pair] = -20 + random() * 40;
  }
  const sourceOf = Uint8Array.from({ length: 450 }, (_, row) => (row < 50 ? 0 : 1));
  return { left, right, matchWeight, sourceOf };
}

describe("CompetingEvidence", () => {
  it("weighs a pair against its records' other candidates: o / (1 + Σ others)", () => {
    // Rows 0 and 1 (source 0), 2 and 3 (source 1). Row 0 has candidates 2 (odds 8) and 3 (odds 2); row 1 has 3 (odds 4).
    const sourceOf = Uint8Array.of(0, 0, 1, 1);
    const evidence = new CompetingEvidence({ sourceOf, acrossTwoSources: true });
    evidence.add(Int32Array.of(0, 0, 1), Int32Array.of(2, 3, 3), Float64Array.of(3, 1, 2));
    // Pair 0–2: competitors are 0–3 (odds 2) only.
    expect(evidence.exclusiveScore(0, 2, 3).matchProbability).toBeCloseTo(8 / (1 + 2) / (1 + 8 / 3), 12);
    // Pair 0–3: competitors 0–2 (8) on the left and 1–3 (4) on the right.
    expect(evidence.exclusiveScore(0, 3, 1).matchWeight).toBeCloseTo(Math.log2(2 / (1 + 8 + 4)), 12);
    // A new prior scales every odds: at prior weight −1, own odds 8 / 2 against competitors 2 / 2.
    const halved = evidence.exclusiveScore(0, 2, 3, -1);
    expect(halved.matchWeight).toBeCloseTo(Math.log2(4 / (1 + 1)), 12);
  });

  it("gives the same bits whether the pairs come at once or in chunks, and is symmetric in the pair's ends", () => {
    const { left, right, matchWeight, sourceOf } = randomPairs("chunks");
    const whole = new CompetingEvidence({ sourceOf, priorWeight: -5, acrossTwoSources: true });
    whole.add(left, right, matchWeight);
    const chunked = new CompetingEvidence({ sourceOf, priorWeight: -5, acrossTwoSources: true });
    for (let start = 0; start < left.length; start += 128) {
      const end = Math.min(left.length, start + 128);
      chunked.add(left.subarray(start, end), right.subarray(start, end), matchWeight.subarray(start, end));
    }
    for (let pair = 0; pair < left.length; pair += 7) {
      const expected = whole.exclusiveScore(left[pair]!, right[pair]!, matchWeight[pair]!, -9);
      expect(chunked.exclusiveScore(left[pair]!, right[pair]!, matchWeight[pair]!, -9)).toEqual(expected);
      expect(whole.exclusiveScore(right[pair]!, left[pair]!, matchWeight[pair]!, -9)).toEqual(expected);
    }
    expect(chunked.linkedShare(0, [50, 400])).toEqual(whole.linkedShare(0, [50, 400]));
  });

  it("never raises a pair above its Bayes factor times the largest prior a linked share can give", () => {
    const { left, right, matchWeight, sourceOf } = randomPairs("bound");
    const priorWeight = -4;
    const evidence = new CompetingEvidence({ sourceOf, priorWeight, acrossTwoSources: true });
    evidence.add(left, right, matchWeight);
    const share = evidence.linkedShare(0, [50, 400]);
    expect(share.converged).toBe(true);
    const sharePrior = Math.log2(share.priorMatchProbability / (1 - share.priorMatchProbability));
    const bound = maxLinkedSharePriorWeight([50, 400]);
    expect(sharePrior).toBeLessThanOrEqual(bound + 1e-9);
    for (let pair = 0; pair < left.length; pair++) {
      const score = evidence.exclusiveScore(left[pair]!, right[pair]!, matchWeight[pair]!, sharePrior);
      expect(score.matchWeight).toBeLessThanOrEqual(matchWeight[pair]! - priorWeight + bound + 1e-9);
    }
  });

  it("keeps the linked share below n / (n + 1) when every subject has an overwhelming candidate", () => {
    const sourceOf = Uint8Array.of(0, 0, 1, 1, 1);
    const evidence = new CompetingEvidence({ sourceOf, acrossTwoSources: true });
    evidence.add(Int32Array.of(0, 1), Int32Array.of(2, 3), Float64Array.of(400, 400));
    const share = evidence.linkedShare(subjectSourceOf([2, 3]), [2, 3]);
    expect(share.linkedShare).toBeCloseTo(2 / 3, 12);
    expect(share.priorMatchProbability).toBeCloseTo(2 / 3 / (1 + 2 / 3), 12);
  });

  it("keeps one sum per record and partner source when records may match in several sources", () => {
    // Row 0 (source 0) has a candidate in source 1 and one in source 2: they do not compete.
    const sourceOf = Uint8Array.of(0, 1, 2);
    const evidence = new CompetingEvidence({ sourceOf });
    evidence.add(Int32Array.of(0, 0), Int32Array.of(1, 2), Float64Array.of(5, 5));
    expect(evidence.exclusiveScore(0, 1, 5).matchWeight).toBe(5);
    const pooled = new CompetingEvidence({ rowCount: 3 });
    pooled.add(Int32Array.of(0, 0), Int32Array.of(1, 2), Float64Array.of(5, 5));
    expect(pooled.exclusiveScore(0, 1, 5).matchWeight).toBeCloseTo(5 - Math.log2(1 + 32), 12);
  });
});
