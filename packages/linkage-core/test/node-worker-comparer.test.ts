// The worker-thread comparer: byte-identical results whatever the number of threads, in memory and streaming,
// and failures that surface as typed errors instead of hangs. Workers run the compiled script of dist/ (the root
// `pnpm test` builds it first; after changing the core, rebuild with `npx tsc -b packages/linkage-core`).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LinkageError } from "../src/errors.js";
import { createWorkerComparer } from "../src/node/worker-comparer.js";
import { prepareLinkage } from "../src/pipeline/prepare-linkage.js";
import type { ProgressEvent } from "../src/pipeline/progress.js";
import { type LinkageResult, runLinkage } from "../src/pipeline/run-linkage.js";
import { streamLinkage } from "../src/pipeline/stream-linkage.js";
import { parseSpec } from "../src/spec/parse-spec.js";
import { dedupeSpec, duplicatedPeople } from "./scale-fixture.js";

const dataset = duplicatedPeople(2500, "workers");

/** A digest of the array's bytes: equal digests, byte-identical arrays (and quick to compare). */
function bytes(array: ArrayBufferView): string {
  const digest = createHash("sha256");
  digest.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return `${array.byteLength}:${digest.digest("hex")}`;
}

/** Everything a run outputs, as bytes and plain values, to compare runs exactly. */
function fingerprint(result: LinkageResult) {
  const { predictions, decisions } = result;
  return {
    parameters: JSON.stringify(result.parameters),
    training: JSON.stringify(result.training),
    left: bytes(predictions.pairs.left),
    right: bytes(predictions.pairs.right),
    levels: predictions.vectors.levels.map(bytes),
    matchWeight: bytes(predictions.matchWeight),
    matchProbability: bytes(predictions.matchProbability),
    patterns: bytes(predictions.patterns.patterns),
    patternCounts: bytes(predictions.patterns.counts),
    decisions: decisions.kind === "clusters" ? bytes(decisions.clusterOf) : bytes(decisions.selected),
    errorRates: JSON.stringify(result.errorRates),
  };
}

