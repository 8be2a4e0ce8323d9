// A growing list of scored pairs (rows, rule, levels, weight, probability) in typed arrays: what streaming
// prediction keeps of each chunk, the pairs that pass a threshold, without an object per pair.
import type { CandidatePairs, ComparisonVectors } from "../vectors/types.js";

/** Scored pairs selected from one chunk, handed to a sink; arrays are parallel, one entry per pair. */
export interface ScoredPairBatch {
  readonly count: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly ruleIndex: Uint8Array;
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
  /** levels[c][p]: level of comparison c for pair p (NULL_LEVEL for null). */
  readonly levels: readonly Int8Array[];
}

const INITIAL_CAPACITY = 1 << 12;

export class ScoredPairList {
  private left = new Int32Array(INITIAL_CAPACITY);
  private right = new Int32Array(INITIAL_CAPACITY);
  private ruleIndex = new Uint8Array(INITIAL_CAPACITY);
  private matchWeight = new Float64Array(INITIAL_CAPACITY);
  private matchProbability = new Float64Array(INITIAL_CAPACITY);
  private levels: Int8Array[];
  count = 0;

  constructor(comparisonCount: number) {
    this.levels = Array.from({ length: comparisonCount }, () => new Int8Array(INITIAL_CAPACITY));
  }

  /**
   * Appends pair `start + p` of `pairs` for each position p of `vectors`/`scores` where `keep(p)` holds, in
   * order. Returns the number appended.
   */
  appendWhere(
    pairs: CandidatePairs,
    start: number,
    vectors: ComparisonVectors,
    scores: { readonly matchWeight: Float64Array; readonly matchProbability: Float64Array },
    keep: (position: number) => boolean,
  ): number {
    const before = this.count;
    for (let position = 0; position < vectors.pairCount; position++) {
      if (!keep(position)) continue;
      if (this.count === this.left.length) this.grow();
      const index = this.count++;
      const pair = start + position;
      this.left[index] = pairs.left[pair]!;
      this.right[index] = pairs.right[pair]!;
      this.ruleIndex[index] = pairs.ruleIndex[pair]!;
      this.matchWeight[index] = scores.matchWeight[position]!;
      this.matchProbability[index] = scores.matchProbability[position]!;
      for (let comparison = 0; comparison < this.levels.length; comparison++) {
        this.levels[comparison]![index] = vectors.levels[comparison]![position]!;
      }
    }
    return this.count - before;
  }

  /** The pairs appended since `from` (views, valid until the next append). */
  batchFrom(from: number): ScoredPairBatch {
    const end = this.count;
    return {
      count: end - from,
      left: this.left.subarray(from, end),
      right: this.right.subarray(from, end),
      ruleIndex: this.ruleIndex.subarray(from, end),
      matchWeight: this.matchWeight.subarray(from, end),
      matchProbability: this.matchProbability.subarray(from, end),
      levels: this.levels.map((column) => column.subarray(from, end)),
    };
  }

  /** Keeps only the pairs whose match weight is at least `minimumWeight`, in order (in place). */
  retainAtLeast(minimumWeight: number): void {
    let kept = 0;
    for (let index = 0; index < this.count; index++) {
      if (!(this.matchWeight[index]! >= minimumWeight)) continue;
      if (kept !== index) {
        this.left[kept] = this.left[index]!;
        this.right[kept] = this.right[index]!;
        this.ruleIndex[kept] = this.ruleIndex[index]!;
        this.matchWeight[kept] = this.matchWeight[index]!;
        this.matchProbability[kept] = this.matchProbability[index]!;
        for (const column of this.levels) column[kept] = column[index]!;
      }
      kept++;
    }
    this.count = kept;
  }

  /** Forgets every pair (the arrays are kept for reuse). */
  clear(): void {
    this.count = 0;
  }

  /** Copies of the pairs, arrays of exactly `count` entries. */
  finish(): ScoredPairBatch {
    const count = this.count;
    return {
      count,
      left: this.left.slice(0, count),
      right: this.right.slice(0, count),
      ruleIndex: this.ruleIndex.slice(0, count),
      matchWeight: this.matchWeight.slice(0, count),
      matchProbability: this.matchProbability.slice(0, count),
      levels: this.levels.map((column) => column.slice(0, count)),
    };
  }

  private grow(): void {
    const capacity = this.left.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array | Int8Array>(
      array: T,
      make: (size: number) => T,
    ): T => {
      const copy = make(capacity);
      copy.set(array);
      return copy;
    };
    this.left = grown(this.left, (size) => new Int32Array(size));
    this.right = grown(this.right, (size) => new Int32Array(size));
    this.ruleIndex = grown(this.ruleIndex, (size) => new Uint8Array(size));
    this.matchWeight = grown(this.matchWeight, (size) => new Float64Array(size));
    this.matchProbability = grown(this.matchProbability, (size) => new Float64Array(size));
    this.levels = this.levels.map((column) => grown(column, (size) => new Int8Array(size)));
  }
}
