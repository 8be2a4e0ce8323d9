import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  type BlockingProgress,
  type BlockingRuleSpec,
  type CandidatePairChunk,
  countCandidatePairs,
  generateCandidatePairChunks,
  generateCandidatePairs,
  planCandidatePairChunks,
  TooManyPairsError,
} from "../src/blocking/index.js";
import { combineDatasets, type Dataset, datasetFromRecords } from "../src/data/dataset.js";
import type { LinkType } from "../src/spec/types.js";

const surnames = ["MARTIN", "MARTINEZ", "MARTEL", "BERNARD", "DURAND", null];
const firstNames = ["JEAN", "JEANNE", "MARIE", "MARC", null];
const births = ["1980-05-17", "1980-05-02", "1981-02", "1979-12-30", null];

const rules: BlockingRuleSpec[] = [
  { keys: [{ column: "surname", transform: { kind: "prefix", length: 3 } }] },
  { keys: [{ column: "first" }] },
  { keys: [{ column: "dob", transform: { kind: "yearMonth" } }] },
];

function randomSource(name: string, rowCount: number, random: () => number): Dataset {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const records = Array.from({ length: rowCount }, (_, row) => ({
    id: `${name}${row}`,
    surname: pick(surnames),
    first: pick(firstNames),
    dob: pick(births),
  }));
  return datasetFromRecords(name, records, { idColumn: "id", columns: ["surname", "first", "dob"] });
}

function concatenated(chunks: readonly CandidatePairChunk[]) {
  return {
    left: chunks.flatMap((chunk) => [...chunk.left]),
    right: chunks.flatMap((chunk) => [...chunk.right]),
    ruleIndex: chunks.flatMap((chunk) => [...chunk.ruleIndex]),
  };
}

const random = seedrandom("chunks");
const single = randomSource("a", 60, random);
const stacked = combineDatasets([randomSource("a", 40, random), randomSource("b", 50, random)]);
const cases: [LinkType, Dataset][] = [
  ["dedupe", single],
  ["link", stacked],
  ["linkAndDedupe", stacked],
];

