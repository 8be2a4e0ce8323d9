// --threads on run, predict and train: outputs byte for byte the same whatever the number of threads (only the
// timings and the thread count in summary.json differ), and a usage error for a count that is not ≥ 1.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, workspace } from "./cli-helpers.js";

let folder: string;
let remove: () => void;
beforeAll(() => {
  ({ folder, remove } = workspace());
});
afterAll(() => remove());

const read = (...path: string[]) => readFileSync(join(folder, ...path), "utf8");

/** summary.json without what legitimately varies between runs. */
function stableSummary(output: string): unknown {
  const {
    timingsMs: _timings,
    threads,
    ...rest
  } = JSON.parse(read(output, "summary.json")) as Record<string, unknown>;
  expect(typeof threads).toBe("number");
  return rest;
}

describe("--threads", () => {
  it("gives the same outputs from run on one, two and three threads", async () => {
    for (const threads of ["1", "2", "3"]) {
      const run = await cli(
        folder,
        "run",
        "febrl.config.json",
        "-o",
        `run-${threads}`,
        "--threads",
        threads,
        "--quiet",
      );
      expect(run.code, run.err).toBe(0);
      expect(JSON.parse(read(`run-${threads}`, "summary.json")).threads).toBe(Number(threads));
    }
    const pairs = read("run-1", "pairs.csv");
    expect(pairs.split("\n").length).toBeGreaterThan(150);
    for (const other of ["run-2", "run-3"]) {
      expect(read(other, "pairs.csv")).toBe(pairs);
      expect(read(other, "links.csv")).toBe(read("run-1", "links.csv"));
      expect(read(other, "model.json")).toBe(read("run-1", "model.json"));
      expect(stableSummary(other)).toEqual(stableSummary("run-1"));
    }
  });

  it("predicts with a saved model as run scored, and trains the same model, on any thread count", async () => {
    const run = await cli(folder, "run", "febrl.config.json", "-o", "reference", "--threads", "1", "--quiet");
    expect(run.code, run.err).toBe(0);
    const predicted = await cli(
      folder,
      "predict",
      "febrl.config.json",
      "--model",
      "reference/model.json",
      "-o",
      "predicted",
      "--threads",
      "2",
      "--quiet",
    );
    expect(predicted.code, predicted.err).toBe(0);
    expect(read("predicted", "pairs.csv")).toBe(read("reference", "pairs.csv"));
    expect(read("predicted", "links.csv")).toBe(read("reference", "links.csv"));

    for (const threads of ["1", "2"]) {
      const trained = await cli(
        folder,
        "train",
        "febrl.config.json",
        "-o",
        `model-${threads}.json`,
        "--threads",
        threads,
        "--quiet",
      );
      expect(trained.code, trained.err).toBe(0);
    }
    const parameters = (file: string) => JSON.parse(read(file)).parameters;
    expect(parameters("model-2.json")).toEqual(parameters("model-1.json"));
    expect(parameters("model-1.json")).toEqual(parameters("reference/model.json"));
  });

  it("refuses a thread count below one as a usage error", async () => {
    const refused = await cli(folder, "run", "febrl.config.json", "-o", "never", "--threads", "0");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--threads");
  });
});
