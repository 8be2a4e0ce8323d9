// Connected components of the kept pairs, with cluster ids that depend only on the components themselves.
import { LinkageError } from "../errors.js";
import { UnionFind } from "./union-find.js";

/** Which pairs link their records: a 0/1 mask per pair, or every pair whose weight reaches a minimum. */
export type PairSelection =
  | Uint8Array
  | { readonly matchWeight: Float64Array; readonly minimumWeight: number };

export interface Clusters {
  /** Cluster id of every row, 0 … clusterCount − 1; unlinked rows are clusters of one. */
  readonly clusterOf: Int32Array;
  readonly clusterCount: number;
}

/**
 * Clusters rows by the transitive closure of the kept pairs (union–find with path halving). Ids are stable:
 * clusters are numbered in the order of their smallest row, so the same links in any order give the same ids.
 */
export function clusterPairs(
  rowCount: number,
  left: Int32Array,
  right: Int32Array,
  keep: PairSelection,
): Clusters {
  const pairCount = left.length;
  const mask = keep instanceof Uint8Array ? keep : undefined;
  const weights = keep instanceof Uint8Array ? undefined : keep;
  const selectionLength = mask?.length ?? weights!.matchWeight.length;
  if (right.length !== pairCount || selectionLength !== pairCount) {
    throw new LinkageError(
      "CLUSTER_INPUT_MISMATCH",
      `${pairCount} left rows, ${right.length} right rows and ${selectionLength} selections: they must match.`,
    );
  }
  const sets = new UnionFind(rowCount);
  for (let pair = 0; pair < pairCount; pair++) {
    const kept =
      mask !== undefined ? mask[pair] === 1 : weights!.matchWeight[pair]! >= weights!.minimumWeight;
    if (!kept) continue;
    const a = left[pair]!;
    const b = right[pair]!;
    if (a < 0 || a >= rowCount || b < 0 || b >= rowCount) {
      throw new LinkageError(
        "CLUSTER_ROW_OUT_OF_RANGE",
        `pair ${pair} refers to row ${a < 0 || a >= rowCount ? a : b}, outside 0…${rowCount - 1}.`,
      );
    }
    sets.union(a, b);
  }
  const clusterOf = new Int32Array(rowCount);
  // The root is the smallest row of its component and rows are visited in order, so a root is always
  // numbered before (or as) any other member is reached.
  let clusterCount = 0;
  for (let row = 0; row < rowCount; row++) {
    const root = sets.find(row);
    clusterOf[row] = root === row ? clusterCount++ : clusterOf[root]!;
  }
  return { clusterOf, clusterCount };
}