describe("generateCandidatePairChunks", () => {
  it.each(cases)(
    "gives generateCandidatePairs' pairs, order and rules in chunks (%s)",
    (linkType, dataset) => {
      const whole = generateCandidatePairs(dataset, rules, linkType, { maxPairs: 1_000_000 });
      expect(whole.count).toBeGreaterThan(100);
      for (const chunkPairs of [1, 7, 64, 1_000_000]) {
        const chunks = [
          ...generateCandidatePairChunks(dataset, rules, linkType, { maxPairs: 1_000_000, chunkPairs }),
        ];
        expect(concatenated(chunks)).toEqual({
          left: [...whole.left],
          right: [...whole.right],
          ruleIndex: [...whole.ruleIndex],
        });
        let start = 0;
        for (const chunk of chunks) {
          expect(chunk.start).toBe(start);
          expect(chunk.count).toBeGreaterThan(0);
          expect(chunk.left.length).toBe(chunk.count);
          expect(chunk.ruleNames).toEqual(whole.ruleNames);
          start += chunk.count;
        }
        if (chunkPairs === 1_000_000) expect(chunks).toHaveLength(1);
        else expect(chunks.length).toBeGreaterThan(1);
        for (const chunk of chunks.slice(0, -1)) expect(chunk.count).toBeGreaterThanOrEqual(chunkPairs);
      }
    },
  );

  it("ends a chunk only at the end of a left row, past chunkPairs by at most that row's pairs", () => {
    const chunks = [
      ...generateCandidatePairChunks(single, rules, "dedupe", { maxPairs: 1_000_000, chunkPairs: 10 }),
    ];
    for (let index = 0; index + 1 < chunks.length; index++) {
      const chunk = chunks[index]!;
      const next = chunks[index + 1]!;
      expect(chunk.count).toBeGreaterThanOrEqual(10);
      const lastLeft = chunk.left[chunk.count - 1]!;
      // A row's pairs all stay together: the next chunk starts on another row or another rule.
      const sameRule = next.ruleIndex[0] === chunk.ruleIndex[chunk.count - 1];
      if (sameRule) expect(next.left[0]).toBeGreaterThan(lastLeft);
      const rowPairs = [...chunk.left].filter(
        (left, pair) => left === lastLeft && chunk.ruleIndex[pair] === chunk.ruleIndex[chunk.count - 1],
      ).length;
      expect(chunk.count - rowPairs).toBeLessThan(10);
    }
  });

  it("states the total when it is counted exactly, and reports progress over all chunks", () => {
    const events: BlockingProgress[] = [];
    const chunks = generateCandidatePairChunks(single, rules, "dedupe", {
      maxPairs: 1_000_000,
      chunkPairs: 16,
      onProgress: (progress) => events.push(progress),
    });
    const whole = generateCandidatePairs(single, rules, "dedupe", { maxPairs: 1_000_000 });
    expect(chunks.exactPairs).toBe(whole.count);
    expect(chunks.mostPairs).toBe(whole.count);
    expect(events).toHaveLength(0);
    const total = [...chunks].reduce((sum, chunk) => sum + chunk.count, 0);
    expect(total).toBe(whole.count);
    const counts = events.map((event) => event.pairCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(whole.count);
  });

  it("checks the rules and the ceiling when called, before any chunk is asked for", () => {
    expect(() =>
      generateCandidatePairChunks(single, [{ keys: [{ column: "missing" }] }], "dedupe", { maxPairs: 10 }),
    ).toThrow(/missing/);
    expect(() => generateCandidatePairChunks(single, rules, "dedupe", { maxPairs: 3 })).toThrow(
      TooManyPairsError,
    );
  });

  it("stops with BLOCKING_TOO_MANY_PAIRS during iteration when only the ceiling reveals it", () => {
    // Eight rules on few rows: exact counts would cost more passes than there are pairs, so none are made.
    const manyRules: BlockingRuleSpec[] = [
      ...rules,
      ...[1, 2].map((length) => ({
        keys: [{ column: "surname", transform: { kind: "prefix" as const, length } }],
      })),
      ...[1, 2].map((length) => ({
        keys: [{ column: "first", transform: { kind: "prefix" as const, length } }],
      })),
      { keys: [{ column: "dob", transform: { kind: "year" } }] },
    ];
    const whole = generateCandidatePairs(stacked, manyRules, "dedupe", { maxPairs: 1_000_000 });
    const maxPairs = whole.count - 1;
    const chunks = generateCandidatePairChunks(stacked, manyRules, "dedupe", { maxPairs, chunkPairs: 8 });
    expect(chunks.exactPairs).toBeUndefined();
    let seen = 0;
    expect(() => {
      for (const chunk of chunks) seen += chunk.count;
    }).toThrow(TooManyPairsError);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThanOrEqual(maxPairs);
  });

  it("plans once and gives the same pairs on every pass, at any chunk size", () => {
    const source = planCandidatePairChunks(stacked, rules, "link", { maxPairs: 1_000_000 });
    const whole = generateCandidatePairs(stacked, rules, "link", { maxPairs: 1_000_000 });
    expect(source.exactPairs).toBe(whole.count);
    const expected = { left: [...whole.left], right: [...whole.right], ruleIndex: [...whole.ruleIndex] };
    expect(concatenated([...source.chunks({ chunkPairs: 5 })])).toEqual(expected);
    expect(concatenated([...source.chunks()])).toEqual(expected);
  });

  it("counts per rule as countCandidatePairs does when asked, and takes an exact total from the counts", () => {
    // Eight rules: too many intersections for the plan's own exact count, not for countCandidatePairs'.
    const manyRules: BlockingRuleSpec[] = [
      ...rules,
      ...[1, 2].map((length) => ({
        keys: [{ column: "surname", transform: { kind: "prefix" as const, length } }],
      })),
      { keys: [{ column: "dob", transform: { kind: "year" } }] },
    ];
    const plain = planCandidatePairChunks(single, manyRules, "dedupe", { maxPairs: 1_000_000 });
    const counted = planCandidatePairChunks(single, manyRules, "dedupe", {
      maxPairs: 1_000_000,
      countPerRule: true,
    });
    const expected = countCandidatePairs(single, manyRules, "dedupe");
    expect(plain.counts).toBeUndefined();
    expect(plain.exactPairs).toBeUndefined();
    expect(counted.counts).toEqual(expected);
    expect(counted.exactPairs).toBe(expected.totalPairs);
    expect([...counted.chunks({ chunkPairs: 50 })].reduce((sum, chunk) => sum + chunk.count, 0)).toBe(
      expected.totalPairs,
    );
  });

  it("can be iterated once only", () => {
    const chunks = generateCandidatePairChunks(single, rules, "dedupe", { maxPairs: 1_000_000 });
    expect([...chunks].length).toBe(1);
    expect(() => [...chunks]).toThrow(/once/);
  });
});
