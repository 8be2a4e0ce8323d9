// Rows grouped by code (a counting sort), and the number of pairs sharing a code under a link type: what
// blocking counts for its keys and evaluation for its true entities, in linear time and without visiting pairs.
import type { DenseCodes } from "./dense-codes.js";
import type { PairScope } from "./pair-scope.js";

/** Rows with a non-null code, sorted by code then by row index, with where each code's group starts. */
export interface RowGroups {
  /** Rows with a non-null code, by code then ascending row. */
  readonly rows: Int32Array;
  /** Rows of code c are rows[groupStart[c]] … rows[groupStart[c + 1] - 1]. */
  readonly groupStart: Int32Array;
}

/** Rows grouped by key, with the position of each row in the groups (what scanning a rule's pairs needs). */
export interface KeyGroups extends RowGroups {
  /** Position of each row in `rows`, or -1 when its key is null. */
  readonly positionOf: Int32Array;
}

/** n·(n−1)/2: pairs among n rows (0, not −0, for an empty group). */
export function pairsAmong(size: number): number {
  return size < 2 ? 0 : (size * (size - 1)) / 2;
}

/** Rows grouped by their code in [0, codeCount); negative codes (null) are left out. */
export function groupRowsByCode(codes: Int32Array, codeCount: number): RowGroups {
  const groupStart = new Int32Array(codeCount + 1);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code >= 0) groupStart[code + 1]++;
  }
  for (let code = 0; code < codeCount; code++) groupStart[code + 1] += groupStart[code];
  const next = groupStart.slice(0, codeCount);
  const rows = new Int32Array(groupStart[codeCount]);
  // Rows are visited in ascending order, so each group comes out sorted (a stable counting sort).
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code >= 0) rows[next[code]++] = row;
  }
  return { rows, groupStart };
}

export function groupRowsByKey(keys: DenseCodes): KeyGroups {
  const { rows, groupStart } = groupRowsByCode(keys.codes, keys.keyCount);
  const positionOf = new Int32Array(keys.codes.length).fill(-1);
  for (let position = 0; position < rows.length; position++) positionOf[rows[position]] = position;
  return { rows, groupStart, positionOf };
}

/**
 * Pairs of rows sharing a code in [0, codeCount) (negative codes share nothing): Σ C(n, 2) over codes. With
 * `sourceOf`, pairs whose two rows come from the same source are left out, as the `link` type does.
 */
export function countPairsSharingCode(codes: Int32Array, codeCount: number, sourceOf?: Uint8Array): number {
  if (sourceOf === undefined) {
    const sizes = new Int32Array(codeCount);
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row];
      if (code >= 0) sizes[code]++;
    }
    let pairs = 0;
    for (let code = 0; code < codeCount; code++) pairs += pairsAmong(sizes[code]);
    return pairs;
  }
  // Cross-source pairs of a code = all its pairs minus those within each source, tallied per group in a
  // small per-source array reset by walking the same rows again (no table of code × source).
  const { rows, groupStart } = groupRowsByCode(codes, codeCount);
  const perSource = new Int32Array(256);
  let pairs = 0;
  for (let code = 0; code < codeCount; code++) {
    const start = groupStart[code];
    const end = groupStart[code + 1];
    if (end - start < 2) continue;
    pairs += pairsAmong(end - start);
    for (let index = start; index < end; index++) perSource[sourceOf[rows[index]]]++;
    for (let index = start; index < end; index++) {
      const source = sourceOf[rows[index]];
      pairs -= pairsAmong(perSource[source]);
      perSource[source] = 0;
    }
  }
  return pairs;
}

/** Number of allowed pairs whose two rows share a non-null key: Σ C(n, 2) over keys, minus same-source pairs for link. */
export function countPairsWithEqualKeys(keys: DenseCodes, scope: PairScope): number {
  return countPairsSharingCode(keys.codes, keys.keyCount, scope.crossSourceOnly ? scope.sourceOf : undefined);
}
