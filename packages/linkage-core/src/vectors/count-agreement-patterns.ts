// Agreement patterns: each distinct comparison vector once, with its number of pairs (fastLink's reduction
// that makes EM cost independent of the number of pairs).
import type { ComparisonVectors, PatternCounts } from "./types.js";

/** Pattern counts plus, for each pair, the index of its pattern (to map pattern scores back to pairs). */
export interface AgreementPatterns extends PatternCounts {
  /** patternOfPair[p] is the index (into `patterns` / `counts`) of pair p's pattern. */
  readonly patternOfPair: Int32Array;
}

// Largest number of possible patterns counted in a dense array; beyond it, distinct vectors are hashed.
const MAX_DENSE_PATTERNS = 1 << 20;

/**
 * Counts distinct agreement patterns. Patterns are listed in ascending mixed-radix id, where comparison 0 is
 * the most significant digit and the digit of a comparison is its level + 1 (null = 0): that is, in
 * lexicographic order of their levels, so the listing is deterministic whatever the pair order.
 */
export function countAgreementPatterns(vectors: ComparisonVectors): AgreementPatterns {
  const radices = vectors.levelCounts.map((count) => count + 1);
  const possible = radices.reduce((product, radix) => product * radix, 1);
  return possible <= MAX_DENSE_PATTERNS ? countDense(vectors, radices, possible) : countHashed(vectors);
}

function countDense(
  vectors: ComparisonVectors,
  radices: readonly number[],
  possible: number,
): AgreementPatterns {
  const { pairCount, levels } = vectors;
  const comparisonCount = levels.length;
  const ids = new Int32Array(pairCount);
  for (let comparison = 0; comparison < comparisonCount; comparison++) {
    const radix = radices[comparison];
    const column = levels[comparison];
    for (let pair = 0; pair < pairCount; pair++) ids[pair] = ids[pair] * radix + column[pair] + 1;
  }
  const countOfId = new Float64Array(possible);
  for (let pair = 0; pair < pairCount; pair++) countOfId[ids[pair]]++;
  const indexOfId = new Int32Array(possible);
  let patternCount = 0;
  for (let id = 0; id < possible; id++) if (countOfId[id] > 0) indexOfId[id] = patternCount++;
  const patterns = new Int8Array(patternCount * comparisonCount);
  const counts = new Float64Array(patternCount);
  for (let id = 0; id < possible; id++) {
    if (countOfId[id] === 0) continue;
    const index = indexOfId[id];
    counts[index] = countOfId[id];
    let rest = id;
    for (let comparison = comparisonCount - 1; comparison >= 0; comparison--) {
      patterns[index * comparisonCount + comparison] = (rest % radices[comparison]) - 1;
      rest = Math.floor(rest / radices[comparison]);
    }
  }
  // Reuse the id buffer for the per-pair pattern index.
  for (let pair = 0; pair < pairCount; pair++) ids[pair] = indexOfId[ids[pair]];
  return result(vectors, patternCount, patterns, counts, ids);
}

/** Any number of comparisons and levels: open-addressing hash of vectors, keyed by a representative pair. */
function countHashed(vectors: ComparisonVectors): AgreementPatterns {
  const { pairCount, levels } = vectors;
  const comparisonCount = levels.length;
  let capacity = 1 << 10;
  let slots = new Int32Array(capacity).fill(-1);
  const representatives: number[] = [];
  const groupCounts: number[] = [];
  const groupOfPair = new Int32Array(pairCount);
  const hashes = new Int32Array(pairCount);
  for (let comparison = 0; comparison < comparisonCount; comparison++) {
    const column = levels[comparison];
    for (let pair = 0; pair < pairCount; pair++)
      hashes[pair] = Math.imul(hashes[pair] ^ (column[pair] + 1), 0x01000193);
  }
  const sameVector = (pairA: number, pairB: number) => {
    for (let comparison = 0; comparison < comparisonCount; comparison++) {
      if (levels[comparison][pairA] !== levels[comparison][pairB]) return false;
    }
    return true;
  };
  // Slots hold group numbers; groups remember one pair showing the pattern.
  const findSlot = (table: Int32Array, pair: number) => {
    const mask = table.length - 1;
    let slot = mix(hashes[pair]) & mask;
    while (table[slot] !== -1 && !sameVector(representatives[table[slot]], pair)) slot = (slot + 1) & mask;
    return slot;
  };
  for (let pair = 0; pair < pairCount; pair++) {
    let slot = findSlot(slots, pair);
    if (slots[slot] === -1) {
      if ((representatives.length + 1) * 2 > capacity) {
        capacity *= 2;
        const grown = new Int32Array(capacity).fill(-1);
        for (let group = 0; group < representatives.length; group++) {
          grown[findSlot(grown, representatives[group])] = group;
        }
        slots = grown;
        slot = findSlot(slots, pair);
      }
      slots[slot] = representatives.length;
      representatives.push(pair);
      groupCounts.push(0);
    }
    const group = slots[slot];
    groupCounts[group]++;
    groupOfPair[pair] = group;
  }
  const order = representatives.map((_, group) => group);
  order.sort((groupA, groupB) => {
    const pairA = representatives[groupA];
    const pairB = representatives[groupB];
    for (let comparison = 0; comparison < comparisonCount; comparison++) {
      const difference = levels[comparison][pairA] - levels[comparison][pairB];
      if (difference !== 0) return difference;
    }
    return 0;
  });
  const patternCount = order.length;
  const indexOfGroup = new Int32Array(patternCount);
  const patterns = new Int8Array(patternCount * comparisonCount);
  const counts = new Float64Array(patternCount);
  order.forEach((group, index) => {
    indexOfGroup[group] = index;
    counts[index] = groupCounts[group];
    for (let comparison = 0; comparison < comparisonCount; comparison++) {
      patterns[index * comparisonCount + comparison] = levels[comparison][representatives[group]];
    }
  });
  for (let pair = 0; pair < pairCount; pair++) groupOfPair[pair] = indexOfGroup[groupOfPair[pair]];
  return result(vectors, patternCount, patterns, counts, groupOfPair);
}

function mix(hash: number): number {
  let mixed = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  mixed = Math.imul(mixed ^ (mixed >>> 15), 0x846ca68b);
  return mixed ^ (mixed >>> 16);
}

function result(
  vectors: ComparisonVectors,
  patternCount: number,
  patterns: Int8Array,
  counts: Float64Array,
  patternOfPair: Int32Array,
): AgreementPatterns {
  return {
    comparisonNames: vectors.comparisonNames,
    levelCounts: vectors.levelCounts,
    patternCount,
    patterns,
    counts,
    patternOfPair,
  };
}
