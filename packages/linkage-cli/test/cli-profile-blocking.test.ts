// `linkage profile` and `linkage blocking`, run in memory on the fixtures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ColumnProfile } from "linkage-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, jsonResult, workspace } from "./cli-helpers.js";

let folder: string;
let remove: () => void;
beforeAll(() => ({ folder, remove } = workspace()));
afterAll(() => remove());

describe("linkage profile", () => {
  it("profiles every column of every input, with the most frequent values", async () => {
    const run = await cli(folder, "profile", "febrl.config.json", "--top", "3");
    expect(run.code).toBe(0);
    expect(run.out).toContain("Input febrl4a: 150 records");
    expect(run.out).toContain("Input febrl4b: 200 records");
    expect(run.out).toContain('id column "rec_id"');
    // address_2 and soc_sec_id are not used by the spec: a profile still shows them.
    expect(run.out).toMatch(/address_2\s+\d/);
    expect(run.out).toMatch(/soc_sec_id\s+100\.0 %\s+150/);
    expect(run.out).toContain("Most frequent values");
    expect(run.out).toContain("use --hide-values before sharing it");
  });

  it("hides every value with --hide-values, keeping the counts", async () => {
    const run = await cli(folder, "profile", "febrl.config.json", "--hide-values", "--json");
    expect(run.code).toBe(0);
    const data = jsonResult<{ valuesHidden: boolean; inputs: { columns: ColumnProfile[] }[] }>(run);
    expect(data.valuesHidden).toBe(true);
    const columns = data.inputs[0]!.columns;
    expect(columns.map((column) => column.column)).toContain("soc_sec_id");
    expect(columns.every((column) => column.topValues.length === 0 && column.topCount > 0)).toBe(true);
    const human = await cli(folder, "profile", "febrl.config.json", "--hide-values");
    const surnames = readFileSync(join(folder, "febrl4a-150.csv"), "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[2]?.trim() ?? "")
      .filter((value) => value.length >= 5);
    expect(surnames.length).toBeGreaterThan(50);
    for (const surname of surnames) expect(human.out).not.toContain(surname);
  });

  it("counts completeness and lengths as the data holds them", async () => {
    const data = jsonResult<{ inputs: { columns: ColumnProfile[] }[] }>(
      await cli(folder, "profile", "fake.config.json", "--json", "--raw"),
    );
    const email = data.inputs[0]!.columns.find((column) => column.column === "email")!;
    expect(email.rows).toBe(300);
    expect(email.completeness).toBeCloseTo(email.nonNull / 300, 10);
    expect(email.minLength).toBeLessThanOrEqual(email.meanLength);
    expect(email.meanLength).toBeLessThanOrEqual(email.maxLength);
  });

  it("refuses --top 0 as a usage error", async () => {
    const run = await cli(folder, "profile", "febrl.config.json", "--top", "0");
    expect(run.code).toBe(2);
    expect(run.err).toContain("whole number");
  });
});

interface BlockingData {
  comparisonSpace: number;
  candidatePairs: number;
  reductionRatio: number;
  rules: {
    name: string;
    pairs: number;
    newPairs: number;
    cumulativePairs: number;
    cumulativeRecall?: number;
  }[];
  recall?: { truePairs: number; truePairsFound: number; recall: number };
}

describe("linkage blocking", () => {
  it("counts pairs per rule and cumulatively, with the comparison space and the reduction ratio", async () => {
    const run = await cli(folder, "blocking", "febrl.config.json");
    expect(run.code).toBe(0);
    expect(run.out).toContain("Comparison space: 30,000 pairs");
    expect(run.out).toMatch(/given_name\s+[\d,]+/);
    expect(run.out).toContain("reduction ratio");
    const data = jsonResult<BlockingData>(await cli(folder, "blocking", "febrl.config.json", "--json"));
    expect(data.comparisonSpace).toBe(150 * 200);
    expect(data.rules.map((rule) => rule.name)).toEqual([
      "given_name",
      "surname",
      "date_of_birth",
      "postcode",
    ]);
    let total = 0;
    for (const rule of data.rules) {
      expect(rule.newPairs).toBeLessThanOrEqual(rule.pairs);
      total += rule.newPairs;
      expect(rule.cumulativePairs).toBe(total);
    }
    expect(data.candidatePairs).toBe(total);
    expect(data.reductionRatio).toBeCloseTo(1 - total / 30_000, 12);
    expect(data.recall).toBeUndefined();
  });

  it("gives blocking recall per rule when the config has a truth column", async () => {
    const run = await cli(folder, "blocking", "fake.config.json", "--json");
    expect(run.code).toBe(0);
    const data = jsonResult<BlockingData>(run);
    const recalls = data.rules.map((rule) => rule.cumulativeRecall!);
    for (let index = 1; index < recalls.length; index++)
      expect(recalls[index]).toBeGreaterThanOrEqual(recalls[index - 1]!);
    expect(data.recall!.recall).toBeCloseTo(recalls.at(-1)!, 12);
    expect(data.recall!.truePairsFound).toBeLessThanOrEqual(data.recall!.truePairs);
    expect(data.recall!.truePairs).toBeGreaterThan(0);
    const human = await cli(folder, "blocking", "fake.config.json");
    expect(human.out).toContain('Blocking recall against "cluster"');
    expect(human.out).toContain("cumulative recall");
  });

  it("reports a config error with its path and exit code 3", async () => {
    const run = await cli(folder, "blocking", "bad/unknown-key.config.json");
    expect(run.code).toBe(3);
    expect(run.err).toContain("SPEC_INVALID");
    expect(run.err).toContain("$.inputs[1]");
    expect(run.err).toContain("idColum");
  });
});
