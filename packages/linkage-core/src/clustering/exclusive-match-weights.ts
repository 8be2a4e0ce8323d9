// Match weights under the one-to-one constraint: a record that has two equally good candidates can match at
// most one of them, so neither deserves the probability it would have alone. What linking to the SNDS needs,
// where look-alikes (same sex, birth month and commune) compete for the same registry subject.
import { LinkageError } from "../errors.js";

export interface ExclusiveMatchInput {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Pairwise match weights: log2 posterior odds, prior included (as predictPairs gives them). */
  readonly matchWeight: Float64Array;
  /**
   * Source of each row: a record may match one record of each other source. Without it, a record matches at
   * most one record in all.
   */
  readonly sourceOf?: Uint8Array;
}

export interface ExclusiveMatchWeights {
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
}

// Odds beyond 2^±500 change no decision and would overflow when summed.
const WEIGHT_LIMIT = 500;

/**
 * Posterior odds of each pair when the alternatives of each of its records exclude each other: with o the
 * pair's odds and Σ the odds of the other candidates of its left record and of its right record,
 * o' = o / (1 + Σ). The "1" is "no match among the candidates". A pair without competitors keeps its weight;
 * two identical candidates of odds o get o / (1 + o) each, below one half however strong o. This is the
 * first-order posterior of a one-to-one assignment (exact when competitors have no competitors of their own),
 * and it makes label-free error rates account for look-alikes.
 */
export function exclusiveMatchWeights(input: ExclusiveMatchInput): ExclusiveMatchWeights {
  const { left, right, matchWeight, sourceOf } = input;
  const pairCount = matchWeight.length;
  if (left.length !== pairCount || right.length !== pairCount) {
    throw new LinkageError(
      "EXCLUSIVE_INPUT_MISMATCH",
      `${left.length} left rows, ${right.length} right rows and ${pairCount} weights: give one of each per pair.`,
    );
  }
  const slots = slotsOf(left, right, sourceOf);
  const odds = new Float64Array(pairCount);
  for (let pair = 0; pair < pairCount; pair++) {
    odds[pair] = 2 ** Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, matchWeight[pair]!));
  }
  // Per slot, its best pair and the sum of the others' odds: the others of the best pair are summed directly,
  // those of any other pair are total − own, which cannot cancel badly since total ≥ the best ≥ own.
  const best = new Int32Array(slots.slotCount).fill(-1);
  const offerBest = (slot: number, pair: number) => {
    const current = best[slot]!;
    if (current < 0 || odds[pair]! > odds[current]!) best[slot] = pair;
  };
  for (let pair = 0; pair < pairCount; pair++) {
    offerBest(slots.leftSlot[pair]!, pair);
    offerBest(slots.rightSlot[pair]!, pair);
  }
  const othersOfBest = new Float64Array(slots.slotCount);
  const addOther = (slot: number, pair: number) => {
    if (best[slot] !== pair) othersOfBest[slot]! += odds[pair]!;
  };
  for (let pair = 0; pair < pairCount; pair++) {
    addOther(slots.leftSlot[pair]!, pair);
    addOther(slots.rightSlot[pair]!, pair);
  }
  const others = (slot: number, pair: number) => {
    const top = best[slot]!;
    if (top === pair) return othersOfBest[slot]!;
    return Math.max(0, odds[top]! + othersOfBest[slot]! - odds[pair]!);
  };
  const weights = new Float64Array(pairCount);
  const probabilities = new Float64Array(pairCount);
  for (let pair = 0; pair < pairCount; pair++) {
    const competing = 1 + others(slots.leftSlot[pair]!, pair) + others(slots.rightSlot[pair]!, pair);
    const exclusiveOdds = odds[pair]! / competing;
    weights[pair] = Math.log2(odds[pair]!) - Math.log2(competing);
    probabilities[pair] = exclusiveOdds / (1 + exclusiveOdds);
  }
  return { matchWeight: weights, matchProbability: probabilities };
}

/** The slot of each end of each pair: its row, times the number of sources, plus the partner's source. */
function slotsOf(
  left: Int32Array,
  right: Int32Array,
  sourceOf: Uint8Array | undefined,
): { leftSlot: Int32Array; rightSlot: Int32Array; slotCount: number } {
  let rowCount = 0;
  for (let pair = 0; pair < left.length; pair++)
    rowCount = Math.max(rowCount, left[pair]! + 1, right[pair]! + 1);
  let sourceCount = 1;
  if (sourceOf !== undefined) for (const source of sourceOf) sourceCount = Math.max(sourceCount, source + 1);
  const slot = (row: number, partner: number) =>
    row * sourceCount + (sourceOf === undefined ? 0 : sourceOf[partner]!);
  const leftSlot = new Int32Array(left.length);
  const rightSlot = new Int32Array(left.length);
  for (let pair = 0; pair < left.length; pair++) {
    leftSlot[pair] = slot(left[pair]!, right[pair]!);
    rightSlot[pair] = slot(right[pair]!, left[pair]!);
  }
  return { leftSlot, rightSlot, slotCount: rowCount * sourceCount };
}
