import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { MAX_CACHED_KEYS, MISSING_LEVEL, PairLevelCache } from "./pair-level-cache.js";

/** Random get/set traffic checked against a Map keyed by the unordered pair. */
function checkAgainstMap(cache: PairLevelCache, keyCount: number, operations: number, seed: string): void {
  const random = seedrandom(seed);
  const reference = new Map<string, number>();
  for (let operation = 0; operation < operations; operation++) {
    const keyA = Math.floor(random() * keyCount);
    const keyB = Math.floor(random() * keyCount);
    const name = `${Math.min(keyA, keyB)},${Math.max(keyA, keyB)}`;
    const found = cache.get(keyA, keyB);
    const expected = reference.get(name);
    // An evicting cache may forget a pair, but never return a wrong level.
    if (found !== MISSING_LEVEL) expect(found).toBe(expected);
    else if (cache.mode === "dense") expect(expected).toBeUndefined();
    if (found === MISSING_LEVEL) {
      const level = Math.floor(random() * 128) - 1;
      cache.set(keyA, keyB, level);
      reference.set(name, level);
      expect(cache.get(keyB, keyA)).toBe(level);
    }
  }
}

describe("PairLevelCache", () => {
  it("uses a dense table for few keys and hashing beyond the limit", () => {
    expect(new PairLevelCache(100).mode).toBe("dense");
    expect(new PairLevelCache(100, { maxDenseEntries: 100 }).mode).toBe("hashed");
    expect(new PairLevelCache(10_000).mode).toBe("hashed");
  });

  it("is symmetric and starts empty", () => {
    for (const cache of [new PairLevelCache(50), new PairLevelCache(50, { maxDenseEntries: 0 })]) {
      expect(cache.get(3, 7)).toBe(MISSING_LEVEL);
      cache.set(7, 3, -1);
      cache.set(5, 5, 4);
      expect(cache.get(3, 7)).toBe(-1);
      expect(cache.get(5, 5)).toBe(4);
      expect(cache.size).toBe(2);
      cache.clear();
      expect(cache.get(3, 7)).toBe(MISSING_LEVEL);
      expect(cache.size).toBe(0);
    }
  });

  it("agrees with a reference map in dense mode", () => {
    checkAgainstMap(new PairLevelCache(300), 300, 20_000, "dense");
  });

  it("agrees with a reference map in hashed mode", () => {
    const cache = new PairLevelCache(5000, { maxDenseEntries: 0 });
    checkAgainstMap(cache, 5000, 20_000, "hashed");
    // Far below the default capacity: hardly anything is evicted.
    expect(cache.size).toBeGreaterThan(15_000);
  });

  it("stays correct and bounded when it evicts", () => {
    const cache = new PairLevelCache(100_000, { maxDenseEntries: 0, maxHashedEntries: 1000 });
    checkAgainstMap(cache, 100_000, 20_000, "evicting");
    // Rounded down to a power of two.
    expect(cache.size).toBeLessThanOrEqual(512);
    expect(cache.size).toBeGreaterThan(256);
  });

  it("evicts the older of two pairs sharing a set, and keeps a key paired with itself apart", () => {
    // One set of two ways: every pair of different keys competes for it.
    const cache = new PairLevelCache(100_000, { maxDenseEntries: 0, maxHashedEntries: 2 });
    cache.set(0, 1, 1);
    cache.set(2, 0, 2);
    cache.set(7, 7, 7);
    expect([cache.get(1, 0), cache.get(0, 2), cache.get(7, 7)]).toEqual([1, 2, 7]);
    cache.set(0, 3, 3);
    expect([cache.get(0, 1), cache.get(0, 2), cache.get(3, 0), cache.get(7, 7)]).toEqual([
      MISSING_LEVEL,
      2,
      3,
      7,
    ]);
    // Storing a cached pair again updates it in place rather than evicting its neighbour.
    cache.set(2, 0, 5);
    expect([cache.get(0, 2), cache.get(0, 3)]).toEqual([5, 3]);
    expect(cache.size).toBe(3);
  });

  it("handles the largest cached keys in hashed mode, and caches nothing beyond", () => {
    const largest = MAX_CACHED_KEYS - 1;
    const cache = new PairLevelCache(MAX_CACHED_KEYS);
    expect(cache.mode).toBe("hashed");
    cache.set(largest, 0, 9);
    cache.set(largest - 1, largest, -1);
    expect(cache.get(0, largest)).toBe(9);
    expect(cache.get(largest, largest - 1)).toBe(-1);
    const uncached = new PairLevelCache(MAX_CACHED_KEYS + 1);
    expect(uncached.mode).toBe("none");
    uncached.set(1, 2, 3);
    expect(uncached.get(1, 2)).toBe(MISSING_LEVEL);
  });

  it("fills levels through row keys, computing each distinct pair once", () => {
    for (const options of [{}, { maxDenseEntries: 0 }]) {
      const cache = new PairLevelCache(4, options);
      const rowKeys = Int32Array.from([0, 1, -1, 1, 3]);
      const left = Int32Array.from([0, 0, 1, 2, 3, 4]);
      const right = Int32Array.from([1, 3, 0, 4, 1, 3]);
      const out = new Int8Array(5);
      let computed = 0;
      cache.fillLevels(rowKeys, left, right, 1, 6, out, 1, -1, (keyA, keyB) => {
        computed++;
        return keyA + keyB;
      });
      // Pairs 1…5: keys (0,1), (1,0), (-1,3), (1,1), (3,1).
      expect([...out]).toEqual([1, 1, -1, 2, 4]);
      expect(computed).toBe(3);
    }
  });
});
