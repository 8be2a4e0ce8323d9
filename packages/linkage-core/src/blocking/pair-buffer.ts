// Growable typed arrays of pairs with a hard ceiling: grows geometrically, never past maxPairs, sized exactly at the end.
import type { CandidatePairs } from "../vectors/types.js";

const INITIAL_CAPACITY = 1 << 16;

export interface PairBufferOptions {
  /** A lower bound on the pairs to come: allocated at once. */
  readonly leastPairs: number;
  /** An upper bound on the pairs to come: growth never allocates past it. */
  readonly mostPairs: number;
  /** The ceiling: pushing one more pair than this calls `onCeiling`. */
  readonly maxPairs: number;
  /** Called when the ceiling is reached; must throw. */
  readonly onCeiling: () => never;
}

export class PairBuffer {
  left: Int32Array;
  right: Int32Array;
  ruleIndex: Uint8Array;
  count = 0;

  constructor(private readonly options: PairBufferOptions) {
    const capacity = Math.min(
      Math.max(options.leastPairs, INITIAL_CAPACITY),
      options.mostPairs,
      options.maxPairs,
    );
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.ruleIndex = new Uint8Array(capacity);
  }

  push(left: number, right: number, rule: number): void {
    if (this.count === this.left.length) this.grow();
    const index = this.count++;
    this.left[index] = left;
    this.right[index] = right;
    this.ruleIndex[index] = rule;
  }

  /** The pairs in arrays of exactly `count` elements. */
  finish(ruleNames: readonly string[]): CandidatePairs {
    const exact = this.count === this.left.length;
    return {
      count: this.count,
      left: exact ? this.left : this.left.slice(0, this.count),
      right: exact ? this.right : this.right.slice(0, this.count),
      ruleIndex: exact ? this.ruleIndex : this.ruleIndex.slice(0, this.count),
      ruleNames,
    };
  }

  private grow(): void {
    const { mostPairs, maxPairs, onCeiling } = this.options;
    const current = this.left.length;
    if (current >= maxPairs) onCeiling();
    let capacity = Math.min(Math.max(current * 2, INITIAL_CAPACITY), maxPairs);
    // Doubling past the most pairs possible would only waste memory (and a copy at the end).
    if (current < mostPairs) capacity = Math.min(capacity, mostPairs);
    const left = new Int32Array(capacity);
    left.set(this.left);
    this.left = left;
    const right = new Int32Array(capacity);
    right.set(this.right);
    this.right = right;
    const ruleIndex = new Uint8Array(capacity);
    ruleIndex.set(this.ruleIndex);
    this.ruleIndex = ruleIndex;
  }
}
