// Blocking on hospital stays (several keys per record) against brute force: every pair sharing a stay once,
// first rule wins across single-key and key-set rules, counts before generation, chunks, explanations.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  type BlockingKey,
  type BlockingRuleSpec,
  checkBlockingRules,
  computeBlockingKeys,
  countCandidatePairs,
  generateCandidatePairChunks,
  generateCandidatePairs,
  ruleCapturesPair,
  TooManyPairsError,
} from "../src/blocking/index.js";
import { cellValue, combineDatasets, type Dataset, datasetFromRecords } from "../src/data/dataset.js";
import { SpecError } from "../src/errors.js";
import { parseDayNumber } from "../src/french/index.js";
import type { LinkType } from "../src/spec/types.js";

const ESTABLISHMENTS = ["750000001", "750000002", "130000003"];
const DAYS = ["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-05", "2020-02-01"];

function randomStays(random: () => number): string | null {
  const count = Math.floor(random() * 4);
  if (count === 0) return random() < 0.5 ? null : "";
  const stays: string[] = [];
  for (let stay = 0; stay < count; stay++) {
    const establishment = ESTABLISHMENTS[Math.floor(random() * ESTABLISHMENTS.length)]!;
    const admission = DAYS[Math.floor(random() * DAYS.length)]!;
    stays.push(`${establishment}|${admission}|${admission}`);
  }
  return stays.join(";");
}

function randomSource(name: string, rowCount: number, random: () => number): Dataset {
  const records = Array.from({ length: rowCount }, (_, row) => ({
    id: `${name}${row}`,
    sex: random() < 0.1 ? null : random() < 0.5 ? "1" : "2",
    stays: randomStays(random),
  }));
  return datasetFromRecords(name, records, { idColumn: "id", columns: ["sex", "stays"] });
}

/** Does a rule hold for two rows, from the strings alone (the reference the engine must agree with)? */
function referenceHolds(dataset: Dataset, rule: BlockingRuleSpec, left: number, right: number): boolean {
  for (const key of rule.keys) {
    const a = cellValue(dataset.columns.get(key.column)!, left);
    const b = cellValue(dataset.columns.get(key.column)!, right);
    if (a === null || b === null) return false;
    if (key.transform?.kind !== "hospitalStays") {
      if (a !== b) return false;
      continue;
    }
    const window = key.transform.admissionWindowDays ?? 0;
    const stays = (text: string) =>
      text
        .split(";")
        .filter((item) => item !== "")
        .map((item) => item.split("|"));
    const shared = stays(a).some(([finessA, admissionA]) =>
      stays(b).some(
        ([finessB, admissionB]) =>
          finessA === finessB &&
          Math.abs(parseDayNumber(admissionA!)! - parseDayNumber(admissionB!)!) <= window,
      ),
    );
    if (!shared) return false;
  }
  return true;
}

function sourceOf(dataset: Dataset, row: number): number {
  return "sourceOf" in dataset ? (dataset.sourceOf as Uint8Array)[row]! : 0;
}

function referencePairs(dataset: Dataset, rules: readonly BlockingRuleSpec[], linkType: LinkType): string[] {
  const found: string[] = [];
  for (let rule = 0; rule < rules.length; rule++) {
    for (let left = 0; left < dataset.rowCount; left++) {
      for (let right = left + 1; right < dataset.rowCount; right++) {
        if (linkType === "link" && sourceOf(dataset, left) === sourceOf(dataset, right)) continue;
        if (!referenceHolds(dataset, rules[rule]!, left, right)) continue;
        const earlier = rules.slice(0, rule).some((other) => referenceHolds(dataset, other, left, right));
        if (!earlier) found.push(`${rule}:${left}-${right}`);
      }
    }
  }
  return found;
}

function describePairs(pairs: {
  count: number;
  left: Int32Array;
  right: Int32Array;
  ruleIndex: Uint8Array;
}): string[] {
  return Array.from(
    { length: pairs.count },
    (_, p) => `${pairs.ruleIndex[p]}:${pairs.left[p]}-${pairs.right[p]}`,
  );
}

const stays = (admissionWindowDays?: number): BlockingKey => ({
  column: "stays",
  transform:
    admissionWindowDays === undefined
      ? { kind: "hospitalStays" }
      : { kind: "hospitalStays", admissionWindowDays },
});

const ruleLists: Record<string, BlockingRuleSpec[]> = {
  "stays alone": [{ keys: [stays()] }],
  "stays ±1 day": [{ keys: [stays(1)] }],
  "stays ±2 days and sex": [{ keys: [stays(2), { column: "sex" }] }],
  "sex, then stays ±1": [{ keys: [{ column: "sex" }] }, { keys: [stays(1)] }],
  "stays, then sex": [{ keys: [stays()] }, { keys: [{ column: "sex" }] }],
  "stays ±1, stays and sex, sex": [
    { keys: [stays(1)] },
    { keys: [stays(), { column: "sex" }] },
    { keys: [{ column: "sex" }] },
  ],
};

