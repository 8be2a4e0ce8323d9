// Entity codes from a list of true pairs of record ids (as synthetic cohorts and clerical reviews give them).

import { UnionFind } from "../clustering/union-find.js";
import { LinkageError } from "../errors.js";

export interface TruthFromPairs {
  /** Entity code of every row: rows linked by true pairs (transitively) share a code; others have their own. */
  readonly truth: Int32Array;
  /** True pairs naming an id absent from the data (counted, not an error: a subset may have been loaded). */
  readonly unknownIds: number;
}

/**
 * Turns true pairs into one entity code per row. `keyOf(row)` must give the same key the pairs use, for
 * example `${source}:${id}` when ids are only unique within a source.
 */
export function truthFromPairs(
  rowKeys: readonly string[],
  pairs: Iterable<readonly [string, string]>,
): TruthFromPairs {
  const rowOf = new Map<string, number>();
  rowKeys.forEach((key, row) => {
    if (rowOf.has(key)) {
      throw new LinkageError(
        "TRUTH_DUPLICATE_KEY",
        `two rows have the same key (rows ${rowOf.get(key)} and ${row}).`,
        {
          hint: "Qualify ids with their source when ids repeat across sources.",
        },
      );
    }
    rowOf.set(key, row);
  });
  const sets = new UnionFind(rowKeys.length);
  let unknownIds = 0;
  for (const [a, b] of pairs) {
    const rowA = rowOf.get(a);
    const rowB = rowOf.get(b);
    if (rowA === undefined || rowB === undefined) {
      unknownIds++;
      continue;
    }
    sets.union(rowA, rowB);
  }
  const truth = new Int32Array(rowKeys.length);
  for (let row = 0; row < rowKeys.length; row++) truth[row] = sets.find(row);
  return { truth, unknownIds };
}
