// The error that stops blocking before memory runs out, carrying the counts so callers can show or act on them.
import { DataError } from "../errors.js";
import type { BlockingCounts } from "./count-candidate-pairs.js";

export const TOO_MANY_PAIRS_CODE = "BLOCKING_TOO_MANY_PAIRS";

/** Blocking would produce more than `maxPairs` candidate pairs; `counts` says how many per rule. */
export class TooManyPairsError extends DataError {
  constructor(
    readonly counts: BlockingCounts,
    readonly maxPairs: number,
  ) {
    const perRule = counts.rules
      .map((rule, index) => {
        const bound = rule.exact ? "" : "at most ";
        return `rule ${index + 1} "${rule.name}": ${formatCount(rule.pairs)} pairs on its own, ${bound}${formatCount(rule.newPairs)} new, ${bound}${formatCount(rule.cumulativePairs)} in total so far`;
      })
      .join("; ");
    super(
      TOO_MANY_PAIRS_CODE,
      `blocking would produce more than the ${formatCount(maxPairs)} candidate pairs allowed (${perRule}).`,
      {
        hint:
          "Tighten the rules that add the most new pairs (add a key such as year of birth, or use a longer " +
          "prefix), or raise maxCandidatePairs if the machine has the memory for them.",
      },
    );
  }
}

/** 12345678 → "12,345,678": locale-independent, so messages are the same everywhere. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return String(count);
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