describe("blocking on hospital stays", () => {
  for (const [label, rules] of Object.entries(ruleLists)) {
    for (const linkType of ["dedupe", "link"] as const) {
      it(`${label} (${linkType}): the pairs of brute force, each once, first rule winning`, () => {
        let seen = 0;
        for (let trial = 0; trial < 8; trial++) {
          const random = seedrandom(`${label}-${linkType}-${trial}`);
          const dataset =
            linkType === "link"
              ? combineDatasets([randomSource("a", 14, random), randomSource("b", 17, random)])
              : randomSource("a", 30, random);
          const expected = referencePairs(dataset, rules, linkType);
          seen += expected.length;
          const pairs = generateCandidatePairs(dataset, rules, linkType, { maxPairs: 10_000 });
          expect(describePairs(pairs)).toEqual(expected);
          const counts = countCandidatePairs(dataset, rules, linkType);
          expect(counts.totalPairs).toBe(expected.length);
          expect(counts.rules.every((rule) => rule.exact)).toBe(true);
          const chunks = [
            ...generateCandidatePairChunks(dataset, rules, linkType, { maxPairs: 10_000, chunkPairs: 3 }),
          ];
          expect(chunks.flatMap(describePairs)).toEqual(expected);
        }
        // The random data must actually exercise the rules.
        expect(seen).toBeGreaterThan(20);
      });
    }
  }

  it("counts each rule's own pairs and the new pairs it adds", () => {
    const dataset = datasetFromRecords(
      "people",
      [
        { id: "1", sex: "1", stays: "750000001|2020-01-01|2020-01-02;750000002|2020-01-05|2020-01-05" },
        { id: "2", sex: "1", stays: "750000001|2020-01-02|2020-01-04;750000002|2020-01-05|2020-01-06" },
        { id: "3", sex: "2", stays: "750000001|2020-01-01|2020-01-01" },
        { id: "4", sex: "2", stays: null },
      ],
      { idColumn: "id" },
    );
    const counts = countCandidatePairs(
      dataset,
      [{ keys: [{ column: "sex" }] }, { keys: [stays(1)] }],
      "dedupe",
    );
    // Sex pairs 1-2 and 3-4. Stays ±1: 1-2 (twice over, counted once), 1-3, 2-3; 1-2 is sex's already.
    expect(counts.rules.map(({ pairs, newPairs }) => [pairs, newPairs])).toEqual([
      [2, 2],
      [3, 2],
    ]);
    expect(counts.totalPairs).toBe(4);
  });

  it("stops before any pair when one key-set rule alone exceeds the ceiling", () => {
    const random = seedrandom("ceiling");
    const dataset = randomSource("a", 40, random);
    const rules = [{ keys: [stays(2)] }];
    const total = countCandidatePairs(dataset, rules, "dedupe").totalPairs;
    expect(total).toBeGreaterThan(5);
    expect(() => generateCandidatePairs(dataset, rules, "dedupe", { maxPairs: total - 1 })).toThrow(
      TooManyPairsError,
    );
    expect(generateCandidatePairs(dataset, rules, "dedupe", { maxPairs: total }).count).toBe(total);
  });

  it("tells whether a rule captures one pair, for explanations", () => {
    const random = seedrandom("explain");
    const dataset = randomSource("a", 20, random);
    const rule = { keys: [stays(1), { column: "sex" }] };
    for (let left = 0; left < dataset.rowCount; left++) {
      for (let right = left + 1; right < dataset.rowCount; right++) {
        expect(ruleCapturesPair(dataset, rule, left, right)).toBe(referenceHolds(dataset, rule, left, right));
      }
    }
    expect(ruleCapturesPair(dataset, { keys: [{ column: "sex" }] }, 0, 0)).toBe(false);
  });

  it("has no single key code per record, and says so", () => {
    const dataset = randomSource("a", 5, seedrandom("codes"));
    expect(() => computeBlockingKeys(dataset, { keys: [stays()] })).toThrow(SpecError);
    expect(() => computeBlockingKeys(dataset, { keys: [stays()] })).toThrow(/several keys/);
  });

  it("checks the admission window", () => {
    const dataset = randomSource("a", 5, seedrandom("window"));
    try {
      checkBlockingRules(dataset, [{ keys: [stays(-1)] }, { keys: [stays(31)] }, { keys: [stays(1.5)] }]);
      expect.unreachable();
    } catch (error) {
      expect((error as SpecError).issues.map((issue) => issue.jsonPath)).toEqual([
        "$.blockingRules[0].keys[0].transform.admissionWindowDays",
        "$.blockingRules[1].keys[0].transform.admissionWindowDays",
        "$.blockingRules[2].keys[0].transform.admissionWindowDays",
      ]);
    }
  });
});
