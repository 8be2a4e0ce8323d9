import { describe, expect, it } from "vitest";
import { createIndexPermutation } from "./index-permutation.js";
import { createRandomStream } from "./random-stream.js";

describe("createIndexPermutation", () => {
  it.each([1, 2, 3, 17, 1000, 4097])("is a bijection of [0, %i) with a matching inverse", (size) => {
    const permutation = createIndexPermutation(size, createRandomStream("permutation", "test", size));
    const seen = new Set<number>();
    for (let index = 0; index < size; index++) {
      const image = permutation.forward(index);
      expect(image).toBeGreaterThanOrEqual(0);
      expect(image).toBeLessThan(size);
      expect(permutation.inverse(image)).toBe(index);
      seen.add(image);
    }
    expect(seen.size).toBe(size);
  });

  it("shuffles: few consecutive indexes stay consecutive, and seeds give different orders", () => {
    const size = 10_000;
    const first = createIndexPermutation(size, createRandomStream("one"));
    const second = createIndexPermutation(size, createRandomStream("two"));
    let consecutive = 0;
    let same = 0;
    for (let index = 0; index + 1 < size; index++) {
      if (Math.abs(first.forward(index + 1) - first.forward(index)) === 1) consecutive++;
      if (first.forward(index) === second.forward(index)) same++;
    }
    expect(consecutive).toBeLessThan(20);
    expect(same).toBeLessThan(20);
  });

  it("rejects an index outside its range", () => {
    const permutation = createIndexPermutation(10, createRandomStream("range"));
    expect(() => permutation.forward(10)).toThrow(RangeError);
    expect(() => permutation.inverse(-1)).toThrow(RangeError);
  });
});
