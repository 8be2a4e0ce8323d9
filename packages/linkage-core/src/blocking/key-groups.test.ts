import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NULL_CODE } from "../data/dataset.js";
import { countPairsSharingCode, groupRowsByCode, groupRowsByKey, pairsAmong } from "./key-groups.js";

describe("groupRowsByCode", () => {
  it("sorts rows by code, ascending within a code, and leaves null rows out", () => {
    const { rows, groupStart } = groupRowsByCode(Int32Array.of(2, 0, NULL_CODE, 2, 0, 1), 4);
    expect([...rows]).toEqual([1, 4, 5, 0, 3]);
    expect([...groupStart]).toEqual([0, 2, 3, 5, 5]);
  });

  it("gives each row its position in the groups", () => {
    const { rows, positionOf } = groupRowsByKey({ codes: Int32Array.of(1, NULL_CODE, 0, 1), keyCount: 2 });
    expect([...positionOf]).toEqual([1, -1, 0, 2]);
    for (let position = 0; position < rows.length; position++)
      expect(positionOf[rows[position]!]).toBe(position);
  });
});

describe("countPairsSharingCode", () => {
  it("matches a count over every pair, with and without sources", () => {
    const random = seedrandom("pairs-sharing-code");
    for (let trial = 0; trial < 50; trial++) {
      const rowCount = 1 + Math.floor(random() * 60);
      const codeCount = 1 + Math.floor(random() * 8);
      const sourceCount = 1 + Math.floor(random() * 3);
      const codes = Int32Array.from({ length: rowCount }, () =>
        random() < 0.2 ? NULL_CODE : Math.floor(random() * codeCount),
      );
      const sourceOf = Uint8Array.from({ length: rowCount }, () => Math.floor(random() * sourceCount));
      let all = 0;
      let crossSource = 0;
      for (let a = 0; a < rowCount; a++) {
        for (let b = a + 1; b < rowCount; b++) {
          if (codes[a]! < 0 || codes[a] !== codes[b]) continue;
          all++;
          if (sourceOf[a] !== sourceOf[b]) crossSource++;
        }
      }
      expect(countPairsSharingCode(codes, codeCount)).toBe(all);
      expect(countPairsSharingCode(codes, codeCount, sourceOf)).toBe(crossSource);
    }
  });

  it("counts pairs among n rows as n(n−1)/2", () => {
    expect([0, 1, 2, 5].map(pairsAmong)).toEqual([0, 0, 1, 10]);
  });
});
