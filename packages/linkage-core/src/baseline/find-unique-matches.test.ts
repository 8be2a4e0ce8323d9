import { describe, expect, it } from "vitest";
import type { CriterionKeys } from "./criterion-keys.js";
import { createMatchScratch, findUniqueMatches } from "./find-unique-matches.js";

// Rows 0–2 are source 0, rows 3–5 source 1.
const sourceOf = Uint8Array.from([0, 0, 0, 1, 1, 1]);
const allRows = Int32Array.from([0, 1, 2, 3, 4, 5]);

function column(codes: number[]): CriterionKeys {
  return { kind: "columns", codes: Int32Array.from(codes) };
}

function keySets(lists: number[][]): CriterionKeys {
  const offsets = [0];
  for (const list of lists) offsets.push(offsets.at(-1)! + list.length);
  return { kind: "keySets", offsets: Int32Array.from(offsets), codes: Int32Array.from(lists.flat()) };
}

function pairs(result: { left: Int32Array; right: Int32Array }): [number, number][] {
  return [...result.left].map((row, index) => [row, result.right[index]!]);
}

describe("findUniqueMatches", () => {
  it("links mutual unique agreements and counts the rest as ambiguous", () => {
    // Row 0 agrees with 3 only; rows 1 and 2 both agree with 4 (two to one); row 5 agrees with nobody.
    const scratch = createMatchScratch(6);
    const result = findUniqueMatches(
      { sourceOf, activeRows: allRows, keys: [column([7, 8, 8, 7, 8, 9])] },
      scratch,
    );
    expect(pairs(result)).toEqual([[0, 3]]);
    expect(result.ambiguousRecords).toBe(3);
  });

  it("requires agreement on every criterion, nulls never agreeing", () => {
    const scratch = createMatchScratch(6);
    const result = findUniqueMatches(
      {
        sourceOf,
        activeRows: allRows,
        keys: [column([1, 1, 2, 1, 1, 2]), column([5, 6, -1, 5, 6, -1])],
      },
      scratch,
    );
    expect(pairs(result)).toEqual([
      [0, 3],
      [1, 4],
    ]);
    expect(result.ambiguousRecords).toBe(0);
  });

  it("counts a partner once when several keys of a set lead to it", () => {
    // Rows 0 and 3 share two stays; row 1 shares a stay with 4 and another with 5 (one to two).
    const scratch = createMatchScratch(6);
    const result = findUniqueMatches(
      {
        sourceOf,
        activeRows: allRows,
        keys: [keySets([[1, 2], [3, 4], [], [1, 2], [3], [4]])],
      },
      scratch,
    );
    expect(pairs(result)).toEqual([[0, 3]]);
    expect(result.ambiguousRecords).toBe(3);
  });

  it("combines a key set with column criteria: the shared stay must go with equal columns", () => {
    const scratch = createMatchScratch(6);
    const result = findUniqueMatches(
      {
        sourceOf,
        activeRows: allRows,
        keys: [keySets([[1], [1], [], [1], [], []]), column([0, 1, 0, 1, 1, 1])],
      },
      scratch,
    );
    // Rows 0 and 1 share stay 1 with row 3, but only row 1 has the same column value as row 3.
    expect(pairs(result)).toEqual([[1, 3]]);
    expect(result.ambiguousRecords).toBe(0);
  });

  it("only looks at the active rows", () => {
    const scratch = createMatchScratch(6);
    const result = findUniqueMatches(
      { sourceOf, activeRows: Int32Array.from([1, 4, 5]), keys: [column([7, 8, 8, 7, 8, 8])] },
      scratch,
    );
    expect(result.ambiguousRecords).toBe(3);
    expect(result.left).toHaveLength(0);
  });

  it("leaves the scratch arrays clean for the next step", () => {
    const scratch = createMatchScratch(6);
    findUniqueMatches({ sourceOf, activeRows: allRows, keys: [column([7, 8, 8, 7, 8, 9])] }, scratch);
    expect([...scratch.partner]).toEqual([-1, -1, -1, -1, -1, -1]);
    expect([...scratch.ambiguous, ...scratch.settled].every((value) => value === 0)).toBe(true);
  });
});
