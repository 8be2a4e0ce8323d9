// Agreement-pattern counts summed over chunks of pairs, so that EM can run on pairs never held in memory at once:
// the result is the same, counts and order, as counting every pair in one go.
import { countAgreementPatterns } from "./count-agreement-patterns.js";
import type { ComparisonVectors, PatternCounts } from "./types.js";

/** Adds up the pattern counts of chunks; lists the patterns in the order countAgreementPatterns does. */
export class PatternCountAccumulator {
  /** Index of each pattern seen, keyed by its levels as text (one character per comparison). */
  private readonly indexOfKey = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly counts: number[] = [];
  private pairs = 0;

  constructor(
    readonly comparisonNames: readonly string[],
    readonly levelCounts: readonly number[],
  ) {}

  /** Pairs counted so far. */
  get pairCount(): number {
    return this.pairs;
  }

  /** Adds counts over the same comparisons (for example those of one chunk, from countAgreementPatterns). */
  add(patterns: PatternCounts): void {
    const comparisonCount = this.levelCounts.length;
    if (patterns.levelCounts.length !== comparisonCount) {
      throw new RangeError(
        `pattern counts over ${patterns.levelCounts.length} comparisons added to counts over ${comparisonCount}`,
      );
    }
    for (let pattern = 0; pattern < patterns.patternCount; pattern++) {
      // Levels are −1 … 125: shifted to 1 … 127 they are single characters whose text order is level order.
      let key = "";
      for (let comparison = 0; comparison < comparisonCount; comparison++) {
        key += String.fromCharCode(patterns.patterns[pattern * comparisonCount + comparison]! + 2);
      }
      const count = patterns.counts[pattern]!;
      const index = this.indexOfKey.get(key);
      if (index === undefined) {
        this.indexOfKey.set(key, this.keys.length);
        this.keys.push(key);
        this.counts.push(count);
      } else {
        this.counts[index]! += count;
      }
      this.pairs += count;
    }
  }

  /** Counts the patterns of a chunk's vectors and adds them; returns the chunk's own patterns. */
  addVectors(vectors: ComparisonVectors): ReturnType<typeof countAgreementPatterns> {
    const patterns = countAgreementPatterns(vectors);
    this.add(patterns);
    return patterns;
  }

  /** The totals, patterns in lexicographic order of their levels (null first), as countAgreementPatterns lists them. */
  finish(): PatternCounts {
    const comparisonCount = this.levelCounts.length;
    const order = this.keys.map((_, index) => index);
    order.sort((indexA, indexB) => (this.keys[indexA]! < this.keys[indexB]! ? -1 : 1));
    const patterns = new Int8Array(order.length * comparisonCount);
    const counts = new Float64Array(order.length);
    order.forEach((index, position) => {
      const key = this.keys[index]!;
      for (let comparison = 0; comparison < comparisonCount; comparison++) {
        patterns[position * comparisonCount + comparison] = key.charCodeAt(comparison) - 2;
      }
      counts[position] = this.counts[index]!;
    });
    return {
      comparisonNames: this.comparisonNames,
      levelCounts: this.levelCounts,
      patternCount: order.length,
      patterns,
      counts,
    };
  }
}
