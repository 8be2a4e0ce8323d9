// `linkage cluster` and `linkage evaluate`, run in memory on the results of a run over the fixtures.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, jsonResult, workspace } from "./cli-helpers.js";

let folder: string;
let remove: () => void;
beforeAll(async () => {
  ({ folder, remove } = workspace());
  for (const config of ["febrl", "fake"]) {
    const run = await cli(folder, "run", `${config}.config.json`, "-q");
    if (run.code !== 0) throw new Error(`run failed: ${run.err}`);
  }
});
afterAll(() => remove());

const csvRows = (path: string) =>
  readFileSync(join(folder, path), "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(","));

interface ClusterData {
  pairsRead: number;
  pairsAtThreshold: number;
  records: number;
  clusters?: number;
  links?: number;
  ambiguousLinks?: number;
  method?: string;
}

describe("linkage cluster", () => {
  it("groups the pairs at or above a probability into connected components", async () => {
    const run = await cli(folder, "cluster", "out-febrl/pairs.csv", "--threshold", "0.9", "--json");
    expect(run.code).toBe(0);
    const data = jsonResult<ClusterData>(run);
    const pairs = csvRows("out-febrl/pairs.csv").slice(1);
    expect(data.pairsRead).toBe(pairs.length);
    expect(data.pairsAtThreshold).toBe(pairs.filter((row) => Number(row[5]) >= 0.9).length);
    const clusters = csvRows("out-febrl/clusters.csv");
    expect(clusters[0]).toEqual(["id", "source", "cluster_id"]);
    expect(clusters.length - 1).toBe(data.records);
    // Every kept pair ends in one cluster.
    const clusterOf = new Map(clusters.slice(1).map((row) => [`${row[1]}/${row[0]}`, row[2]]));
    for (const row of pairs.filter((pair) => Number(pair[5]) >= 0.9)) {
      expect(clusterOf.get(`${row[2]}/${row[0]}`)).toBe(clusterOf.get(`${row[3]}/${row[1]}`));
    }
  });

  it("thresholds on match weight too", async () => {
    const run = await cli(
      folder,
      "cluster",
      "out-febrl/pairs.csv",
      "--threshold-weight",
      "5",
      "-o",
      "w5.csv",
      "--json",
    );
    const pairs = csvRows("out-febrl/pairs.csv").slice(1);
    expect(jsonResult<ClusterData>(run).pairsAtThreshold).toBe(
      pairs.filter((row) => Number(row[4]) >= 5).length,
    );
  });

  it("links one to one, best first or optimal, into links.csv", async () => {
    const best = jsonResult<ClusterData>(
      await cli(folder, "cluster", "out-febrl/pairs.csv", "--one-to-one", "-o", "best.csv", "--json"),
    );
    const optimal = jsonResult<ClusterData>(
      await cli(
        folder,
        "cluster",
        "out-febrl/pairs.csv",
        "--one-to-one",
        "--optimal",
        "-o",
        "optimal.csv",
        "--json",
      ),
    );
    expect(best.method).toBe("bestFirst");
    expect(optimal.method).toBe("optimal");
    for (const file of ["best.csv", "optimal.csv"]) {
      const rows = csvRows(file);
      expect(rows[0]).toEqual(["id_l", "id_r", "source_l", "source_r", "match_probability", "ambiguous"]);
      const left = rows.slice(1).map((row) => row[0]);
      const right = rows.slice(1).map((row) => row[1]);
      expect(new Set(left).size).toBe(left.length);
      expect(new Set(right).size).toBe(right.length);
    }
    // At the run's own threshold and method, the links are the run's links.
    const runLinks = csvRows("out-febrl/links.csv")
      .map((row) => `${row[0]},${row[1]}`)
      .sort();
    const again = csvRows("best.csv")
      .map((row) => `${row[0]},${row[1]}`)
      .sort();
    expect(again).toEqual(runLinks);
  });

  it("refuses contradictory or incomplete options as usage errors", async () => {
    expect((await cli(folder, "cluster", "out-febrl/pairs.csv", "--optimal")).code).toBe(2);
    const both = await cli(
      folder,
      "cluster",
      "out-febrl/pairs.csv",
      "--threshold",
      "0.5",
      "--threshold-weight",
      "1",
    );
    expect(both.code).toBe(2);
    expect((await cli(folder, "cluster", "out-febrl/pairs.csv", "--threshold", "1.5")).code).toBe(2);
  });

  it("refuses to replace an output file without --force, and a file that holds no pairs", async () => {
    const again = await cli(folder, "cluster", "out-febrl/pairs.csv", "-o", "best.csv");
    expect(again.code).toBe(3);
    expect(again.err).toContain("OUTPUT_EXISTS");
    const clusters = await cli(folder, "cluster", "out-fake/clusters.csv", "-o", "x.csv");
    expect(clusters.code).toBe(3);
    expect(clusters.err).toContain("RESULT_FILE_KIND");
    const other = await cli(folder, "cluster", "febrl-truth.csv", "-o", "y.csv");
    expect(other.code).toBe(3);
    expect(other.err).toContain("RESULT_FILE_UNKNOWN");
  });
});

interface EvaluateData {
  kind: string;
  linkType: string;
  evaluation: {
    precision: number;
    recall: number;
    f1: number;
    truePositives: number;
    falsePositives: number;
    totalTruePairs?: number;
    truePairs?: number;
  };
  curve?: {
    best: { f1: number; matchProbability: number };
    points: { matchProbability: number }[];
    totalTruePairs: number;
  };
}

describe("linkage evaluate", () => {
  it("scores links.csv against a record → entity truth", async () => {
    const run = await cli(folder, "evaluate", "out-febrl/links.csv", "--truth", "febrl-truth.csv");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/precision \d\.\d{4}\s+recall \d\.\d{4}\s+F1 \d\.\d{4}/);
    const data = jsonResult<EvaluateData>(
      await cli(folder, "evaluate", "out-febrl/links.csv", "-t", "febrl-truth.csv", "--json"),
    );
    expect(data.kind).toBe("links");
    expect(data.linkType).toBe("link");
    expect(data.evaluation.totalTruePairs).toBe(150);
    // Counted by hand from the files: a link is true when both ids carry the same record number.
    const links = csvRows("out-febrl/links.csv").slice(1);
    const number = (id: string) => id.split("-")[1];
    const correct = links.filter((row) => number(row[0]!) === number(row[1]!)).length;
    expect(data.evaluation.truePositives).toBe(correct);
    expect(data.evaluation.falsePositives).toBe(links.length - correct);
    expect(data.evaluation.recall).toBeCloseTo(correct / 150, 12);
  });

  it("gives the same scores from a list of true pairs", async () => {
    const entities = jsonResult<EvaluateData>(
      await cli(folder, "evaluate", "out-febrl/links.csv", "-t", "febrl-truth.csv", "--json"),
    );
    const pairs = jsonResult<EvaluateData>(
      await cli(
        folder,
        "evaluate",
        "out-febrl/links.csv",
        "-t",
        "febrl-truth-pairs.csv",
        "--truth-pairs",
        "--json",
      ),
    );
    expect(pairs.evaluation).toEqual(entities.evaluation);
  });

  it("draws the precision–recall curve of pairs.csv and finds the best threshold", async () => {
    const run = await cli(
      folder,
      "evaluate",
      "out-febrl/pairs.csv",
      "-t",
      "febrl-truth.csv",
      "--threshold",
      "0.5",
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain("Precision and recall by threshold");
    expect(run.out).toMatch(/best F1 \d\.\d{4} at match probability ≥/);
    const data = jsonResult<EvaluateData>(
      await cli(folder, "evaluate", "out-febrl/pairs.csv", "-t", "febrl-truth.csv", "--json"),
    );
    expect(data.curve!.totalTruePairs).toBe(150);
    expect(data.curve!.best.f1).toBeGreaterThanOrEqual(data.evaluation.f1 - 1e-12);
    const probabilities = data.curve!.points.map((point) => point.matchProbability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
  });

  it("scores clusters.csv as the run scored them against its truth column", async () => {
    const summary = JSON.parse(readFileSync(join(folder, "out-fake", "summary.json"), "utf8"));
    const run = await cli(
      folder,
      "evaluate",
      "out-fake/clusters.csv",
      "--truth",
      "fake-300.csv",
      "--id-column",
      "unique_id",
      "--entity-column",
      "cluster",
      "--json",
    );
    expect(run.code).toBe(0);
    const data = jsonResult<EvaluateData>(run);
    expect(data.kind).toBe("clusters");
    expect(data.evaluation).toEqual(summary.evaluation);
  });

  it("fails clearly on a truth column that does not exist and on a file that is no result", async () => {
    const column = await cli(
      folder,
      "evaluate",
      "out-febrl/links.csv",
      "-t",
      "febrl-truth.csv",
      "--entity-column",
      "entity",
    );
    expect(column.code).toBe(3);
    expect(column.err).toContain("TRUTH_MISSING_COLUMN");
    expect(column.err).toContain('"entity_id"');
    const unknown = await cli(folder, "evaluate", "febrl-truth.csv", "-t", "febrl-truth.csv");
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain("RESULT_FILE_UNKNOWN");
  });

  it("refuses a truth that gives one record two entities", async () => {
    writeFileSync(join(folder, "conflict.csv"), "rec_id,entity_id\nrec-0-org,1\nrec-0-org,2\n");
    const run = await cli(folder, "evaluate", "out-febrl/links.csv", "-t", "conflict.csv");
    expect(run.code).toBe(3);
    expect(run.err).toContain("TRUTH_CONFLICT");
    expect(run.err).toContain("conflict.csv:3");
  });

  it("refuses to score nothing: a list of true pairs read as record → entity judges no link", async () => {
    const pairsFile = readFileSync(join(folder, "febrl-truth-pairs.csv"), "utf8");
    const run = await cli(folder, "evaluate", "out-febrl/links.csv", "-t", "febrl-truth-pairs.csv");
    // Read as record → entity, each left id gets its right id as entity: no two records share one.
    expect(pairsFile.split("\n").length).toBeGreaterThan(100);
    expect(run.code).toBe(3);
    expect(run.err).toContain("EVALUATION_NOTHING_JUDGED");
    expect(run.err).toContain("--truth-pairs");
  });
});
