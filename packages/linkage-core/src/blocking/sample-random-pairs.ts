// Uniform random pairs from the whole comparison space (no blocking), seeded: what u is estimated from.
import type { Dataset } from "../data/dataset.js";
import { DataError, SpecError } from "../errors.js";
import { upperBound } from "../sorted-search.js";
import type { LinkType } from "../spec/types.js";
import { countAllPairs, resolvePairScope } from "./pair-scope.js";

export interface RandomPairs {
  readonly count: number;
  /** Lower row index of each pair. */
  readonly left: Int32Array;
  /** Higher row index of each pair. */
  readonly right: Int32Array;
}

/**
 * `count` pairs drawn independently and uniformly (with replacement) among all pairs the link type allows,
 * never a row with itself. Every draw comes from `random` (a seeded generator such as seedrandom), so a
 * given seed always gives the same pairs. Under `link`, a pair of sources is drawn with probability
 * proportional to the number of pairs between them, then a row of each: uniform over cross-source pairs
 * without rejection, however unequal the sources.
 */
export function sampleRandomPairs(
  dataset: Dataset,
  linkType: LinkType,
  count: number,
  random: () => number,
): RandomPairs {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new SpecError([
      {
        jsonPath: "$.training.uSamplePairs",
        message: `must be a non-negative integer, got ${String(count)}.`,
      },
    ]);
  }
  const scope = resolvePairScope(dataset, linkType);
  if (count > 0 && countAllPairs(scope) === 0) {
    throw new DataError(
      "BLOCKING_NO_PAIRS_TO_SAMPLE",
      `no pair of records to sample from dataset "${dataset.name}" (${dataset.rowCount} rows, link type ${linkType}).`,
      { hint: "Random pairs need at least two records (one in each of two sources when linking)." },
    );
  }
  const left = new Int32Array(count);
  const right = new Int32Array(count);
  const draw = scope.crossSourceOnly
    ? crossSourceDrawer(scope.sourceOf, scope.sourceRowCounts, random)
    : anyPairDrawer(scope.rowCount, random);
  for (let pair = 0; pair < count; pair++) draw(left, right, pair);
  return { count, left, right };
}

/** Draws one pair into position `index` of the output arrays (no object per pair), lower row on the left. */
type PairDrawer = (left: Int32Array, right: Int32Array, index: number) => void;

function store(left: Int32Array, right: Int32Array, index: number, first: number, second: number): void {
  left[index] = Math.min(first, second);
  right[index] = Math.max(first, second);
}

function uniformBelow(random: () => number, bound: number): number {
  return Math.min(bound - 1, Math.floor(random() * bound));
}

/** Two distinct rows, uniformly: the second is drawn among the other rows. */
function anyPairDrawer(rowCount: number, random: () => number): PairDrawer {
  return (left, right, index) => {
    const first = uniformBelow(random, rowCount);
    const second = uniformBelow(random, rowCount - 1);
    store(left, right, index, first, second >= first ? second + 1 : second);
  };
}

function crossSourceDrawer(
  sourceOf: Uint8Array,
  sourceRowCounts: readonly number[],
  random: () => number,
): PairDrawer {
  const sourceCount = sourceRowCounts.length;
  // Rows grouped by source, so that "the k-th row of source s" is one lookup whatever the row layout.
  const sourceStart = new Int32Array(sourceCount + 1);
  sourceRowCounts.forEach((rows, source) => {
    sourceStart[source + 1] = sourceStart[source] + rows;
  });
  const rowsBySource = new Int32Array(sourceOf.length);
  const next = sourceStart.slice(0, sourceCount);
  sourceOf.forEach((source, row) => {
    rowsBySource[next[source]++] = row;
  });
  const firstSources: number[] = [];
  const secondSources: number[] = [];
  const cumulativeWeights: number[] = [];
  let totalWeight = 0;
  for (let first = 0; first < sourceCount; first++) {
    for (let second = first + 1; second < sourceCount; second++) {
      const weight = sourceRowCounts[first]! * sourceRowCounts[second]!;
      if (weight === 0) continue;
      totalWeight += weight;
      firstSources.push(first);
      secondSources.push(second);
      cumulativeWeights.push(totalWeight);
    }
  }
  const lastCombination = cumulativeWeights.length - 1;
  return (left, right, index) => {
    const combination = upperBound(cumulativeWeights, random() * totalWeight, 0, lastCombination);
    const firstSource = firstSources[combination]!;
    const secondSource = secondSources[combination]!;
    const first =
      rowsBySource[sourceStart[firstSource] + uniformBelow(random, sourceRowCounts[firstSource]!)];
    const second =
      rowsBySource[sourceStart[secondSource] + uniformBelow(random, sourceRowCounts[secondSource]!)];
    store(left, right, index, first, second);
  };
}
