// Loads the synthetic generators' reference data from disk: the compact INSEE name tables shipped in the
// package's data/ folder, and the commune and postal-code files of the two official geography packages.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { DataError } from "../../errors.js";
import { buildGeography, type CommuneRecord, type Geography, type PostalCodeRecord } from "../geography.js";
import { type NameTable, parseInseeNameTables } from "../name-table.js";
import type { SyntheticReference } from "../synthetic-reference.js";

export const NAME_TABLE_FILES = {
  firstNames: "insee-first-names.tsv.gz",
  rareFirstNames: "insee-first-names-rare.tsv.gz",
  surnames: "insee-surnames.tsv.gz",
  rareSurnames: "insee-surnames-rare.tsv.gz",
} as const;

/**
 * The package's data/ folder. Compiled code lives in dist/synthetic/node/ and sources in src/synthetic/node/;
 * walking up to the first folder holding data/ works for both and for any bundler that keeps the layout.
 */
export function packageDataDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 6; level++) {
    const candidate = join(directory, "data");
    if (existsSync(join(candidate, NAME_TABLE_FILES.firstNames))) return candidate;
    directory = dirname(directory);
  }
  throw new DataError(
    "NAME_TABLE_MISSING",
    "the INSEE name tables were not found in the package's data/ folder.",
    {
      file: NAME_TABLE_FILES.firstNames,
      hint: "Reinstall linkage-core, or pass `dataDirectory` to loadInseeNameTable().",
    },
  );
}

function readGzipText(directory: string, fileName: string): string {
  const path = join(directory, fileName);
  try {
    return gunzipSync(readFileSync(path)).toString("utf8");
  } catch (cause) {
    throw new DataError("NAME_TABLE_UNREADABLE", "a name table could not be read or decompressed.", {
      file: path,
      hint: "Regenerate it with `node scripts/derive-insee-names.mjs`.",
      cause,
    });
  }
}

/** Reads and parses the four INSEE name tables (about 40 ms). */
export function loadInseeNameTable(options: { readonly dataDirectory?: string } = {}): NameTable {
  const directory = options.dataDirectory ?? packageDataDirectory();
  return parseInseeNameTables({
    firstNames: readGzipText(directory, NAME_TABLE_FILES.firstNames),
    rareFirstNames: readGzipText(directory, NAME_TABLE_FILES.rareFirstNames),
    surnames: readGzipText(directory, NAME_TABLE_FILES.surnames),
    rareSurnames: readGzipText(directory, NAME_TABLE_FILES.rareSurnames),
  });
}

const requireFromHere = createRequire(import.meta.url);

function readPackageJson<T>(specifier: string): T {
  let path = specifier;
  try {
    path = requireFromHere.resolve(specifier);
    // Parsed directly rather than require()d, so the large raw arrays are not kept in the module cache.
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (cause) {
    throw new DataError(
      "GEOGRAPHY_UNREADABLE",
      "a geography file of an installed package could not be read.",
      {
        file: path,
        hint: "Check that @etalab/decoupage-administratif and codes-postaux are installed.",
        cause,
      },
    );
  }
}

/** Builds the geography from @etalab/decoupage-administratif and codes-postaux (about 200 ms). */
export function loadFrenchGeography(): Geography {
  return buildGeography(
    readPackageJson<CommuneRecord[]>("@etalab/decoupage-administratif/data/communes.json"),
    readPackageJson<PostalCodeRecord[]>("codes-postaux/codes-postaux.json"),
  );
}

let cachedReference: SyntheticReference | undefined;

/** Names and geography, loaded on first call and shared afterwards (they are immutable). */
export function loadSyntheticReference(): SyntheticReference {
  cachedReference ??= { names: loadInseeNameTable(), geography: loadFrenchGeography() };
  return cachedReference;
}
