// Blocking recall: the share of true matching pairs that the candidate pairs contain, when the truth is known.
import type { Dataset } from "../data/dataset.js";
import { DataError } from "../errors.js";
import type { LinkType } from "../spec/types.js";
import type { CandidatePairs } from "../vectors/types.js";
import { densifyCodes } from "./dense-codes.js";
import { countPairsWithEqualKeys } from "./key-groups.js";
import { resolvePairScope } from "./pair-scope.js";

export interface BlockingRecall {
  /** Pairs of rows of the same known entity that the link type allows. */
  readonly truePairs: number;
  /** How many of them are among the candidate pairs. */
  readonly truePairsFound: number;
  /** truePairsFound / truePairs; 1 when there is no true pair (none was missed). */
  readonly recall: number;
}

/**
 * Recall of blocking against a truth given as an entity code per row (NULL_CODE, or any negative code,
 * when unknown: such rows are in no true pair). True pairs are counted from entity group sizes, so no
 * pair list is built; candidate pairs are expected to be distinct, as generateCandidatePairs makes them.
 */
export function blockingRecall(
  pairs: CandidatePairs,
  truth: Int32Array,
  linkType: LinkType,
  dataset: Dataset,
): BlockingRecall {
  if (truth.length !== dataset.rowCount) {
    throw new DataError(
      "BLOCKING_TRUTH_LENGTH",
      `the truth has ${truth.length} entity codes but dataset "${dataset.name}" has ${dataset.rowCount} rows.`,
      { hint: "Give one entity code per row of the (combined) dataset, NULL_CODE where unknown." },
    );
  }
  const scope = resolvePairScope(dataset, linkType);
  const truePairs = countPairsWithEqualKeys(densifyCodes(truth), scope);
  const { left, right, count } = pairs;
  const { sourceOf, crossSourceOnly } = scope;
  let truePairsFound = 0;
  for (let pair = 0; pair < count; pair++) {
    const leftRow = left[pair];
    const rightRow = right[pair];
    const entity = truth[leftRow];
    if (entity < 0 || entity !== truth[rightRow] || leftRow === rightRow) continue;
    if (crossSourceOnly && sourceOf[leftRow] === sourceOf[rightRow]) continue;
    truePairsFound++;
  }
  return { truePairs, truePairsFound, recall: truePairs === 0 ? 1 : truePairsFound / truePairs };
}
