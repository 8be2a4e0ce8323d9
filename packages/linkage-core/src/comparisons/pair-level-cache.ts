// Cache of the level of each distinct (unordered) pair of comparison keys: a dense square table for few
// keys, an open-addressing hash table of typed arrays otherwise. Levels fit in a byte.

/** Returned by `get` for a pair not in the cache (never a level: levels are -1 … 125). */
export const MISSING_LEVEL = -128;

/** Above this many keys pairs are not cached at all: values that rarely repeat gain nothing from it. */
export const MAX_CACHED_KEYS = 1 << 24;

export interface PairLevelCacheOptions {
  /** Largest dense table, in entries (one byte each, keyCount²), before switching to hashing. Default 2^26. */
  readonly maxDenseEntries?: number;
  /**
   * Most pairs the hash table holds; when full it is emptied and refilled, which bounds memory (16 bytes
   * per pair at most) at the cost of recomputing evicted pairs. Default 2^22.
   */
  readonly maxHashedEntries?: number;
  /**
   * Whether to hash when the dense table does not fit (default true). Hash lookups in a large table miss the
   * processor cache, so levels cheaper to compute than a cache miss (dates, numbers, exact) do better uncached.
   */
  readonly allowHashing?: boolean;
}

// Tables store level + 2, so that 0 (what new typed arrays hold) means "not cached": no fill is needed, and
// the operating system only commits the pages actually written.
const STORED_OFFSET = 2;
const HIGH_KEY_MASK = 0xffffff;
const INITIAL_HASH_SLOTS = 1 << 12;

export type PairLevelCacheMode = "dense" | "hashed" | "none";

export class PairLevelCache {
  readonly mode: PairLevelCacheMode;
  private readonly dense: Uint8Array | undefined;
  /** Two words per slot: the lower key, then (level + 2) << 24 | the higher key; 0 marks an empty slot. */
  private slots: Uint32Array;
  private mask: number;
  private entries = 0;
  private readonly maxHashedEntries: number;

  constructor(
    readonly keyCount: number,
    options: PairLevelCacheOptions = {},
  ) {
    const maxDense = options.maxDenseEntries ?? 1 << 26;
    this.maxHashedEntries = Math.max(16, options.maxHashedEntries ?? 1 << 22);
    this.slots = new Uint32Array(0);
    this.mask = 0;
    if (keyCount * keyCount <= maxDense) {
      this.mode = "dense";
      // Square rather than triangular: with one row fixed over many pairs (as blocking emits them), lookups
      // stay within one table row, which is far kinder to the processor cache.
      this.dense = new Uint8Array(keyCount * keyCount);
    } else if (keyCount <= MAX_CACHED_KEYS && options.allowHashing !== false) {
      this.mode = "hashed";
      this.slots = new Uint32Array(INITIAL_HASH_SLOTS * 2);
      this.mask = INITIAL_HASH_SLOTS - 1;
    } else {
      this.mode = "none";
    }
  }

  /** Number of pairs currently cached. */
  get size(): number {
    const dense = this.dense;
    if (dense === undefined) return this.entries;
    const keyCount = this.keyCount;
    let count = 0;
    for (let keyA = 0; keyA < keyCount; keyA++) {
      for (let keyB = keyA; keyB < keyCount; keyB++) if (dense[keyA * keyCount + keyB] !== 0) count++;
    }
    return count;
  }

  /** Cached level of the pair (in either order), or MISSING_LEVEL. Keys must be in [0, keyCount). */
  get(keyA: number, keyB: number): number {
    let stored = 0;
    if (this.dense !== undefined) stored = this.dense[keyA * this.keyCount + keyB];
    else if (this.mode === "hashed") stored = this.hashedGet(Math.min(keyA, keyB), Math.max(keyA, keyB));
    return stored === 0 ? MISSING_LEVEL : stored - STORED_OFFSET;
  }

