import { describe, expect, it } from "vitest";
import { ColumnEncoder, datasetFromRecords, NULL_CODE } from "../data/dataset.js";
import { DataError, SpecError } from "../errors.js";
import type { PhoneticAlgorithm } from "../french/phonetics.js";
import { checkBlockingRules, computeBlockingKeys, MAX_BLOCKING_RULES } from "./blocking-keys.js";
import type { KeyTransform } from "./types.js";

const people = datasetFromRecords(
  "people",
  [
    { id: "1", name: "MARTIN", dob: "1980-05-17" },
    { id: "2", name: "MARTINEZ", dob: "1980-05-02" },
    { id: "3", name: "MA", dob: "1980" },
    { id: "4", name: null, dob: "1981-05" },
    { id: "5", name: "DURAND", dob: "17/05/1980" },
    { id: "6", name: "MARTIN", dob: "1980-13-01" },
  ],
  { idColumn: "id" },
);

/** Which rows share a key with which: the partition the key codes induce, nulls apart. */
function partition(keys: Int32Array): (number[] | null)[] {
  return [...keys].map((key) =>
    key === NULL_CODE ? null : [...keys.keys()].filter((row) => keys[row] === key).map((row) => row + 1),
  );
}

function keysOf(column: string, transform?: KeyTransform): Int32Array {
  return computeBlockingKeys(people, { keys: [transform ? { column, transform } : { column }] });
}

describe("computeBlockingKeys", () => {
  it("groups equal values and leaves nulls unmatched", () => {
    expect(partition(keysOf("name"))).toEqual([[1, 6], [2], [3], null, [5], [1, 6]]);
  });

  it("treats an empty value as null, though datasets normally never hold one", () => {
    const encoder = new ColumnEncoder("name");
    for (const value of ["", "", "A", "A"]) encoder.push(value);
    const dataset = {
      name: "raw",
      rowCount: 4,
      ids: ["1", "2", "3", "4"],
      columns: new Map([["name", encoder.finish()]]),
    };
    expect(partition(computeBlockingKeys(dataset, { keys: [{ column: "name" }] }))).toEqual([
      null,
      null,
      [3, 4],
      [3, 4],
    ]);
  });

  it("prefix keeps the first characters, a shorter value whole", () => {
    expect(partition(keysOf("name", { kind: "prefix", length: 3 }))).toEqual([
      [1, 2, 6],
      [1, 2, 6],
      [3],
      null,
      [5],
      [1, 2, 6],
    ]);
  });

  it("substring starts at a 0-based position; nothing left gives a null key", () => {
    expect(partition(keysOf("name", { kind: "substring", start: 2, length: 3 }))).toEqual([
      [1, 2, 6],
      [1, 2, 6],
      null,
      null,
      [5],
      [1, 2, 6],
    ]);
    expect(partition(keysOf("name", { kind: "substring", start: 6 }))).toEqual([
      null,
      [2],
      null,
      null,
      null,
      null,
    ]);
  });

  it("year and yearMonth read canonical dates only", () => {
    expect(partition(keysOf("dob", { kind: "year" }))).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
      [4],
      null,
      null,
    ]);
    expect(partition(keysOf("dob", { kind: "yearMonth" }))).toEqual([[1, 2], [1, 2], null, [4], null, null]);
  });

  it("slices by character, never splitting a surrogate pair", () => {
    const emoji = datasetFromRecords(
      "emoji",
      [
        { id: "1", name: "\u{1F600}A" },
        { id: "2", name: "\u{1F600}B" },
        { id: "3", name: "\u{1F601}A" },
      ],
      { idColumn: "id" },
    );
    const keys = computeBlockingKeys(emoji, {
      keys: [{ column: "name", transform: { kind: "prefix", length: 1 } }],
    });
    expect(partition(keys)).toEqual([[1, 2], [1, 2], [3]]);
  });

  it("combines several keys: equal only when every key is, null when any is", () => {
    const keys = computeBlockingKeys(people, {
      keys: [
        { column: "name", transform: { kind: "prefix", length: 3 } },
        { column: "dob", transform: { kind: "yearMonth" } },
      ],
    });
    expect(partition(keys)).toEqual([[1, 2], [1, 2], null, null, null, null]);
  });

  it("delegates phonetic keys to the encoder, once per distinct value", () => {
    const calls: string[] = [];
    const phoneticEncoder = (algorithm: PhoneticAlgorithm, value: string) => {
      calls.push(`${algorithm}:${value}`);
      return value.startsWith("MART") ? "M635" : value === "MA" ? "" : value;
    };
    const keys = computeBlockingKeys(
      people,
      { keys: [{ column: "name", transform: { kind: "phonetic", algorithm: "soundexFr" } }] },
      { phoneticEncoder },
    );
    expect(calls.sort()).toEqual([
      "soundexFr:DURAND",
      "soundexFr:MA",
      "soundexFr:MARTIN",
      "soundexFr:MARTINEZ",
    ]);
    // An empty code means "no code": a null key.
    expect(partition(keys)).toEqual([[1, 2, 6], [1, 2, 6], null, null, [5], [1, 2, 6]]);
  });

  it("uses the real phonetic encoders by default", () => {
    const names = datasetFromRecords(
      "names",
      [
        { id: "1", name: "DUPOND" },
        { id: "2", name: "DUPONT" },
        { id: "3", name: "MARTIN" },
      ],
      { idColumn: "id" },
    );
    const keys = computeBlockingKeys(names, {
      keys: [{ column: "name", transform: { kind: "phonetic", algorithm: "soundexFr" } }],
    });
    expect(partition(keys)).toEqual([[1, 2], [1, 2], [3]]);
  });
});

