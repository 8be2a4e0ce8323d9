// Cache of the level of each distinct (unordered) pair of comparison keys: a dense square table for few keys,
// otherwise a fixed-size two-way set-associative cache of typed arrays (plus a per-key table for a key met with
// itself). Levels fit in a byte.

/** Returned by `get` for a pair not in the cache (never a level: levels are -1 … 125). */
export const MISSING_LEVEL = -128;

/** Above this many keys pairs are not cached at all: values that rarely repeat gain nothing from it. */
export const MAX_CACHED_KEYS = 1 << 24;

export interface PairLevelCacheOptions {
  /** Largest dense table, in entries (one byte each, keyCount²), before switching to hashing. Default 2^26. */
  readonly maxDenseEntries?: number;
  /**
   * Pairs the hash cache holds (rounded down to a power of two, 8 bytes each; default 2^20, 8 MB). It is
   * allocated whole and never grows: a new pair evicts the older of the two pairs its hash maps to.
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
/** Words per set of the hash cache: two ways, each the lower key then (level + 2) << 24 | the higher key. */
const SET_WORDS = 4;
const DEFAULT_HASHED_ENTRIES = 1 << 20;

export type PairLevelCacheMode = "dense" | "hashed" | "none";

export class PairLevelCache {
  readonly mode: PairLevelCacheMode;
  private readonly dense: Uint8Array | undefined;
  /**
   * Hashed mode: SET_WORDS words per set, way 0 holding the pair stored last; all zero marks an empty way.
   * Fixed-size and lossy rather than an exact table that grows: blocking emits a key pair's repeats mostly close
   * together, so a small cache keeps most of an exact table's hits (names of a million-record dedupe: 18.7 M of
   * 19.5 M for first names, 11.4 M of 15.3 M for birth names), while an exact table of millions of pairs waits
   * on main memory at nearly every lookup (about as long as comparing two names), pays for its growth and, when
   * full, drops everything. Measured there on one thread: birth names 3.6 s → 2.6 s, first names 1.5 s → 1.1 s.
   */
  private readonly sets: Uint32Array;
  private readonly setMask: number;
  /** Hashed mode: level + 2 of each key paired with itself (exact agreement, a large share of candidate pairs). */
  private readonly diagonal: Uint8Array;

  constructor(
    readonly keyCount: number,
    options: PairLevelCacheOptions = {},
  ) {
    const maxDense = options.maxDenseEntries ?? 1 << 26;
    this.sets = new Uint32Array(0);
    this.setMask = 0;
    this.diagonal = new Uint8Array(0);
    if (keyCount * keyCount <= maxDense) {
      this.mode = "dense";
      // Square rather than triangular: with one row fixed over many pairs (as blocking emits them), lookups
      // stay within one table row, which is far kinder to the processor cache.
      this.dense = new Uint8Array(keyCount * keyCount);
    } else if (keyCount <= MAX_CACHED_KEYS && options.allowHashing !== false) {
      this.mode = "hashed";
      const entries = Math.max(2, options.maxHashedEntries ?? DEFAULT_HASHED_ENTRIES);
      const setCount = 2 ** Math.floor(Math.log2(entries / 2));
      this.sets = new Uint32Array(setCount * SET_WORDS);
      this.setMask = setCount - 1;
      this.diagonal = new Uint8Array(keyCount);
    } else {
      this.mode = "none";
    }
  }

  /** Number of pairs currently cached. */
  get size(): number {
    const dense = this.dense;
    const keyCount = this.keyCount;
    let count = 0;
    if (dense !== undefined) {
      for (let keyA = 0; keyA < keyCount; keyA++) {
        for (let keyB = keyA; keyB < keyCount; keyB++) if (dense[keyA * keyCount + keyB] !== 0) count++;
      }
      return count;
    }
    for (let word = 1; word < this.sets.length; word += 2) if (this.sets[word] !== 0) count++;
    for (const stored of this.diagonal) if (stored !== 0) count++;
    return count;
  }

  /** Cached level of the pair (in either order), or MISSING_LEVEL. Keys must be in [0, keyCount). */
  get(keyA: number, keyB: number): number {
    let stored = 0;
    if (this.dense !== undefined) stored = this.dense[keyA * this.keyCount + keyB];
    else if (this.mode === "hashed") {
      stored =
        keyA === keyB ? this.diagonal[keyA] : this.hashedGet(Math.min(keyA, keyB), Math.max(keyA, keyB));
    }
    return stored === 0 ? MISSING_LEVEL : stored - STORED_OFFSET;
  }

  /** Stores the level of the pair (in either order). */
  set(keyA: number, keyB: number, level: number): void {
    const dense = this.dense;
    if (dense !== undefined) {
      dense[keyA * this.keyCount + keyB] = level + STORED_OFFSET;
      dense[keyB * this.keyCount + keyA] = level + STORED_OFFSET;
    } else if (this.mode === "hashed") {
      if (keyA === keyB) this.diagonal[keyA] = level + STORED_OFFSET;
      else this.hashedSet(Math.min(keyA, keyB), Math.max(keyA, keyB), level + STORED_OFFSET);
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
    const diagonal = this.diagonal;
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
        let stored: number;
        if (keyA === keyB) {
          stored = diagonal[keyA];
          if (stored === 0) {
            stored = compute(keyA, keyB) + STORED_OFFSET;
            diagonal[keyA] = stored;
          }
        } else {
          const low = Math.min(keyA, keyB);
          const high = Math.max(keyA, keyB);
          stored = this.hashedGet(low, high);
          if (stored === 0) {
            stored = compute(keyA, keyB) + STORED_OFFSET;
            this.hashedSet(low, high, stored);
          }
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
    this.sets.fill(0);
    this.diagonal.fill(0);
  }

  /** Stored level (level + 2) of two different keys, or 0 when not cached. */
  private hashedGet(low: number, high: number): number {
    const sets = this.sets;
    const base = (hashPair(low, high) & this.setMask) * SET_WORDS;
    // An empty way (all zero) never matches: the higher of two different keys is never 0.
    const first = sets[base + 1];
    if (sets[base] === low && (first & HIGH_KEY_MASK) === high) return first >>> 24;
    const second = sets[base + 3];
    if (sets[base + 2] === low && (second & HIGH_KEY_MASK) === high) return second >>> 24;
    return 0;
  }

  /** Stores a pair: in place when cached already, else in way 0 of its set, way 0's pair moving to way 1. */
  private hashedSet(low: number, high: number, stored: number): void {
    const sets = this.sets;
    const base = (hashPair(low, high) & this.setMask) * SET_WORDS;
    const packed = ((stored << 24) | high) >>> 0;
    const first = sets[base + 1];
    if (sets[base] === low && (first & HIGH_KEY_MASK) === high) {
      sets[base + 1] = packed;
      return;
    }
    if (sets[base + 2] === low && (sets[base + 3] & HIGH_KEY_MASK) === high) {
      sets[base + 3] = packed;
      return;
    }
    sets[base + 2] = sets[base];
    sets[base + 3] = first;
    sets[base] = low;
    sets[base + 1] = packed;
  }
}

function hashPair(low: number, high: number): number {
  let hash = Math.imul(low, 0x9e3779b1) ^ Math.imul(high + 0x7f4a7c15, 0x85ebca77);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  return hash ^ (hash >>> 15);
}
