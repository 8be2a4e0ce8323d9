// `linkage train`, `linkage predict` and `linkage explain`, run in memory on the fixtures.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseModelFile } from "linkage-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, jsonResult, workspace } from "./cli-helpers.js";

let folder: string;
let remove: () => void;
beforeAll(async () => {
  ({ folder, remove } = workspace());
  const trained = await cli(folder, "train", "febrl.config.json", "-o", "model.json", "--quiet");
  if (trained.code !== 0) throw new Error(`training failed: ${trained.err}`);
});
afterAll(() => remove());

describe("linkage train", () => {
  it("writes a model file that parses, and prints the training summary and the parameters", async () => {
    const run = await cli(folder, "train", "febrl.config.json", "-o", "model-2.json");
    expect(run.code).toBe(0);
    expect(run.out).toContain("EM session (blocking rule)");
    expect(run.out).toContain("Model (prior match probability λ =");
    expect(run.out).toMatch(/given_name\n\s+level\s+m\s+u\s+weight/);
    expect(run.out).toContain(`Model file: ${join(folder, "model-2.json")}`);
    const model = parseModelFile(readFileSync(join(folder, "model-2.json"), "utf8"));
    expect(model.parameters.comparisons.map((comparison) => comparison.name)).toEqual([
      "given_name",
      "surname",
      "street_number",
      "address_1",
      "suburb",
      "postcode",
      "state",
      "date_of_birth",
    ]);
    expect(model.termFrequencyTables).toBeUndefined();
    // Seeded: the same config trains the same model, byte for byte.
    expect(readFileSync(join(folder, "model-2.json"), "utf8")).toBe(
      readFileSync(join(folder, "model.json"), "utf8"),
    );
  });

  it("refuses to replace a model file without --force, before training", async () => {
    const run = await cli(folder, "train", "febrl.config.json", "-o", "model.json");
    expect(run.code).toBe(3);
    expect(run.err).toContain("OUTPUT_EXISTS");
    expect(run.err).toContain("--force");
    expect((await cli(folder, "train", "febrl.config.json", "-o", "model.json", "--force", "-q")).code).toBe(
      0,
    );
  });

  it("stores term-frequency tables only when asked, with a warning that the file now holds values", async () => {
    const run = await cli(
      folder,
      "train",
      "febrl.config.json",
      "-o",
      "model-tf.json",
      "--term-frequency-tables",
    );
    expect(run.code).toBe(0);
    expect(run.err).toContain("MODEL_HOLDS_VALUES");
    const model = parseModelFile(readFileSync(join(folder, "model-tf.json"), "utf8"));
    expect(model.termFrequencyTables?.map((table) => table.column)).toEqual(["given_name", "surname"]);
    const frequencies = Object.values(model.termFrequencyTables![0]!.frequencies);
    expect(frequencies.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 9);
  });

  it("trains from the truth column with --labels (supervised), and refuses it without a truth", async () => {
    const run = await cli(folder, "train", "fake.config.json", "-o", "model-labels.json", "--labels", "-q");
    expect(run.code).toBe(0);
    const model = parseModelFile(readFileSync(join(folder, "model-labels.json"), "utf8"));
    expect(model.training.priorSource).toBe("labels");
    expect(model.training.sessions).toEqual([]);
    expect(model.training.counts.labelledPairCount).toBeGreaterThan(0);
    const refused = await cli(folder, "train", "febrl.config.json", "-o", "model-refused.json", "--labels");
    expect(refused.code).toBe(3);
    expect(refused.err).toContain("$.truth");
  });

  it("gives the training summary as JSON", async () => {
    const data = jsonResult<{
      priorMatchProbability: number;
      training: { sessions: unknown[] };
      comparisons: unknown[];
    }>(await cli(folder, "train", "febrl.config.json", "-o", "model-json.json", "--json"));
    expect(data.priorMatchProbability).toBeGreaterThan(0);
    expect(data.priorMatchProbability).toBeLessThan(1);
    expect(data.training.sessions).toHaveLength(4);
    expect(data.comparisons).toHaveLength(8);
  });
});

