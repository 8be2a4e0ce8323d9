// Output thresholds (by match probability or by match weight) turned into predicates and keep-masks.
import { SpecError } from "../errors.js";
import type { ThresholdSpec } from "../spec/types.js";
import { matchProbabilityFromWeight, weightFromMatchProbability } from "./match-weights.js";

/**
 * A predicate on match weight that says whether a pair is kept. Probability thresholds compare the
 * probability computed from the weight, exactly as it is reported, so a pair shown with probability 0.9
 * passes a 0.9 threshold.
 */
export function passesThreshold(threshold: ThresholdSpec): (matchWeight: number) => boolean {
  checkThreshold(threshold);
  const value = threshold.value;
  if (threshold.kind === "matchWeight") return (matchWeight) => matchWeight >= value;
  return (matchWeight) => matchProbabilityFromWeight(matchWeight) >= value;
}

/** The threshold as a match weight (probability p becomes log2(p/(1−p))). */
export function thresholdAsMatchWeight(threshold: ThresholdSpec): number {
  checkThreshold(threshold);
  return threshold.kind === "matchWeight" ? threshold.value : weightFromMatchProbability(threshold.value);
}

/** 1 for each pair at or above the threshold, 0 otherwise. */
export function pairsPassingThreshold(matchWeight: Float64Array, threshold: ThresholdSpec): Uint8Array {
  const passes = passesThreshold(threshold);
  const keep = new Uint8Array(matchWeight.length);
  for (let pair = 0; pair < matchWeight.length; pair++) keep[pair] = passes(matchWeight[pair]!) ? 1 : 0;
  return keep;
}

function checkThreshold(threshold: ThresholdSpec): void {
  const valid =
    threshold.kind === "matchProbability"
      ? threshold.value >= 0 && threshold.value <= 1
      : !Number.isNaN(threshold.value) && typeof threshold.value === "number";
  if (!valid) {
    throw new SpecError([
      {
        jsonPath: "$.threshold.value",
        message:
          threshold.kind === "matchProbability"
            ? `a match-probability threshold must be in [0, 1], got ${threshold.value}.`
            : `a match-weight threshold must be a number, got ${threshold.value}.`,
      },
    ]);
  }
}