  /** Stores the level of the pair (in either order). */
  set(keyA: number, keyB: number, level: number): void {
    const dense = this.dense;
    if (dense !== undefined) {
      dense[keyA * this.keyCount + keyB] = level + STORED_OFFSET;
      dense[keyB * this.keyCount + keyA] = level + STORED_OFFSET;
    } else if (this.mode === "hashed") {
      this.hashedSet(Math.min(keyA, keyB), Math.max(keyA, keyB), level + STORED_OFFSET);
    }
  }

  /**
   * The hot loop of comparison vectors: `out[p - outOffset]` = level of rows `left[p]`, `right[p]` for p in
   * [from, to), through `rowKeys`; negative keys give `nullLevel`; misses are computed by `compute` and cached.
   */
  fillLevels(
    rowKeys: Int32Array,
    left: Int32Array,
    right: Int32Array,
    from: number,
    to: number,
    out: Int8Array,
    outOffset: number,
    nullLevel: number,
    compute: (keyA: number, keyB: number) => number,
  ): void {
    const dense = this.dense;
    const keyCount = this.keyCount;
    const hashed = this.mode === "hashed";
    for (let pair = from; pair < to; pair++) {
      const keyA = rowKeys[left[pair]];
      const keyB = rowKeys[right[pair]];
      if (keyA < 0 || keyB < 0) {
        out[pair - outOffset] = nullLevel;
      } else if (dense !== undefined) {
        const index = keyA * keyCount + keyB;
        let stored = dense[index];
        if (stored === 0) {
          stored = compute(keyA, keyB) + STORED_OFFSET;
          dense[index] = stored;
          dense[keyB * keyCount + keyA] = stored;
        }
        out[pair - outOffset] = stored - STORED_OFFSET;
      } else if (hashed) {
        const low = Math.min(keyA, keyB);
        const high = Math.max(keyA, keyB);
        let stored = this.hashedGet(low, high);
        if (stored === 0) {
          stored = compute(keyA, keyB) + STORED_OFFSET;
          this.hashedSet(low, high, stored);
        }
        out[pair - outOffset] = stored - STORED_OFFSET;
      } else {
        out[pair - outOffset] = compute(keyA, keyB);
      }
    }
  }

  /** Forgets every cached pair. */
  clear(): void {
    this.dense?.fill(0);
    this.slots.fill(0);
    this.entries = 0;
  }

  private hashedGet(low: number, high: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hashPair(low, high) & mask;
    for (;;) {
      const packed = slots[2 * slot + 1];
      if (packed === 0) return 0;
      if (slots[2 * slot] === low && (packed & HIGH_KEY_MASK) === high) return packed >>> 24;
      slot = (slot + 1) & mask;
    }
  }

  private hashedSet(low: number, high: number, stored: number): void {
    if (this.entries >= this.maxHashedEntries) {
      // Evict everything rather than track recency: candidate pairs arrive block by block, so the pairs
      // worth keeping are the ones about to be seen again, and those refill quickly.
      this.clear();
    } else if ((this.entries + 1) * 2 > this.mask + 1) {
      // Keep the load factor at most 1/2 so that probe sequences stay short.
      this.grow();
    }
    this.insert(low, high, ((stored << 24) | high) >>> 0);
  }

  private insert(low: number, high: number, packed: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hashPair(low, high) & mask;
    for (;;) {
      const current = slots[2 * slot + 1];
      if (current === 0) {
        slots[2 * slot] = low;
        slots[2 * slot + 1] = packed;
        this.entries++;
        return;
      }
      if (slots[2 * slot] === low && (current & HIGH_KEY_MASK) === high) {
        slots[2 * slot + 1] = packed;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slotCount = (this.mask + 1) * 2;
    this.slots = new Uint32Array(slotCount * 2);
    this.mask = slotCount - 1;
    this.entries = 0;
    for (let slot = 0; slot < old.length / 2; slot++) {
      const packed = old[2 * slot + 1];
      if (packed !== 0) this.insert(old[2 * slot], packed & HIGH_KEY_MASK, packed);
    }
  }
}

function hashPair(low: number, high: number): number {
  let hash = Math.imul(low, 0x9e3779b1) ^ Math.imul(high + 0x7f4a7c15, 0x85ebca77);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  return hash ^ (hash >>> 15);
}