describe("linkage predict", () => {
  it("scores the inputs with the saved model and writes pairs.csv, links.csv and summary.json", async () => {
    const run = await cli(folder, "predict", "febrl.config.json", "--model", "model.json", "-o", "predicted");
    expect(run.code).toBe(0);
    expect(run.out).toContain("Model: ");
    expect(run.out).toContain("Linkage (link) of febrl4a: 150 records, febrl4b: 200 records");
    expect(readdirSync(join(folder, "predicted")).sort()).toEqual(["links.csv", "pairs.csv", "summary.json"]);
    const summary = JSON.parse(readFileSync(join(folder, "predicted", "summary.json"), "utf8"));
    expect(summary.modelFile).toBe(join(folder, "model.json"));
    expect(summary.training).toBeUndefined();
    const model = parseModelFile(readFileSync(join(folder, "model.json"), "utf8"));
    expect(summary.model.priorMatchProbability).toBe(model.parameters.priorMatchProbability);
    const header = readFileSync(join(folder, "predicted", "pairs.csv"), "utf8").split("\n")[0];
    expect(header).toMatch(/^id_l,id_r,source_l,source_r,match_weight,match_probability,given_name_level/);
  });

  it("matches what `run` gives when the model is the one `run` would train", async () => {
    await cli(folder, "run", "febrl.config.json", "-o", "run-out", "-q");
    await cli(
      folder,
      "predict",
      "febrl.config.json",
      "--model",
      "run-out/model.json",
      "-o",
      "predict-out",
      "-q",
    );
    const links = (dir: string) => readFileSync(join(folder, dir, "links.csv"), "utf8");
    expect(links("predict-out")).toBe(links("run-out"));
  });

  it("refuses an existing output folder without --force", async () => {
    const run = await cli(folder, "predict", "febrl.config.json", "--model", "model.json", "-o", "predicted");
    expect(run.code).toBe(3);
    expect(run.err).toContain("OUTPUT_EXISTS");
  });

  it("refuses a model that does not fit the data, naming the missing columns, and writes nothing", async () => {
    const run = await cli(folder, "predict", "fake.config.json", "--model", "model.json", "-o", "misfit");
    expect(run.code).toBe(3);
    expect(run.err).toContain("MODEL_DATA_MISMATCH");
    expect(run.err).toContain('"given_name"');
    expect(run.err).toContain("fake-300.csv");
    expect(existsSync(join(folder, "misfit"))).toBe(false);
    expect(readdirSync(folder).some((name) => name.startsWith(".misfit"))).toBe(false);
  });

  it("reports a missing or malformed model file clearly", async () => {
    const missing = await cli(folder, "predict", "febrl.config.json", "--model", "nope.json", "-o", "x");
    expect(missing.code).toBe(3);
    expect(missing.err).toContain("MODEL_NOT_FOUND");
    const notModel = await cli(
      folder,
      "predict",
      "febrl.config.json",
      "--model",
      "febrl-truth.csv",
      "-o",
      "x",
    );
    expect(notModel.code).toBe(3);
    expect(notModel.err).toContain("MODEL_INVALID");
  });

  it("needs --model (usage error)", async () => {
    expect((await cli(folder, "predict", "febrl.config.json")).code).toBe(2);
  });
});

interface ExplainData {
  records: { id: string; source: string }[];
  blockingRule: string | null;
  explanation: {
    priorWeight: number;
    matchWeight: number;
    matchProbability: number;
    comparisons: { name: string; label: string; partialWeight: number; termFrequencyWeight: number }[];
  };
  values?: { comparison: string; left: string; right: string }[];
}

describe("linkage explain", () => {
  it("explains a pair term by term, adding up to the weight pairs.csv gives it", async () => {
    const run = await cli(
      folder,
      "explain",
      "model.json",
      "rec-0-org",
      "rec-0-dup-0",
      "--config",
      "febrl.config.json",
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain("Pair rec-0-org (febrl4a) – rec-0-dup-0 (febrl4b)");
    expect(run.out).toContain("prior (λ =");
    expect(run.out).toMatch(/│█+/);
    expect(run.out).toContain("match weight");
    expect(run.out).toContain("record values hidden");
    const data = jsonResult<ExplainData>(
      await cli(
        folder,
        "explain",
        "model.json",
        "rec-0-org",
        "rec-0-dup-0",
        "-c",
        "febrl.config.json",
        "--json",
      ),
    );
    const terms = data.explanation.comparisons.reduce(
      (total, comparison) => total + comparison.partialWeight + comparison.termFrequencyWeight,
      data.explanation.priorWeight,
    );
    expect(data.explanation.matchWeight).toBeCloseTo(terms, 9);
    const pairs = readFileSync(join(folder, "predicted", "pairs.csv"), "utf8").split("\n");
    const line = pairs.find((row) => row.startsWith("rec-0-org,rec-0-dup-0,"));
    expect(line).toBeDefined();
    expect(data.explanation.matchWeight).toBeCloseTo(Number(line!.split(",")[4]), 3);
    expect(data.blockingRule).not.toBeNull();
    expect(data.values).toBeUndefined();
  });

  it("shows the compared values only with --show-values", async () => {
    const source = readFileSync(join(folder, "febrl4a-150.csv"), "utf8").split("\n");
    const surname = source
      .find((row) => row.startsWith("rec-0-org,"))!
      .split(",")[2]!
      .trim();
    const hidden = await cli(
      folder,
      "explain",
      "model.json",
      "rec-0-org",
      "rec-0-dup-0",
      "-c",
      "febrl.config.json",
    );
    expect(hidden.out).not.toContain(surname);
    const shown = await cli(
      folder,
      "explain",
      "model.json",
      "rec-0-org",
      "rec-0-dup-0",
      "-c",
      "febrl.config.json",
      "--show-values",
    );
    expect(shown.out).toContain(surname);
  });

  it("says when no blocking rule would make the pair a candidate", async () => {
    const data = jsonResult<ExplainData>(
      await cli(
        folder,
        "explain",
        "model.json",
        "rec-0-org",
        "rec-1-dup-0",
        "-c",
        "febrl.config.json",
        "--json",
      ),
    );
    // rec-0-org and rec-1-dup-0 differ on given_name, surname, date_of_birth and postcode: no rule holds.
    expect(data.blockingRule).toBeNull();
    expect(data.explanation.matchWeight).toBeLessThan(0);
    const run = await cli(
      folder,
      "explain",
      "model.json",
      "rec-0-org",
      "rec-1-dup-0",
      "-c",
      "febrl.config.json",
    );
    expect(run.out).toContain("No blocking rule captures this pair");
    expect(run.out).toContain("below the model's linking threshold");
  });

  it("fails clearly on an unknown id (exit 3)", async () => {
    const run = await cli(
      folder,
      "explain",
      "model.json",
      "rec-0-org",
      "no-such-record",
      "-c",
      "febrl.config.json",
    );
    expect(run.code).toBe(3);
    expect(run.err).toContain("EXPLAIN_UNKNOWN_ID");
    expect(run.err).toContain("second record id");
  });
});
