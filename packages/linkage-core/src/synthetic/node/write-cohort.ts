// Writes a synthetic cohort to a folder: one CSV per table plus the truth, each written to `*.tmp` then
// renamed (a reader never sees a half-written file), and a manifest.json written last.
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { DataError } from "../../errors.js";
import { generateSyntheticCohort, type SyntheticScenarioOptions } from "../synthetic-cohort.js";
import type { SyntheticReference } from "../synthetic-reference.js";
import { csvChunks, type SyntheticScenario, type SyntheticTable } from "../synthetic-table.js";
import { loadSyntheticReference } from "./load-reference.js";

export interface SyntheticFileEntry {
  readonly table: string;
  readonly file: string;
  readonly role: "data" | "truth";
  readonly columns: readonly string[];
  readonly rows: number;
}

/** Contents of manifest.json. Deterministic (no timestamps), so the same seed gives identical folders. */
export interface SyntheticCohortManifest {
  readonly format: "linkage-synthetic-cohort";
  readonly formatVersion: 1;
  readonly scenario: SyntheticScenario;
  readonly seed: string;
  /** Resolved options, defaults included: enough to regenerate the cohort. */
  readonly options: unknown;
  /** Data rows per table, truth included. */
  readonly counts: Readonly<Record<string, number>>;
  readonly files: readonly SyntheticFileEntry[];
}

export interface SyntheticWriteProgress {
  readonly table: string;
  readonly rowsWritten: number;
}

export interface WriteSyntheticCohortSettings {
  /** Reference data; loaded from the package and the geography packages when omitted. */
  readonly reference?: SyntheticReference;
  /** Called after each chunk written (about 1 MB of CSV). */
  readonly onProgress?: (progress: SyntheticWriteProgress) => void;
  readonly chunkCharacters?: number;
}

export const MANIFEST_FILE = "manifest.json";

async function writeAtomically(
  path: string,
  chunks: Iterable<{ readonly text: string; readonly rowsSoFar: number }>,
  onChunk: (rowsSoFar: number) => void,
): Promise<number> {
  const temporary = `${path}.tmp`;
  let rows = 0;
  try {
    const handle = await open(temporary, "w");
    try {
      for (const chunk of chunks) {
        await handle.write(chunk.text);
        rows = chunk.rowsSoFar;
        onChunk(rows);
      }
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    return rows;
  } catch (cause) {
    await rm(temporary, { force: true });
    if (cause instanceof DataError) throw cause;
    throw new DataError("OUTPUT_WRITE_FAILED", "a synthetic cohort file could not be written.", {
      file: path,
      hint: "Check that the output folder is writable and the disk is not full.",
      cause,
    });
  }
}

async function writeTable(
  directory: string,
  table: SyntheticTable,
  role: SyntheticFileEntry["role"],
  settings: WriteSyntheticCohortSettings,
): Promise<SyntheticFileEntry> {
  const file = `${table.name}.csv`;
  const rows = await writeAtomically(
    join(directory, file),
    csvChunks(table, settings.chunkCharacters),
    (rowsSoFar) => settings.onProgress?.({ table: table.name, rowsWritten: rowsSoFar }),
  );
  return { table: table.name, file, role, columns: table.header, rows };
}

/**
 * Generates `scenario` with `options` and writes it to `outputDirectory` (created if needed). Returns the
 * manifest, also written as manifest.json. Rows stream from the generator to disk in chunks.
 */
export async function writeSyntheticCohort<Scenario extends SyntheticScenario>(
  scenario: Scenario,
  options: SyntheticScenarioOptions[Scenario],
  outputDirectory: string,
  settings: WriteSyntheticCohortSettings = {},
): Promise<SyntheticCohortManifest> {
  const cohort = generateSyntheticCohort(scenario, options, settings.reference ?? loadSyntheticReference());
  try {
    await mkdir(outputDirectory, { recursive: true });
  } catch (cause) {
    throw new DataError("OUTPUT_WRITE_FAILED", "the output folder could not be created.", {
      file: outputDirectory,
      hint: "Check the path and its permissions.",
      cause,
    });
  }
  const files: SyntheticFileEntry[] = [];
  for (const table of cohort.tables) files.push(await writeTable(outputDirectory, table, "data", settings));
  files.push(await writeTable(outputDirectory, cohort.truth, "truth", settings));
  const resolved = cohort.options as { readonly seed: string };
  const manifest: SyntheticCohortManifest = {
    format: "linkage-synthetic-cohort",
    formatVersion: 1,
    scenario: cohort.scenario,
    seed: resolved.seed,
    options: cohort.options,
    counts: Object.fromEntries(files.map((entry) => [entry.table, entry.rows])),
    files,
  };
  await writeAtomically(
    join(outputDirectory, MANIFEST_FILE),
    [{ text: `${JSON.stringify(manifest, null, 2)}\n`, rowsSoFar: 0 }],
    () => {},
  );
  return manifest;
}
