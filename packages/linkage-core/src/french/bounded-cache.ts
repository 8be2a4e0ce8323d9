// A memo for pure functions of low-cardinality strings (dates, commune codes, names): comparisons see the same
// values again and again. Cleared wholesale when full, which keeps memory bounded without LRU bookkeeping.

export class BoundedCache<Value> {
  private readonly entries = new Map<string, Value>();

  constructor(private readonly maxEntries = 100_000) {}

  /** The cached value of `key`, computed by `compute` on a miss. */
  get(key: string, compute: (key: string) => Value): Value {
    const cached = this.entries.get(key);
    if (cached !== undefined || this.entries.has(key)) return cached as Value;
    const value = compute(key);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
