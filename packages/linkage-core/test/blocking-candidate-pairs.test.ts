import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { blockingRuleName } from "../src/blocking/blocking-rule-name.js";
import {
  type BlockingProgress,
  type BlockingRuleSpec,
  cartesianPairs,
  countCandidatePairs,
  generateCandidatePairs,
  TooManyPairsError,
} from "../src/blocking/index.js";
import { cellValue, combineDatasets, type Dataset, datasetFromRecords } from "../src/data/dataset.js";
import { DataError } from "../src/errors.js";
import type { LinkType } from "../src/spec/types.js";
import type { CandidatePairs } from "../src/vectors/types.js";

const surnames = ["MARTIN", "MARTINEZ", "MARTEL", "BERNARD", "BERNIER", "DURAND", null];
const firstNames = ["JEAN", "JEANNE", "JEROME", "MARIE", "MARC", null];
const births = ["1980-05-17", "1980-05-02", "1980-06-01", "1981", "1981-02", "1979-12-30", null];

const rules: BlockingRuleSpec[] = [
  {
    keys: [
      { column: "surname", transform: { kind: "prefix", length: 3 } },
      { column: "dob", transform: { kind: "year" } },
    ],
  },
  { keys: [{ column: "first" }] },
  { keys: [{ column: "surname" }, { column: "dob", transform: { kind: "yearMonth" } }] },
  {
    keys: [
      { column: "first", transform: { kind: "substring", start: 1, length: 2 } },
      { column: "surname", transform: { kind: "prefix", length: 1 } },
    ],
  },
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

/** The key of a row under a rule, computed naively from strings: the reference the engine must agree with. */
function referenceKey(dataset: Dataset, rule: BlockingRuleSpec, row: number): string | null {
  const parts: string[] = [];
  for (const key of rule.keys) {
    const value = cellValue(dataset.columns.get(key.column)!, row);
    if (value === null) return null;
    let part: string | null = value;
    const transform = key.transform;
    if (transform?.kind === "prefix") part = value.slice(0, transform.length);
    if (transform?.kind === "substring")
      part = value.slice(transform.start, transform.start + (transform.length ?? 99));
    if (transform?.kind === "year") part = value.slice(0, 4);
    if (transform?.kind === "yearMonth") part = value.length >= 7 ? value.slice(0, 7) : null;
    if (part === null || part === "") return null;
    parts.push(part);
  }
  return parts.join("\u0000");
}

function sourceOf(dataset: Dataset, row: number): number {
  return "sourceOf" in dataset ? (dataset.sourceOf as Uint8Array)[row]! : 0;
}

/** Every allowed pair with the first rule that captures it, by brute force over all pairs. */
function referencePairs(dataset: Dataset, linkType: LinkType): [number, number, number][] {
  const keys = rules.map((rule) =>
    Array.from({ length: dataset.rowCount }, (_, row) => referenceKey(dataset, rule, row)),
  );
  const found: [number, number, number][] = [];
  for (let left = 0; left < dataset.rowCount; left++) {
    for (let right = left + 1; right < dataset.rowCount; right++) {
      if (linkType === "link" && sourceOf(dataset, left) === sourceOf(dataset, right)) continue;
      const rule = keys.findIndex(
        (ruleKeys) => ruleKeys[left] !== null && ruleKeys[left] === ruleKeys[right],
      );
      if (rule >= 0) found.push([rule, left, right]);
    }
  }
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

function triples(pairs: CandidatePairs): [number, number, number][] {
  return Array.from({ length: pairs.count }, (_, pair) => [
    pairs.ruleIndex[pair]!,
    pairs.left[pair]!,
    pairs.right[pair]!,
  ]);
}

function ownPairCounts(dataset: Dataset, linkType: LinkType): number[] {
  return rules.map((rule) => {
    let pairs = 0;
    for (let left = 0; left < dataset.rowCount; left++) {
      const key = referenceKey(dataset, rule, left);
      if (key === null) continue;
      for (let right = left + 1; right < dataset.rowCount; right++) {
        if (linkType === "link" && sourceOf(dataset, left) === sourceOf(dataset, right)) continue;
        if (referenceKey(dataset, rule, right) === key) pairs++;
      }
    }
    return pairs;
  });
}

interface Case {
  readonly linkType: LinkType;
  readonly dataset: Dataset;
}

function randomCases(seed: string): Case[] {
  const random = seedrandom(seed);
  const size = () => Math.floor(random() * 35);
  const single = randomSource("a", 10 + size(), random);
  const twoSources = combineDatasets([randomSource("a", size(), random), randomSource("b", size(), random)]);
  const threeSources = combineDatasets([
    randomSource("a", size(), random),
    randomSource("b", size(), random),
    randomSource("c", size(), random),
  ]);
  return [
    { linkType: "dedupe", dataset: single },
    { linkType: "dedupe", dataset: twoSources },
    { linkType: "link", dataset: twoSources },
    { linkType: "link", dataset: threeSources },
    { linkType: "linkAndDedupe", dataset: twoSources },
    { linkType: "linkAndDedupe", dataset: threeSources },
  ];
}

const seeds = Array.from({ length: 8 }, (_, index) => `blocking-${index}`);

describe("generateCandidatePairs against brute force", () => {
  it.each(seeds)("finds each pair once, owned by its first rule, in rule-row order (seed %s)", (seed) => {
    for (const { linkType, dataset } of randomCases(seed)) {
      const pairs = generateCandidatePairs(dataset, rules, linkType, { maxPairs: 1_000_000 });
      expect(triples(pairs), `${linkType} on ${dataset.name}`).toEqual(referencePairs(dataset, linkType));
      expect(pairs.left.length).toBe(pairs.count);
      expect(pairs.right.length).toBe(pairs.count);
      expect(pairs.ruleIndex.length).toBe(pairs.count);
      expect(pairs.ruleNames).toEqual(rules.map(blockingRuleName));
    }
  });

  it("never produces a self pair, a same-source pair under link, or a reversed pair", () => {
    const { dataset } = randomCases("blocking-shape")[3]!;
    const pairs = generateCandidatePairs(dataset, rules, "link", { maxPairs: 1_000_000 });
    expect(pairs.count).toBeGreaterThan(0);
    for (let pair = 0; pair < pairs.count; pair++) {
      expect(pairs.left[pair]).toBeLessThan(pairs.right[pair]!);
      expect(sourceOf(dataset, pairs.left[pair]!)).not.toBe(sourceOf(dataset, pairs.right[pair]!));
    }
  });

  it("gives the same arrays on every run", () => {
    const { dataset } = randomCases("blocking-determinism")[4]!;
    const first = generateCandidatePairs(dataset, rules, "linkAndDedupe", { maxPairs: 1_000_000 });
    const second = generateCandidatePairs(dataset, rules, "linkAndDedupe", { maxPairs: 1_000_000 });
    expect(second.left).toEqual(first.left);
    expect(second.right).toEqual(first.right);
    expect(second.ruleIndex).toEqual(first.ruleIndex);
  });
});

describe("countCandidatePairs", () => {
  it.each(seeds)("equals what generation produces, by every counting method (seed %s)", (seed) => {
    for (const { linkType, dataset } of randomCases(seed)) {
      const generated = triples(generateCandidatePairs(dataset, rules, linkType, { maxPairs: 1_000_000 }));
      const newPairs = rules.map((_, rule) => generated.filter(([owner]) => owner === rule).length);
      const own = ownPairCounts(dataset, linkType);
      const byInclusionExclusion = countCandidatePairs(dataset, rules, linkType);
      const byVisiting = countCandidatePairs(dataset, rules, linkType, { maxIntersections: 0 });
      for (const counts of [byInclusionExclusion, byVisiting]) {
        expect(counts.rules.map((rule) => rule.pairs)).toEqual(own);
        expect(counts.rules.map((rule) => rule.newPairs)).toEqual(newPairs);
        expect(counts.rules.map((rule) => rule.exact)).toEqual([true, true, true, true]);
        expect(counts.totalPairs).toBe(generated.length);
        expect(counts.rules.at(-1)!.cumulativePairs).toBe(generated.length);
      }
    }
  });

  it("falls back to labelled upper bounds when exact counting is not allowed", () => {
    const { linkType, dataset } = randomCases("blocking-bounds")[0]!;
    const exact = countCandidatePairs(dataset, rules, linkType);
    const bounded = countCandidatePairs(dataset, rules, linkType, {
      maxIntersections: 0,
      maxPairsToVisit: 0,
    });
    expect(bounded.rules.map((rule) => rule.exact)).toEqual([true, false, false, false]);
    expect(bounded.rules.map((rule) => rule.newPairs)).toEqual(exact.rules.map((rule) => rule.pairs));
    expect(bounded.totalPairs).toBeGreaterThan(exact.totalPairs);
  });

  it("counts Σ nA·nB per key across sources for link", () => {
    const left = datasetFromRecords(
      "a",
      ["X", "X", "X", "Y"].map((name, row) => ({ id: `a${row}`, name })),
      { idColumn: "id" },
    );
    const right = datasetFromRecords(
      "b",
      ["X", "X", "Y", "Y", "Z"].map((name, row) => ({ id: `b${row}`, name })),
      { idColumn: "id" },
    );
    const combined = combineDatasets([left, right]);
    const byName = [{ keys: [{ column: "name" }] }];
    expect(countCandidatePairs(combined, byName, "link").totalPairs).toBe(3 * 2 + 1 * 2);
    expect(countCandidatePairs(combined, byName, "linkAndDedupe").totalPairs).toBe(10 + 3);
    expect(countCandidatePairs(combined, byName, "dedupe").totalPairs).toBe(10 + 3);
  });
});

describe("nulls", () => {
  it("never match, even with each other", () => {
    const dataset = datasetFromRecords(
      "nulls",
      [
        { id: "1", name: null, dob: "1980" },
        { id: "2", name: null, dob: "1980" },
        { id: "3", name: "", dob: "1980" },
        { id: "4", name: "A", dob: null },
        { id: "5", name: "A", dob: null },
      ],
      { idColumn: "id" },
    );
    const byBoth = [{ keys: [{ column: "name" }, { column: "dob" }] }];
    expect(generateCandidatePairs(dataset, byBoth, "dedupe", { maxPairs: 100 }).count).toBe(0);
    expect(countCandidatePairs(dataset, byBoth, "dedupe").totalPairs).toBe(0);
    const byName = generateCandidatePairs(dataset, [{ keys: [{ column: "name" }] }], "dedupe", {
      maxPairs: 100,
    });
    expect(triples(byName)).toEqual([[0, 3, 4]]);
  });
});

describe("the ceiling", () => {
  const dataset = randomCases("blocking-ceiling")[0]!.dataset;
  const total = countCandidatePairs(dataset, rules, "dedupe").totalPairs;

  it("lets exactly maxPairs pairs through", () => {
    expect(generateCandidatePairs(dataset, rules, "dedupe", { maxPairs: total }).count).toBe(total);
  });

  it("stops one pair above, with per-rule counts and what to do", () => {
    try {
      generateCandidatePairs(dataset, rules, "dedupe", { maxPairs: total - 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TooManyPairsError);
      expect(error).toBeInstanceOf(DataError);
      const tooMany = error as TooManyPairsError;
      expect(tooMany.code).toBe("BLOCKING_TOO_MANY_PAIRS");
      expect(tooMany.counts.totalPairs).toBe(total);
      expect(tooMany.maxPairs).toBe(total - 1);
      expect(tooMany.message).toContain(`rule 1 "${blockingRuleName(rules[0]!)}"`);
      expect(tooMany.message).toContain(`rule 4 "${blockingRuleName(rules[3]!)}"`);
      expect(tooMany.message).toContain(`${total} in total so far`);
      expect(tooMany.describe()).toMatch(/raise maxCandidatePairs/);
    }
  });

  it("stops before generating when one rule alone is over the ceiling", () => {
    const largest = Math.max(
      ...countCandidatePairs(dataset, rules, "dedupe").rules.map((rule) => rule.pairs),
    );
    let progressReports = 0;
    expect(() =>
      generateCandidatePairs(dataset, rules, "dedupe", {
        maxPairs: largest - 1,
        onProgress: () => progressReports++,
      }),
    ).toThrow(TooManyPairsError);
    expect(progressReports).toBe(0);
  });

  function twoKeyDataset(first: (row: number) => number, second: (row: number) => number): Dataset {
    const records = Array.from({ length: 100 }, (_, row) => ({
      id: String(row),
      first: String(first(row)),
      second: String(second(row)),
    }));
    return datasetFromRecords("two-keys", records, { idColumn: "id" });
  }
  const byEach = [{ keys: [{ column: "first" }] }, { keys: [{ column: "second" }] }];

  it("stops before generating when exact counts are cheap and over the ceiling", () => {
    // Parity and half: 2,450 pairs each, 1,200 shared, 3,700 in all; plenty of pairs per row, so counted first.
    const dataset = twoKeyDataset(
      (row) => row % 2,
      (row) => (row < 50 ? 0 : 1),
    );
    let progressReports = 0;
    try {
      generateCandidatePairs(dataset, byEach, "dedupe", {
        maxPairs: 3000,
        onProgress: () => progressReports++,
      });
      expect.unreachable();
    } catch (error) {
      expect((error as TooManyPairsError).counts.totalPairs).toBe(3700);
    }
    expect(progressReports).toBe(0);
    expect(generateCandidatePairs(dataset, byEach, "dedupe", { maxPairs: 3700 }).count).toBe(3700);
  });

  it("stops while generating when counting first would cost more than the pairs", () => {
    // Neighbours (0, 1), (2, 3)… then (1, 2), (3, 4)…: 99 pairs from 100 rows, cheaper to generate than to count.
    const dataset = twoKeyDataset(
      (row) => Math.floor(row / 2),
      (row) => Math.floor((row + 1) / 2),
    );
    let progressReports = 0;
    try {
      generateCandidatePairs(dataset, byEach, "dedupe", {
        maxPairs: 60,
        onProgress: () => progressReports++,
      });
      expect.unreachable();
    } catch (error) {
      expect((error as TooManyPairsError).counts.totalPairs).toBe(99);
    }
    expect(progressReports).toBeGreaterThan(0);
    expect(generateCandidatePairs(dataset, byEach, "dedupe", { maxPairs: 99 }).count).toBe(99);
  });

  it("formats large counts with separators", () => {
    const big = datasetFromRecords(
      "big",
      Array.from({ length: 2000 }, (_, row) => ({ id: String(row), name: "SAME" })),
      { idColumn: "id" },
    );
    expect(() =>
      generateCandidatePairs(big, [{ keys: [{ column: "name" }] }], "dedupe", { maxPairs: 1000 }),
    ).toThrow(
      /1,999,000 pairs on its own.*more than the 1,000 candidate pairs allowed|more than the 1,000 candidate pairs allowed.*1,999,000 pairs on its own/,
    );
  });
});

describe("generation options and errors", () => {
  it("reports progress ending with every row scanned", () => {
    const { dataset } = randomCases("blocking-progress")[0]!;
    const reports: BlockingProgress[] = [];
    const pairs = generateCandidatePairs(dataset, rules, "dedupe", {
      maxPairs: 1_000_000,
      onProgress: (progress) => reports.push(progress),
    });
    const last = reports.at(-1)!;
    expect(last.rowsScanned).toBe(dataset.rowCount);
    expect(last.ruleCount).toBe(rules.length);
    expect(last.pairCount).toBe(pairs.count);
  });

  it("needs sources to link", () => {
    const { dataset } = randomCases("blocking-sources")[0]!;
    expect(() => generateCandidatePairs(dataset, rules, "link", { maxPairs: 100 })).toThrow(
      expect.objectContaining({ code: "BLOCKING_SOURCES_MISSING" }),
    );
  });

  it("refuses a ceiling that is not a whole number of pairs", () => {
    const { dataset } = randomCases("blocking-max")[0]!;
    expect(() => generateCandidatePairs(dataset, rules, "dedupe", { maxPairs: -1 })).toThrow(
      expect.objectContaining({ code: "SPEC_INVALID" }),
    );
  });
});

describe("cartesianPairs", () => {
  it("gives every allowed pair in row order", () => {
    for (const { linkType, dataset } of randomCases("blocking-cartesian")) {
      const expected: [number, number, number][] = [];
      for (let left = 0; left < dataset.rowCount; left++) {
        for (let right = left + 1; right < dataset.rowCount; right++) {
          if (linkType === "link" && sourceOf(dataset, left) === sourceOf(dataset, right)) continue;
          expected.push([0, left, right]);
        }
      }
      const pairs = cartesianPairs(dataset, linkType, { maxPairs: 1_000_000 });
      expect(triples(pairs)).toEqual(expected);
      expect(pairs.ruleNames).toEqual(["all pairs"]);
    }
  });

  it("is subject to the ceiling", () => {
    const { dataset } = randomCases("blocking-cartesian-ceiling")[0]!;
    const all = (dataset.rowCount * (dataset.rowCount - 1)) / 2;
    expect(cartesianPairs(dataset, "dedupe", { maxPairs: all }).count).toBe(all);
    expect(() => cartesianPairs(dataset, "dedupe", { maxPairs: all - 1 })).toThrow(
      expect.objectContaining({ code: "BLOCKING_TOO_MANY_PAIRS" }),
    );
  });
});
