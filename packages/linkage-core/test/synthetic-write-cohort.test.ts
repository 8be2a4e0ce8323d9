import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LinkageError } from "../src/errors.js";
import { generateSyntheticCohort, SyntheticOptionsError } from "../src/synthetic/index.js";
import {
  loadSyntheticReference,
  MANIFEST_FILE,
  type SyntheticCohortManifest,
  writeSyntheticCohort,
} from "../src/synthetic/node/index.js";

const reference = loadSyntheticReference();
const folders: string[] = [];

async function freshFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "linkage-synthetic-"));
  folders.push(folder);
  return folder;
}

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function readFolder(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(folder)).sort())
    files.set(name, await readFile(join(folder, name), "utf8"));
  return files;
}

describe("writeSyntheticCohort", () => {
  it("writes every table, the truth and a manifest, with no temporary file left", async () => {
    const folder = await freshFolder();
    const progress: string[] = [];
    const manifest = await writeSyntheticCohort(
      "registry-snds",
      { seed: "files", sndsPersonCount: 2_000, registryPersonCount: 300 },
      join(folder, "nested", "cohort"),
      { reference, chunkCharacters: 4_096, onProgress: (event) => progress.push(event.table) },
    );
    const files = await readFolder(join(folder, "nested", "cohort"));
    expect([...files.keys()]).toEqual([
      MANIFEST_FILE,
      "registry-persons.csv",
      "registry-stays.csv",
      "snds-persons.csv",
      "snds-stays.csv",
      "truth.csv",
    ]);
    const written = JSON.parse(files.get(MANIFEST_FILE)!) as SyntheticCohortManifest;
    expect(written).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(written.scenario).toBe("registry-snds");
    expect(written.seed).toBe("files");
    expect(written.counts["snds-persons"]).toBe(2_000);
    expect(written.counts.truth).toBe(300);
    expect((written.options as { moverRate: number }).moverRate).toBe(0.08);
    for (const entry of written.files) {
      const lines = files.get(entry.file)!.trimEnd().split("\n");
      expect(lines[0]).toBe(entry.columns.join(","));
      expect(lines.length - 1).toBe(entry.rows);
    }
    expect(written.files.find((entry) => entry.role === "truth")?.file).toBe("truth.csv");
    expect(new Set(progress)).toEqual(new Set(written.files.map((entry) => entry.table)));
  });

  it("writes byte-identical folders for the same seed", async () => {
    const [first, second] = [await freshFolder(), await freshFolder()];
    const options = { seed: 11, recordCount: 1_500 };
    await writeSyntheticCohort("warehouse-duplicates", options, first, { reference });
    await writeSyntheticCohort("warehouse-duplicates", options, second, { reference });
    const [left, right] = [await readFolder(first), await readFolder(second)];
    expect([...left.keys()]).toEqual([MANIFEST_FILE, "truth.csv", "warehouse.csv"]);
    expect(left).toEqual(right);
  });

  it("writes the identity pair and loads reference data itself when none is given", async () => {
    const folder = await freshFolder();
    const manifest = await writeSyntheticCohort(
      "identity-pair",
      { sourceARecordCount: 500, sourceBRecordCount: 400, overlapRate: 0.5 },
      folder,
    );
    expect(manifest.counts).toEqual({ "source-a": 500, "source-b": 400, truth: 200 });
  });

  it("rejects invalid options before creating anything", async () => {
    const folder = join(await freshFolder(), "never");
    await expect(
      writeSyntheticCohort("identity-pair", { overlapRate: 3 }, folder, { reference }),
    ).rejects.toBeInstanceOf(SyntheticOptionsError);
    await expect(readdir(folder)).rejects.toThrow();
  });
});

describe("generateSyntheticCohort", () => {
  it("reports an unknown scenario with a stable code", () => {
    try {
      generateSyntheticCohort("census" as never, {} as never, reference);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LinkageError);
      expect((error as LinkageError).code).toBe("SYNTHETIC_SCENARIO_UNKNOWN");
    }
  });
});
