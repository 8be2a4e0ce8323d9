// Every allowed pair, without blocking: for tiny datasets, tests and "no blocking", still under the ceiling.
import type { Dataset } from "../data/dataset.js";
import type { LinkType } from "../spec/types.js";
import type { CandidatePairs } from "../vectors/types.js";
import { checkMaxPairs } from "./generate-candidate-pairs.js";
import { PairBuffer } from "./pair-buffer.js";
import { countAllPairs, resolvePairScope } from "./pair-scope.js";
import { TooManyPairsError } from "./too-many-pairs-error.js";

/** Name given to the pairs of `cartesianPairs` in `ruleNames`. */
export const ALL_PAIRS_RULE_NAME = "all pairs";

/** All pairs the link type allows, ordered by left row then right row; throws BLOCKING_TOO_MANY_PAIRS above maxPairs. */
export function cartesianPairs(
  dataset: Dataset,
  linkType: LinkType,
  options: { readonly maxPairs: number },
): CandidatePairs {
  checkMaxPairs(options.maxPairs);
  const scope = resolvePairScope(dataset, linkType);
  const total = countAllPairs(scope);
  if (total > options.maxPairs) {
    const counts = {
      rules: [
        { name: ALL_PAIRS_RULE_NAME, pairs: total, newPairs: total, cumulativePairs: total, exact: true },
      ],
      totalPairs: total,
    };
    throw new TooManyPairsError(counts, options.maxPairs);
  }
  const buffer = new PairBuffer({
    leastPairs: total,
    mostPairs: total,
    maxPairs: total,
    onCeiling: () => {
      throw new RangeError("cartesianPairs produced more pairs than it counted");
    },
  });
  const { sourceOf, crossSourceOnly, rowCount } = scope;
  // Under link, skip the run of rows of the left row's own source at once (sources are stacked in order).
  const sameSourceRunEnd = new Int32Array(rowCount);
  for (let row = rowCount - 1; row >= 0; row--) {
    const next = row + 1;
    sameSourceRunEnd[row] =
      next < rowCount && sourceOf[next] === sourceOf[row] ? sameSourceRunEnd[next] : next;
  }
  for (let left = 0; left < rowCount; left++) {
    const leftSource = sourceOf[left];
    for (let right = crossSourceOnly ? sameSourceRunEnd[left] : left + 1; right < rowCount; right++) {
      if (crossSourceOnly && sourceOf[right] === leftSource) continue;
      buffer.push(left, right, 0);
    }
  }
  return buffer.finish([ALL_PAIRS_RULE_NAME]);
}
