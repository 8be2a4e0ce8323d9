// Quality pinned on public labelled data (FEBRL, fake_1000), as a user runs it: the example configs, loaded
// and run through the public API. Unsupervised: labels only score the result.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadConfig, loadInputs, memoryIo, Reporter } from "linkage-cli";
import { evaluateClusters, evaluateLinks, runLinkage } from "linkage-core";
import { describe, expect, it } from "vitest";
import { febrlTruth, repositoryRoot } from "../src/bench-support.js";

async function runExample(name: string, truthColumn?: string) {
  const config = await loadConfig(join(repositoryRoot, "examples", name, `${name}.config.json`));
  const inputs = await loadInputs(
    config,
    new Reporter(memoryIo(), "quiet"),
    truthColumn ? [truthColumn] : [],
  );
  return runLinkage(config.spec, inputs.datasets);
}

describe("example linkages", () => {
  it("links FEBRL 4a ↔ 4b with F1 ≥ 0.9995 and no false link", async () => {
    const result = await runExample("febrl4");
    const { decisions, predictions, context } = result;
    if (decisions.kind !== "links") throw new Error("expected one-to-one links");
    const left = Int32Array.from(decisions.selected, (pair) => predictions.pairs.left[pair]!);
    const right = Int32Array.from(decisions.selected, (pair) => predictions.pairs.right[pair]!);
    const evaluation = evaluateLinks({
      left,
      right,
      truth: febrlTruth(context.dataset.ids),
      linkType: "link",
      sourceOf: context.dataset.sourceOf,
    });
    expect(evaluation.totalTruePairs).toBe(5000);
    expect(evaluation.falsePositives).toBe(0);
    expect(evaluation.f1).toBeGreaterThanOrEqual(0.9995);
  });

  it("deduplicates FEBRL 3 with pairwise F1 ≥ 0.99", async () => {
    const result = await runExample("febrl3");
    if (result.decisions.kind !== "clusters") throw new Error("expected clusters");
    const evaluation = evaluateClusters(result.decisions.clusterOf, febrlTruth(result.context.dataset.ids));
    expect(evaluation.truePairs).toBe(6538);
    expect(evaluation.f1).toBeGreaterThanOrEqual(0.99);
  });

  it("gives byte-identical scores on a second run (seeded)", async () => {
    const first = await runExample("fake1000", "cluster");
    const second = await runExample("fake1000", "cluster");
    expect(
      Buffer.from(second.predictions.matchWeight.buffer).equals(
        Buffer.from(first.predictions.matchWeight.buffer),
      ),
    ).toBe(true);
    expect(second.parameters).toEqual(first.parameters);
  });
});

describe("example configs", () => {
  it("all parse (spec, inputs, outputs), whether or not their data is at hand", async () => {
    const names = readdirSync(join(repositoryRoot, "examples"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(names).toContain("registry-snds");
    for (const name of names) {
      const folder = join(repositoryRoot, "examples", name);
      for (const file of readdirSync(folder).filter((entry) => entry.endsWith(".config.json"))) {
        const config = await loadConfig(join(folder, file));
        expect(config.spec.comparisons.length, file).toBeGreaterThan(0);
      }
    }
  });
});
