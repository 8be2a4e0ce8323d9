// Rows grouped by key code (a counting sort), and the number of pairs sharing a key under a link type.
import { combineCodes, type DenseCodes } from "./dense-codes.js";
import type { PairScope } from "./pair-scope.js";

/** Rows with a non-null key, sorted by key then by row index, with where each key's group starts. */
export interface KeyGroups {
  /** Rows with a non-null key, by key then ascending row. */
  readonly rows: Int32Array;
  /** Rows of key k are rows[groupStart[k]] … rows[groupStart[k + 1] - 1]. */
  readonly groupStart: Int32Array;
  /** Position of each row in `rows`, or -1 when its key is null. */
  readonly positionOf: Int32Array;
}

export function groupRowsByKey(keys: DenseCodes): KeyGroups {
  const { codes, keyCount } = keys;
  const groupStart = new Int32Array(keyCount + 1);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code >= 0) groupStart[code + 1]++;
  }
  for (let key = 0; key < keyCount; key++) groupStart[key + 1] += groupStart[key];
  const next = groupStart.slice(0, keyCount);
  const rows = new Int32Array(groupStart[keyCount]);
  const positionOf = new Int32Array(codes.length).fill(-1);
  // Rows are visited in ascending order, so each group comes out sorted (a stable counting sort).
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code < 0) continue;
    const position = next[code]++;
    rows[position] = row;
    positionOf[row] = position;
  }
  return { rows, groupStart, positionOf };
}

/** Number of allowed pairs whose two rows share a non-null key: Σ C(n, 2) over keys, minus same-source pairs for link. */
export function countPairsWithEqualKeys(keys: DenseCodes, scope: PairScope): number {
  const within = countWithinKeyPairs(keys);
  if (!scope.crossSourceOnly || within === 0) return within;
  // Cross-source pairs of a key = all its pairs minus those whose rows also share a source.
  return within - countWithinKeyPairs(combineCodes(keys.codes, scope.sourceCodes));
}

function countWithinKeyPairs(keys: DenseCodes): number {
  const sizes = new Int32Array(keys.keyCount);
  const codes = keys.codes;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code >= 0) sizes[code]++;
  }
  let pairs = 0;
  for (let key = 0; key < sizes.length; key++) {
    const size = sizes[key];
    pairs += (size * (size - 1)) / 2;
  }
  return pairs;
}
