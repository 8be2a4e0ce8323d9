import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { TupleTable } from "./tuple-table.js";

describe("TupleTable", () => {
  it("numbers distinct tuples densely in order of first interning", () => {
    const table = new TupleTable(2);
    expect(table.intern(Int32Array.from([3, 1]))).toBe(0);
    expect(table.intern(Int32Array.from([1, 3]))).toBe(1);
    expect(table.intern(Int32Array.from([3, 1]))).toBe(0);
    expect(table.size).toBe(2);
  });

  it("finds interned tuples only", () => {
    const table = new TupleTable(3);
    table.intern(Int32Array.from([0, 0, 7]));
    expect(table.find(Int32Array.from([0, 0, 7]))).toBe(0);
    expect(table.find(Int32Array.from([0, 7, 0]))).toBe(-1);
  });

  it("reads only the first width elements of a longer buffer", () => {
    const table = new TupleTable(1);
    expect(table.intern(Int32Array.from([5, 1]))).toBe(table.intern(Int32Array.from([5, 2])));
  });

  it("agrees with a string-keyed map while growing far beyond its first capacity", () => {
    const random = seedrandom("tuple-table");
    const table = new TupleTable(3, 4);
    const reference = new Map<string, number>();
    const tuple = new Int32Array(3);
    for (let draw = 0; draw < 20_000; draw++) {
      for (let index = 0; index < 3; index++) tuple[index] = Math.floor(random() * 40);
      const key = tuple.join(",");
      if (!reference.has(key)) reference.set(key, reference.size);
      expect(table.intern(tuple)).toBe(reference.get(key));
    }
    expect(table.size).toBe(reference.size);
    expect(reference.size).toBeGreaterThan(10_000);
  });
});
