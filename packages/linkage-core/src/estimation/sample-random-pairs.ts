// Seeded uniform sampling of record pairs from the comparison space, the pairs u is estimated from.
import seedrandom from "seedrandom";
import { EstimationError } from "../errors.js";
import type { LinkType } from "../spec/types.js";
import type { CandidatePairs } from "../vectors/types.js";
import { comparisonSpaceSize } from "./comparison-space.js";

export interface RandomPairSampleOptions {
  readonly linkType: LinkType;
  readonly rowCount: number;
  /** Source of each row (as in CombinedDataset); all rows are one source when absent. */
  readonly sourceOf?: Uint8Array;
  /** Number of pairs wanted; the whole space is returned when it is not larger. */
  readonly sampleSize: number;
  readonly seed: number;
}

/** Name given to the pseudo blocking rule of sampled pairs. */
export const RANDOM_SAMPLE_RULE = "random sample";

/**
 * Draws `sampleSize` pairs uniformly from the comparison space of the link type, with replacement (which
 * keeps the level frequencies unbiased and the cost independent of the space size). Each pair has its lower
 * row first. Deterministic for a given seed.
 */
export function sampleRandomPairs(options: RandomPairSampleOptions): CandidatePairs {
  const { linkType, rowCount, sampleSize } = options;
  const sourceOf = options.sourceOf ?? new Uint8Array(rowCount);
  if (sourceOf.length !== rowCount) {
    throw new EstimationError(
      "SAMPLE_SOURCES_MISMATCH",
      `sourceOf has ${sourceOf.length} entries for ${rowCount} rows.`,
    );
  }
  if (!Number.isInteger(sampleSize) || sampleSize < 0) {
    throw new EstimationError(
      "SAMPLE_SIZE_INVALID",
      `the u sample size must be a whole number ≥ 0, got ${sampleSize}.`,
    );
  }
  const rowsBySource = groupRowsBySource(sourceOf);
  const spaceSize = comparisonSpaceSize(
    linkType,
    rowsBySource.map((rows) => rows.length),
  );
  if (spaceSize === 0) {
    throw new EstimationError(
      "SAMPLE_SPACE_EMPTY",
      `link type "${linkType}" allows no pair among ${rowCount} rows.`,
      {
        hint: "Linking needs records in at least two sources; deduplicating needs at least two records.",
      },
    );
  }
  if (sampleSize >= spaceSize) return allPairs(linkType, sourceOf, spaceSize);
  const random = seedrandom(String(options.seed));
  const left = new Int32Array(sampleSize);
  const right = new Int32Array(sampleSize);
  const draw =
    linkType === "link" ? crossSourceDrawer(rowsBySource, random) : anyPairDrawer(rowCount, random);
  for (let pair = 0; pair < sampleSize; pair++) {
    const [first, second] = draw();
    left[pair] = Math.min(first, second);
    right[pair] = Math.max(first, second);
  }
  return {
    count: sampleSize,
    left,
    right,
    ruleIndex: new Uint8Array(sampleSize),
    ruleNames: [RANDOM_SAMPLE_RULE],
  };
}

type PairDrawer = () => [number, number];

/** Two distinct rows uniformly: an unordered pair drawn uniformly among all n(n-1)/2. */
function anyPairDrawer(rowCount: number, random: () => number): PairDrawer {
  return () => {
    const first = Math.floor(random() * rowCount);
    let second = Math.floor(random() * (rowCount - 1));
    if (second >= first) second++;
    return [first, second];
  };
}

/** A source pair drawn with probability proportional to its number of pairs, then one row in each. */
function crossSourceDrawer(rowsBySource: readonly Int32Array[], random: () => number): PairDrawer {
  const sourcePairs: [Int32Array, Int32Array][] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let first = 0; first < rowsBySource.length; first++) {
    for (let second = first + 1; second < rowsBySource.length; second++) {
      const size = rowsBySource[first]!.length * rowsBySource[second]!.length;
      if (size === 0) continue;
      total += size;
      sourcePairs.push([rowsBySource[first]!, rowsBySource[second]!]);
      cumulative.push(total);
    }
  }
  return () => {
    const target = random() * total;
    let index = 0;
    while (index < cumulative.length - 1 && cumulative[index]! <= target) index++;
    const [firstRows, secondRows] = sourcePairs[index]!;
    return [
      firstRows[Math.floor(random() * firstRows.length)]!,
      secondRows[Math.floor(random() * secondRows.length)]!,
    ];
  };
}

function groupRowsBySource(sourceOf: Uint8Array): Int32Array[] {
  const sizes: number[] = [];
  for (const source of sourceOf) {
    while (sizes.length <= source) sizes.push(0);
    sizes[source]!++;
  }
  const groups = sizes.map((size) => new Int32Array(size));
  const filled = new Array<number>(sizes.length).fill(0);
  for (let row = 0; row < sourceOf.length; row++) {
    const source = sourceOf[row]!;
    groups[source]![filled[source]!++] = row;
  }
  return groups;
}

/** Every pair of the (small) space, in row order. */
function allPairs(linkType: LinkType, sourceOf: Uint8Array, spaceSize: number): CandidatePairs {
  const left = new Int32Array(spaceSize);
  const right = new Int32Array(spaceSize);
  let count = 0;
  for (let first = 0; first < sourceOf.length; first++) {
    for (let second = first + 1; second < sourceOf.length; second++) {
      if (linkType === "link" && sourceOf[first] === sourceOf[second]) continue;
      left[count] = first;
      right[count] = second;
      count++;
    }
  }
  return { count, left, right, ruleIndex: new Uint8Array(count), ruleNames: [RANDOM_SAMPLE_RULE] };
}