describe("checkBlockingRules", () => {
  it("lists every invalid transform with its JSON path", () => {
    const check = () =>
      checkBlockingRules(people, [
        { keys: [{ column: "name", transform: { kind: "prefix", length: 0 } }] },
        { keys: [] },
        {
          keys: [
            { column: "name", transform: { kind: "substring", start: -1, length: 1.5 } },
            { column: "name", transform: { kind: "phonetic", algorithm: "nope" as PhoneticAlgorithm } },
            { column: "name", transform: { kind: "reverse" } as unknown as KeyTransform },
          ],
        },
      ]);
    expect(check).toThrow(SpecError);
    try {
      check();
    } catch (error) {
      expect((error as SpecError).issues.map((issue) => issue.jsonPath)).toEqual([
        "$.blockingRules[0].keys[0].transform.length",
        "$.blockingRules[1].keys",
        "$.blockingRules[2].keys[0].transform.start",
        "$.blockingRules[2].keys[0].transform.length",
        "$.blockingRules[2].keys[1].transform.algorithm",
        "$.blockingRules[2].keys[2].transform.kind",
      ]);
    }
  });

  it("names every missing column and where it is used", () => {
    try {
      checkBlockingRules(people, [
        { keys: [{ column: "surname" }] },
        { keys: [{ column: "name" }, { column: "sex" }] },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe("BLOCKING_COLUMN_MISSING");
      expect((error as DataError).message).toContain('"surname" ($.blockingRules[0].keys[0].column)');
      expect((error as DataError).message).toContain('"sex" ($.blockingRules[1].keys[1].column)');
    }
  });

  it("refuses an empty rule list", () => {
    expect(() => checkBlockingRules(people, [])).toThrow(/no blocking rules/);
  });

  it("accepts as many rules as a Uint8Array rule index tells apart (256), and no more", () => {
    expect(MAX_BLOCKING_RULES).toBe(256);
    const rules = Array.from({ length: MAX_BLOCKING_RULES + 1 }, () => ({ keys: [{ column: "name" }] }));
    expect(() => checkBlockingRules(people, rules.slice(0, MAX_BLOCKING_RULES))).not.toThrow();
    expect(() => checkBlockingRules(people, rules)).toThrow(/257 blocking rules given; at most 256/);
  });
});