describe("createWorkerComparer", () => {
  it("gives byte-identical runs on 1, 2 and 3 threads", () => {
    const runs = [1, 2, 3].map((threads) =>
      fingerprint(
        runLinkage(dedupeSpec, [dataset], {
          createComparer: (context) => createWorkerComparer(context, { threads, blockPairs: 1000 }),
        }),
      ),
    );
    expect(Number(runs[0]!.left.split(":")[0])).toBeGreaterThan(4 * 20_000);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("gives byte-identical streamed runs on 1, 2 and 3 threads, equal to the in-memory run", async () => {
    const inMemory = runLinkage(dedupeSpec, [dataset]);
    const runs: ReturnType<typeof fingerprint>[] = [];
    for (const threads of [1, 2, 3]) {
      const output: number[] = [];
      const streamed = await streamLinkage(dedupeSpec, [dataset], {
        chunkPairs: 3000,
        outputMinimumProbability: 0.05,
        onPairs: (batch) => {
          output.push(...batch.matchWeight);
        },
        createComparer: (context) => createWorkerComparer(context, { threads, blockPairs: 700 }),
      });
      expect(output.length).toBe(streamed.outputPairCount);
      expect(output.length).toBeGreaterThan(streamed.predictions.pairs.count);
      runs.push({ ...fingerprint(streamed), output: bytes(Float64Array.from(output)) } as never);
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    expect(runs[0]!.parameters).toBe(JSON.stringify(inMemory.parameters));
    expect(runs[0]!.errorRates).toBe(JSON.stringify(inMemory.errorRates));
  });

  it("stays exact when hash-cached comparisons change owner between tasks in flight", async () => {
    // No dense table anywhere: string comparisons get hash caches, which helpers take last, each with its own
    // cold cache; costs measured on tiny chunks move owners while the next chunk is already being compared.
    const cache = { maxDenseBytes: 0 };
    const reference = runLinkage(dedupeSpec, [dataset], { cache });
    for (const threads of [2, 3]) {
      const streamed = await streamLinkage(dedupeSpec, [dataset], {
        cache,
        chunkPairs: 1500,
        createComparer: (context) =>
          createWorkerComparer(context, {
            threads,
            blockPairs: 200,
            rebalancePairs: 500,
            compileOptions: { cache },
          }),
      });
      expect(JSON.stringify(streamed.parameters)).toBe(JSON.stringify(reference.parameters));
      expect(JSON.stringify(streamed.errorRates)).toBe(JSON.stringify(reference.errorRates));
    }
  });

  it("compares ranges of arrays it did not allocate, reports progress, and refuses use after close", () => {
    const context = prepareLinkage(dedupeSpec, [dataset]);
    const comparer = createWorkerComparer(context, { threads: 2, blockPairs: 100 });
    const inProcess = createWorkerComparer(context, { threads: 1 });
    expect(comparer.threads).toBe(2);
    expect(inProcess.threads).toBe(1);
    const rowCount = context.dataset.rowCount;
    const left = Int32Array.from({ length: 5000 }, (_, index) => index % (rowCount - 1));
    const right = Int32Array.from(left, (row, index) => Math.min(rowCount - 1, row + 1 + (index % 7)));
    const pairs = { count: left.length, left, right };
    const events: [number, number][] = [];
    const parallel = comparer.compare(pairs, {
      start: 1234,
      end: 4321,
      onProgress: (done, total) => events.push([done, total]),
    });
    const serial = inProcess.compare(pairs, { start: 1234, end: 4321 });
    expect(parallel.pairCount).toBe(4321 - 1234);
    expect(parallel.levels.map(bytes)).toEqual(serial.levels.map(bytes));
    expect(events.at(-1)).toEqual([4321 - 1234, 4321 - 1234]);
    expect(events.map(([done]) => done)).toEqual(events.map(([done]) => done).sort((a, b) => a - b));
    expect(() => comparer.compare(pairs, { start: 10, end: 5 })).toThrow(/PAIR_RANGE_INVALID|not within/);
    comparer.close();
    comparer.close();
    expect(() => comparer.compare(pairs)).toThrow(LinkageError);
  });

  it("keeps each task's copy of the pairs its own while tasks of varying sizes are in flight", () => {
    // Pairs not in shared memory are copied, and copies are reused once their task is done: a copy handed to a
    // task still running, or one too small, would show as wrong levels.
    const context = prepareLinkage(dedupeSpec, [dataset]);
    const comparer = createWorkerComparer(context, { threads: 2, blockPairs: 128 });
    const inProcess = createWorkerComparer(context, { threads: 1 });
    const rowCount = context.dataset.rowCount;
    const sizes = [3000, 3500, 1000, 3900, 4800, 200, 6000, 2500];
    const chunks = sizes.map((size, chunk) => {
      const left = Int32Array.from({ length: size }, (_, index) => (index * 7 + chunk * 13) % (rowCount - 1));
      const right = Int32Array.from(left, (row, index) =>
        Math.min(rowCount - 1, row + 1 + ((index + chunk) % 5)),
      );
      return { count: size, left, right };
    });
    const pending: { chunk: number; result: () => ReturnType<typeof comparer.compare> }[] = [];
    const compared: string[][] = [];
    for (const [chunk, pairs] of chunks.entries()) {
      const started = comparer.beginCompare(pairs);
      pending.push({ chunk, result: () => started.result() });
      // Up to three tasks in flight, collected in order.
      if (pending.length === 3) compared[pending[0]!.chunk] = pending.shift()!.result().levels.map(bytes);
    }
    for (const { chunk, result } of pending) compared[chunk] = result().levels.map(bytes);
    comparer.close();
    expect(compared).toEqual(chunks.map((pairs) => inProcess.compare(pairs).levels.map(bytes)));
  });

  it("refuses a thread count that is not a whole number ≥ 1", () => {
    const context = prepareLinkage(dedupeSpec, [dataset]);
    for (const threads of [0, 1.5, Number.NaN]) {
      expect(() => createWorkerComparer(context, { threads })).toThrow(
        expect.objectContaining({ code: "THREADS_INVALID" }),
      );
    }
  });

  describe("custom levels", () => {
    const spec = parseSpec({
      ...dedupeSpec,
      comparisons: [
        ...dedupeSpec.comparisons,
        {
          name: "initial",
          columns: ["first"],
          levels: [{ kind: "null" }, { kind: "custom", name: "sameInitial" }, { kind: "else" }],
        },
      ],
    });
    const customLevels = { sameInitial: () => true };

    it("needs a module to send custom predicates to the workers", () => {
      const context = prepareLinkage(spec, [dataset], { customLevels });
      expect(() => createWorkerComparer(context, { threads: 2, compileOptions: { customLevels } })).toThrow(
        expect.objectContaining({ code: "WORKER_OPTIONS_NOT_TRANSFERABLE" }),
      );
    });

    it("passes a worker's error to the caller with its class and code, and closes the comparer", () => {
      const context = prepareLinkage(spec, [dataset], { customLevels });
      const comparer = createWorkerComparer(context, {
        threads: 2,
        compileOptions: { customLevels },
        compileOptionsModule: new URL("./node-worker-failing-level.mjs", import.meta.url),
      });
      const rowCount = context.dataset.rowCount;
      const left = Int32Array.from({ length: rowCount - 1 }, (_, index) => index);
      const right = Int32Array.from(left, (row) => row + 1);
      expect(() => comparer.compare({ count: left.length, left, right })).toThrow(
        expect.objectContaining({ name: "DataError", code: "TEST_LEVEL_FAILED" }),
      );
      expect(() => comparer.compare({ count: 1, left, right })).toThrow(
        expect.objectContaining({ code: "COMPARER_CLOSED" }),
      );
    });
  });

  it("reports progress of every long step when linking on workers", () => {
    const events: ProgressEvent[] = [];
    runLinkage(dedupeSpec, [dataset], {
      onProgress: (event) => events.push(event),
      createComparer: (context) => createWorkerComparer(context, { threads: 2, blockPairs: 500 }),
    });
    const steps = [...new Set(events.map((event) => event.step))];
    expect(steps).toEqual(["blocking", "estimating u", "training: candidate pairs", "comparing"]);
    for (const step of steps) {
      const last = events.filter((event) => event.step === step).at(-1)!;
      expect(last.done).toBe(last.total);
    }
  });
});
