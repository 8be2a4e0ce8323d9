import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NULL_CODE } from "../data/dataset.js";
import { combineCodes, densifyCodes } from "./dense-codes.js";

describe("combineCodes", () => {
  it("gives equal codes exactly to equal tuples, on many random tuples", () => {
    const random = seedrandom("dense-codes");
    const rowCount = 20_000;
    const first = new Int32Array(rowCount);
    const second = new Int32Array(rowCount);
    for (let row = 0; row < rowCount; row++) {
      // Some large codes and many repeats, so that the table sees collisions and long probes.
      first[row] = random() < 0.05 ? NULL_CODE : Math.floor(random() * 300) * 1_000_003;
      second[row] = random() < 0.05 ? NULL_CODE : Math.floor(random() * 50);
    }
    const { codes, keyCount } = combineCodes(first, second);
    const codeOfTuple = new Map<string, number>();
    const tupleOfCode = new Map<number, string>();
    let mismatches = 0;
    for (let row = 0; row < rowCount; row++) {
      const tuple = first[row] < 0 || second[row] < 0 ? "null" : `${first[row]}|${second[row]}`;
      if (tuple === "null") {
        if (codes[row] !== NULL_CODE) mismatches++;
        continue;
      }
      if (!codeOfTuple.has(tuple)) codeOfTuple.set(tuple, codes[row]);
      if (!tupleOfCode.has(codes[row])) tupleOfCode.set(codes[row], tuple);
      // Equal tuples share one code, and one code never stands for two tuples.
      if (codeOfTuple.get(tuple) !== codes[row] || tupleOfCode.get(codes[row]) !== tuple) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(keyCount).toBe(codeOfTuple.size);
    expect(Math.max(...codes)).toBe(keyCount - 1);
  });

  it("numbers tuples the same through its table (few possible tuples) and through hashing (many)", () => {
    const random = seedrandom("dense-codes-paths");
    const rowCount = 5000;
    const first = Int32Array.from({ length: rowCount }, () =>
      random() < 0.02 ? NULL_CODE : Math.floor(random() * 40),
    );
    const second = Int32Array.from({ length: rowCount }, () =>
      random() < 0.02 ? NULL_CODE : Math.floor(random() * 12),
    );
    // The same tuples with codes spread far apart: too many possible tuples for a table, so they are hashed.
    const spread = first.map((code) => (code < 0 ? code : code * 1_000_003));
    const small = combineCodes(first, second);
    const hashed = combineCodes(spread, second);
    expect(small.keyCount).toBeGreaterThan(300);
    expect(hashed.keyCount).toBe(small.keyCount);
    expect(hashed.codes).toEqual(small.codes);
  });

  it("numbers tuples in order of first appearance", () => {
    const { codes, keyCount } = combineCodes(Int32Array.of(5, 5, 7, 5, -1), Int32Array.of(1, 2, 1, 1, 0));
    expect([...codes]).toEqual([0, 1, 2, 0, NULL_CODE]);
    expect(keyCount).toBe(3);
  });

  it("refuses columns of different lengths", () => {
    expect(() => combineCodes(new Int32Array(2), new Int32Array(3))).toThrow(RangeError);
  });
});

describe("densifyCodes", () => {
  it("renumbers arbitrary codes from zero and treats negatives as null", () => {
    const { codes, keyCount } = densifyCodes(Int32Array.of(900, -1, 42, 900, -7, 42));
    expect([...codes]).toEqual([0, NULL_CODE, 1, 0, NULL_CODE, 1]);
    expect(keyCount).toBe(2);
  });

  it("numbers by first appearance whether the codes are small (a table) or large (a hash)", () => {
    const small = densifyCodes(Int32Array.of(7, 3, NULL_CODE, 7, 0));
    const large = densifyCodes(Int32Array.of(2_000_000_007, 3, NULL_CODE, 2_000_000_007, 0));
    expect([...small.codes]).toEqual([0, 1, NULL_CODE, 0, 2]);
    expect([...large.codes]).toEqual([...small.codes]);
    expect(large.keyCount).toBe(3);
  });
});
