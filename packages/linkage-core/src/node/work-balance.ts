// Which worker takes which comparison first: each comparison is owned by one worker, so that its key pairs mostly
// meet one level cache (a worker's cache is its own); owners are shared out by measured cost and revised when that
// balances the load clearly better. Owners only set an order: a worker done with its own comparisons helps with
// the others', those whose cache it misses least first.
import type { CompiledComparison } from "../comparisons/compile-comparisons.js";

/** Default pairs (of the most compared comparison) measured before owners are revised. */
export const DEFAULT_REBALANCE_PAIRS = 1 << 19;

/** Cache weight of a comparison cached in a hash table. */
const HASH_TABLE = 2;

export class WorkBalance {
  /** Time spent per comparison and worker, in milliseconds and pairs (see WorkerSetup.timings), shared. */
  readonly timings: Float64Array;
  private timingsSeen: Float64Array = new Float64Array(0);
  /** Estimated cost of a pair of each comparison (milliseconds), from the workers' timings once there are some. */
  private readonly costPerPair: number[];
  /** Worker owning each comparison: the one that takes its blocks first. */
  private owners: number[];
  /** How much a helper loses to a cold cache on each comparison: 0 none, 1 dense table, 2 hash table. */
  private readonly cacheWeight: number[];
  /** Whether owners were revised once on measured costs. */
  private revised = false;

  constructor(
    comparisons: readonly CompiledComparison[],
    private readonly threads: number,
    private readonly rebalancePairs = DEFAULT_REBALANCE_PAIRS,
  ) {
    this.timings = new Float64Array(new SharedArrayBuffer(threads * comparisons.length * 16));
    this.costPerPair = comparisons.map(estimatedCostPerPair);
    this.cacheWeight = comparisons.map((comparison) =>
      comparison.cacheMode === "hashed" ? HASH_TABLE : comparison.cacheMode === "dense" ? 1 : 0,
    );
    this.owners = assignOwners(this.costPerPair, threads);
  }

  /**
   * Each worker's order of comparisons for the next task: its own, costliest first, then the others, those least
   * hurt by a cold cache first (a helper computes again what the owner's cache already holds). Owners are
   * revised from the latest timings only when that balances the work clearly better: a comparison that moves
   * finds a cold cache in its new worker.
   */
  comparisonOrders(): number[][] {
    const comparisonCount = this.costPerPair.length;
    const timings = this.timings.slice();
    if (this.timingsSeen.length !== timings.length) this.timingsSeen = new Float64Array(timings.length);
    const milliseconds = new Float64Array(comparisonCount);
    const pairs = new Float64Array(comparisonCount);
    for (let comparison = 0; comparison < comparisonCount; comparison++) {
      for (let worker = 0; worker < this.threads; worker++) {
        const at = (worker * comparisonCount + comparison) * 2;
        milliseconds[comparison]! += timings[at]! - this.timingsSeen[at]!;
        pairs[comparison]! += timings[at + 1]! - this.timingsSeen[at + 1]!;
      }
    }
    // Costs measured on few pairs are noise, and every move cools a cache: revise only on enough pairs.
    if (Math.max(...pairs) >= this.rebalancePairs) {
      for (let comparison = 0; comparison < comparisonCount; comparison++) {
        // Caches warm up, so recent timings count as much as all earlier ones together.
        if (pairs[comparison]! > 0) {
          const measured = milliseconds[comparison]! / pairs[comparison]!;
          this.costPerPair[comparison] = (this.costPerPair[comparison]! + measured) / 2;
        }
      }
      // After the first revision (made on measured costs, not guesses) hash-cached comparisons stay where they
      // are: their caches hold a million key pairs, which a move would throw away. The others balance around them.
      const pinned = this.revised ? this.cacheWeight.map((weight) => weight === HASH_TABLE) : undefined;
      const current = makespan(this.owners, this.costPerPair, this.threads);
      const proposed = assignOwners(
        this.costPerPair,
        this.threads,
        pinned && { pinned, owners: this.owners },
      );
      if (makespan(proposed, this.costPerPair, this.threads) < current * 0.85) this.owners = proposed;
      this.timingsSeen = timings;
      this.revised = true;
    }
    const comparisons = this.costPerPair.map((_, index) => index);
    const byCost = [...comparisons].sort(
      (first, second) => this.costPerPair[second]! - this.costPerPair[first]! || first - second,
    );
    const byCacheWeight = [...byCost].sort(
      (first, second) => this.cacheWeight[first]! - this.cacheWeight[second]!,
    );
    // Helpers take hash-cached comparisons too, last: those caches are small and lossy (recent key pairs only),
    // so a helper's cold cache recomputes few pairs (two workers splitting both name comparisons of the
    // million-record dedupe block by block: 0.7 M more misses in 12 M, about 0.1 s), while a comparison no one
    // may help with caps the speed-up at its share of the work.
    return Array.from({ length: this.threads }, (_, worker) => [
      ...byCost.filter((comparison) => this.owners[comparison] === worker),
      ...byCacheWeight.filter((comparison) => this.owners[comparison] !== worker),
    ]);
  }
}

/** A first guess of a comparison's cost per pair, in milliseconds, before any timing: hashed caches miss most. */
function estimatedCostPerPair(comparison: CompiledComparison): number {
  if (comparison.cacheMode === "hashed") return 4e-4;
  return comparison.cacheMode === "dense" && comparison.keyCount > 256 ? 2e-4 : 1e-4;
}

/**
 * Greedy longest-first: each comparison, costliest first, to the least loaded worker; comparisons `pinned` keep
 * their current owner and count in its load.
 */
function assignOwners(
  costPerPair: readonly number[],
  threads: number,
  fixed?: { readonly pinned: readonly boolean[]; readonly owners: readonly number[] },
): number[] {
  const owners = costPerPair.map((_, comparison) =>
    fixed?.pinned[comparison] ? fixed.owners[comparison]! : 0,
  );
  const load = new Array<number>(threads).fill(0);
  costPerPair.forEach((cost, comparison) => {
    if (fixed?.pinned[comparison]) load[owners[comparison]!]! += cost;
  });
  const byCost = costPerPair
    .map((_, index) => index)
    .filter((comparison) => !fixed?.pinned[comparison])
    .sort((first, second) => costPerPair[second]! - costPerPair[first]! || first - second);
  for (const comparison of byCost) {
    const worker = load.indexOf(Math.min(...load));
    owners[comparison] = worker;
    load[worker]! += costPerPair[comparison]!;
  }
  return owners;
}

/** The largest load of a worker under an assignment. */
function makespan(owners: readonly number[], costPerPair: readonly number[], threads: number): number {
  const load = new Array<number>(threads).fill(0);
  owners.forEach((worker, comparison) => {
    load[worker]! += costPerPair[comparison]!;
  });
  return Math.max(...load);
}
