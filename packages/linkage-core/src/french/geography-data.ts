// Lazily built indexes over the Code officiel géographique (COG) and the postal-code tables: loaded on the first
// geography call, never at import, so that importing the core stays fast (the source JSON weighs ~12 MB).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Year of the COG in @etalab/decoupage-administratif 6.0.0 (the package version fixes the geography year). */
export const GEOGRAPHY_YEAR = 2026;

/** A current commune or a municipal arrondissement of Paris, Lyon or Marseille. */
export interface CommuneInfo {
  readonly code: string;
  readonly name: string;
  readonly departement: string;
  readonly region: string;
  /** The city (75056, 69123, 13055) of a municipal arrondissement; null for a commune. */
  readonly cityCode: string | null;
}

export interface GeographyIndex {
  readonly communes: ReadonlyMap<string, CommuneInfo>;
  /** Code of a former commune (merged, delegated, associated, or pre-1976 Corsican 20xxx) → current commune. */
  readonly formerCodes: ReadonlyMap<string, string>;
  readonly postalCodesByCommune: ReadonlyMap<string, readonly string[]>;
  readonly communesByPostalCode: ReadonlyMap<string, readonly string[]>;
  readonly arrondissementsByCity: ReadonlyMap<string, readonly string[]>;
  readonly regionByDepartement: ReadonlyMap<string, string>;
}

interface CogCommune {
  readonly code: string;
  readonly nom: string;
  readonly type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  readonly departement: string;
  readonly region: string;
  readonly chefLieu?: string;
  readonly commune?: string;
  readonly anciensCodes?: readonly string[];
  readonly codesPostaux?: readonly string[];
}

interface PostalEntry {
  readonly codePostal: string;
  readonly codeCommune: string;
}

interface CogDepartement {
  readonly code: string;
  readonly region: string;
}

// Saint-Barthélemy and Saint-Martin were communes of Guadeloupe until 2007; the COG of the package no longer
// lists their old codes, which still appear in older health records.
const FORMER_OVERSEAS_CODES: readonly (readonly [string, string])[] = [
  ["97123", "97701"],
  ["97127", "97801"],
];

let index: GeographyIndex | undefined;

/** The geography indexes, built on first use (parsing ~12 MB of JSON: a few hundred ms) and kept for the process. */
export function geographyIndex(): GeographyIndex {
  index ??= buildIndex();
  return index;
}

function readJson<T>(specifier: string): T {
  // Read and parse instead of require(): require would keep the raw 37 000 objects alive in its cache.
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(specifier), "utf8")) as T;
}

function buildIndex(): GeographyIndex {
  const cog = readJson<readonly CogCommune[]>("@etalab/decoupage-administratif/data/communes.json");
  const departements = readJson<readonly CogDepartement[]>(
    "@etalab/decoupage-administratif/data/departements.json",
  );
  const postalEntries = readJson<readonly PostalEntry[]>("codes-postaux/codes-postaux.json");

  const communes = new Map<string, CommuneInfo>();
  const arrondissementsByCity = new Map<string, string[]>();
  for (const entry of cog) {
    if (entry.type === "commune-actuelle") {
      communes.set(entry.code, communeInfo(entry, null));
    } else if (entry.type === "arrondissement-municipal" && entry.commune) {
      communes.set(entry.code, communeInfo(entry, entry.commune));
      appendTo(arrondissementsByCity, entry.commune, entry.code);
    }
  }

  const formerCodes = new Map<string, string>(FORMER_OVERSEAS_CODES);
  for (const entry of cog) {
    for (const former of entry.anciensCodes ?? []) {
      if (!communes.has(former)) formerCodes.set(former, entry.code);
    }
  }
  // The chef-lieu of a delegated or associated commune is authoritative where it disagrees with anciensCodes
  // (two such cases in the 2026 COG): it is the commune the territory belongs to today.
  for (const entry of cog) {
    if ((entry.type === "commune-deleguee" || entry.type === "commune-associee") && entry.chefLieu) {
      if (!communes.has(entry.code)) formerCodes.set(entry.code, entry.chefLieu);
    }
  }

  const postalPairs = new Map<string, Set<string>>();
  for (const entry of cog) {
    if (!communes.has(entry.code)) continue;
    for (const postalCode of entry.codesPostaux ?? []) addPair(postalPairs, entry.code, postalCode);
  }
  // codes-postaux predates some mergers: its commune codes are carried to the current commune.
  for (const entry of postalEntries) {
    const current = communes.has(entry.codeCommune) ? entry.codeCommune : formerCodes.get(entry.codeCommune);
    if (current !== undefined) addPair(postalPairs, current, entry.codePostal);
  }
  const postalCodesByCommune = new Map<string, readonly string[]>();
  const communesByPostalCode = new Map<string, string[]>();
  for (const [communeCode, postalCodes] of postalPairs) {
    const sorted = [...postalCodes].sort();
    postalCodesByCommune.set(communeCode, sorted);
    for (const postalCode of sorted) appendTo(communesByPostalCode, postalCode, communeCode);
  }
  for (const list of communesByPostalCode.values()) list.sort();

  const regionByDepartement = new Map(
    departements.map((departement) => [departement.code, departement.region]),
  );
  return {
    communes,
    formerCodes,
    postalCodesByCommune,
    communesByPostalCode,
    arrondissementsByCity,
    regionByDepartement,
  };
}

function communeInfo(entry: CogCommune, cityCode: string | null): CommuneInfo {
  return {
    code: entry.code,
    name: entry.nom,
    departement: entry.departement,
    region: entry.region,
    cityCode,
  };
}

function appendTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addPair(pairs: Map<string, Set<string>>, communeCode: string, postalCode: string): void {
  let set = pairs.get(communeCode);
  if (!set) pairs.set(communeCode, (set = new Set()));
  set.add(postalCode);
}
