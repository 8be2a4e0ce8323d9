import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { SpecError } from "../errors.js";
import { buildStaysFromEvents, type HospitalStays, type StayEvent } from "../french/hospital-stays.js";
import { stayBlockingKeys } from "../french/stay-matching.js";
import { type CriterionKeys, encodeCriterion } from "./criterion-keys.js";
import { hospitalStayCriterion } from "./hospital-stay-criterion.js";

const noColumns = { name: "none", rowCount: 0, ids: [], columns: new Map() };

function randomStays(random: () => number, prefix: string, recordCount: number): HospitalStays {
  const ids = Array.from({ length: recordCount }, (_, record) => `${prefix}${record}`);
  const events: StayEvent[] = [];
  for (const id of ids) {
    for (let stay = Math.floor(random() * 4); stay > 0; stay--) {
      const day = 1 + Math.floor(random() * 9);
      events.push({
        id,
        finess: ["750100042", "690781810", "130786049"][Math.floor(random() * 3)]!,
        admission: `2020-03-0${day}`,
        discharge: `2020-03-0${Math.min(9, day + 1)}`,
      });
    }
  }
  // Each side gets its own establishment codes, as when the two were loaded separately.
  return buildStaysFromEvents(ids, events);
}

/** Pairs (left row, right row) sharing a key. */
function agreeingPairs(keys: CriterionKeys, leftCount: number, rowCount: number): string[] {
  if (keys.kind !== "keySets") throw new Error("expected key sets");
  const keysOf = (row: number) => new Set(keys.codes.subarray(keys.offsets[row], keys.offsets[row + 1]));
  const pairs: string[] = [];
  for (let left = 0; left < leftCount; left++) {
    const leftKeys = keysOf(left);
    for (let right = leftCount; right < rowCount; right++) {
      if ([...keysOf(right)].some((key) => leftKeys.has(key))) pairs.push(`${left}-${right}`);
    }
  }
  return pairs;
}

describe("hospitalStayCriterion", () => {
  it("agrees exactly where the string keys of stayBlockingKeys do, with or without a window", () => {
    const random = seedrandom("stay-criterion");
    for (const admissionWindowDays of [0, 1, 3]) {
      const left = randomStays(random, "R", 30);
      const right = randomStays(random, "S", 40);
      const rowCount = left.recordCount + right.recordCount;
      const encoded = encodeCriterion(noColumns, hospitalStayCriterion({ left, right, admissionWindowDays }));
      const strings = encodeCriterion(noColumns, {
        name: "stays",
        keySets: [...stayBlockingKeys(left, { admissionWindowDays }), ...stayBlockingKeys(right)],
      });
      const expected = agreeingPairs(strings, left.recordCount, rowCount);
      expect(agreeingPairs(encoded, left.recordCount, rowCount)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(10);
    }
  });

  it("gives one key list per record of both sides, left first", () => {
    const random = seedrandom("stay-criterion-shape");
    const criterion = hospitalStayCriterion({
      left: randomStays(random, "R", 3),
      right: randomStays(random, "S", 5),
      name: "stays",
      required: true,
    });
    expect(criterion.name).toBe("stays");
    expect(criterion.required).toBe(true);
    expect("offsets" in criterion.keySets && criterion.keySets.offsets.length).toBe(9);
  });

  it("refuses a negative or fractional window", () => {
    const random = seedrandom("stay-criterion-window");
    const stays = randomStays(random, "R", 2);
    expect(() => hospitalStayCriterion({ left: stays, right: stays, admissionWindowDays: -1 })).toThrow(
      SpecError,
    );
    expect(() => hospitalStayCriterion({ left: stays, right: stays, admissionWindowDays: 0.5 })).toThrow(
      SpecError,
    );
  });
});
