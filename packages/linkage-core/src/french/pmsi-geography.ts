// The PMSI "code géographique de résidence": the patient's postal code, except that ATIH groups postal codes of
// fewer than 1 000 inhabitants (DDCnn codes) and uses 99xxx for residence abroad and DD999 for an unknown commune.
import {
  type CommuneCategory,
  communesOfPostalCode,
  departementOfCommune,
  isPostalCodeCompatible,
  type ResolvedCommune,
  regionOfCommune,
  regionOfDepartement,
} from "./geography.js";

/** What a PMSI geographic code says about where the patient lives. */
export type PmsiGeographicCode =
  /** A postal code; `departements` lists the départements of the communes it serves (one or two, Corsica). */
  | { readonly kind: "postalCode"; readonly code: string; readonly departements: readonly string[] }
  /** An ATIH group of small postal codes (e.g. 08C01): only its département is known without the ATIH table. */
  | { readonly kind: "groupedPostalCodes"; readonly code: string; readonly departements: readonly string[] }
  /** DD999: département known, commune unknown. */
  | { readonly kind: "departementOnly"; readonly code: string; readonly departements: readonly string[] }
  /** 99 followed by the INSEE code of the country of residence. */
  | { readonly kind: "abroad"; readonly code: string; readonly countryCode: string }
  /** 99100 (France, département unknown), 99999 (residence unknown) and anything unreadable. */
  | { readonly kind: "unknown"; readonly code: string };

/** ATIH correspondence from grouped geographic codes to the postal codes they hold (published yearly by ATIH). */
export type PmsiGeographicTable = ReadonlyMap<string, readonly string[]>;

/** Builds the grouped-code table from rows of the ATIH correspondence file (geographic code, postal code). */
export function buildPmsiGeographicTable(
  rows: Iterable<{ readonly geographicCode: string; readonly postalCode: string }>,
): PmsiGeographicTable {
  const table = new Map<string, string[]>();
  for (const row of rows) {
    const key = row.geographicCode.trim().toUpperCase();
    const list = table.get(key);
    if (list) list.push(row.postalCode.trim());
    else table.set(key, [row.postalCode.trim()]);
  }
  return table;
}

const POSTAL_CODE = /^\d{5}$/;
const GROUPED = /^(\d{2}|2[AB])C\d{2}$/;
const CORSICA = ["2A", "2B"];

/** Reads a PMSI geographic code. */
export function parsePmsiGeographicCode(value: string): PmsiGeographicCode {
  const code = value.trim().toUpperCase();
  if (code.startsWith("99") && POSTAL_CODE.test(code)) {
    return code === "99100" || code === "99999"
      ? { kind: "unknown", code }
      : { kind: "abroad", code, countryCode: code };
  }
  if (POSTAL_CODE.test(code) && code.endsWith("999")) {
    return { kind: "departementOnly", code, departements: departementsOfPrefix(code) };
  }
  if (POSTAL_CODE.test(code)) {
    const served = communesOfPostalCode(code);
    const departements = new Set<string>();
    for (const commune of served) {
      const departement = departementOfCommune(commune);
      if (departement !== null) departements.add(departement);
    }
    const list = departements.size > 0 ? [...departements].sort() : departementsOfPrefix(code);
    return { kind: "postalCode", code, departements: list };
  }
  const grouped = GROUPED.exec(code);
  if (grouped) return { kind: "groupedPostalCodes", code, departements: departementsOfPrefix(grouped[1]!) };
  return { kind: "unknown", code };
}

// Overseas postal codes start with the three-character département (971…976); 20 is Corsica, either half.
function departementsOfPrefix(code: string): readonly string[] {
  if (code.startsWith("97") || code.startsWith("98")) return [code.slice(0, 3)];
  const prefix = code.slice(0, 2);
  return prefix === "20" ? CORSICA : [prefix];
}

export interface PmsiComparisonOptions {
  /** ATIH grouped-code table; without it a grouped code agrees at most at département level. */
  readonly groupedCodes?: PmsiGeographicTable;
}

/** Categories a PMSI code can reach against a commune (no commune or city identity: a postal code is coarser). */
export type PmsiCommuneCategory = Extract<
  CommuneCategory,
  "compatiblePostalCode" | "sameDepartement" | "sameRegion" | "else"
>;

/**
 * Compares a PMSI geographic code with a commune code. Null when either says nothing (unknown residence,
 * unreadable commune). Residence abroad against a French commune is "else".
 */
export function comparePmsiCodeToCommune(
  pmsiCode: string,
  communeCode: string,
  options: PmsiComparisonOptions = {},
): PmsiCommuneCategory | null {
  const parsed = parsePmsiGeographicCode(pmsiCode);
  const communeDepartement = departementOfCommune(communeCode);
  if (parsed.kind === "unknown" || communeDepartement === null) return null;
  if (parsed.kind === "abroad") return "else";
  if (postalCodesOf(parsed, options).some((postalCode) => isPostalCodeCompatible(postalCode, communeCode))) {
    return "compatiblePostalCode";
  }
  if (parsed.departements.includes(communeDepartement)) return "sameDepartement";
  const region = regionOfCommune(communeCode);
  if (
    region !== null &&
    parsed.departements.some((departement) => regionOfDepartement(departement) === region)
  ) {
    return "sameRegion";
  }
  return "else";
}

function postalCodesOf(
  parsed: Extract<PmsiGeographicCode, { departements: readonly string[] }>,
  options: PmsiComparisonOptions,
): readonly string[] {
  if (parsed.kind === "postalCode") return [parsed.code];
  if (parsed.kind === "groupedPostalCodes") return options.groupedCodes?.get(parsed.code) ?? [];
  return [];
}

/** Categories a PMSI code can agree with a commune at, each tested on its own terms by `pmsiCodeAgrees`. */
export type PmsiAgreementCategory = Exclude<PmsiCommuneCategory, "else">;

export const pmsiAgreementCategories: readonly PmsiAgreementCategory[] = [
  "compatiblePostalCode",
  "sameDepartement",
  "sameRegion",
];

/**
 * Whether a PMSI geographic code and a commune code agree at this category, on its own terms (a postal code
 * serving the commune is usually in its département too, but each category is tested alone). False when
 * either says nothing, and for a residence abroad.
 */
export function pmsiCodeAgrees(
  pmsiCode: string,
  communeCode: string,
  category: PmsiAgreementCategory,
  options: PmsiComparisonOptions = {},
): boolean {
  const parsed = parsePmsiGeographicCode(pmsiCode);
  if (parsed.kind === "unknown" || parsed.kind === "abroad") return false;
  const communeDepartement = departementOfCommune(communeCode);
  if (communeDepartement === null) return false;
  switch (category) {
    case "compatiblePostalCode":
      return postalCodesOf(parsed, options).some((postalCode) =>
        isPostalCodeCompatible(postalCode, communeCode),
      );
    case "sameDepartement":
      return parsed.departements.includes(communeDepartement);
    case "sameRegion": {
      const region = regionOfCommune(communeCode);
      return (
        region !== null &&
        parsed.departements.some((departement) => regionOfDepartement(departement) === region)
      );
    }
  }
}

/** What a PMSI code says, read once per distinct code: the postal codes it stands for, its départements, régions. */
export interface PmsiFacts {
  readonly postalCodes: readonly string[];
  readonly departements: readonly string[];
  readonly regions: readonly string[];
}

/** The facts of a PMSI code; null when it says nothing about a French residence (unknown, abroad). */
export function pmsiFacts(pmsiCode: string, options: PmsiComparisonOptions = {}): PmsiFacts | null {
  const parsed = parsePmsiGeographicCode(pmsiCode);
  if (parsed.kind === "unknown" || parsed.kind === "abroad") return null;
  const regions = new Set<string>();
  for (const departement of parsed.departements) {
    const region = regionOfDepartement(departement);
    if (region !== null) regions.add(region);
  }
  return {
    postalCodes: postalCodesOf(parsed, options),
    departements: parsed.departements,
    regions: [...regions],
  };
}

/**
 * `pmsiCodeAgrees` on a code read by `pmsiFacts` and a commune resolved by `resolveCommune`, as the comparison
 * engine calls it with each distinct value read once. A postal code serves a commune when the commune's postal
 * codes (those of all its arrondissements for Paris, Lyon, Marseille) include it.
 */
export function pmsiFactsAgree(
  facts: PmsiFacts,
  commune: ResolvedCommune,
  category: PmsiAgreementCategory,
): boolean {
  switch (category) {
    case "compatiblePostalCode":
      return facts.postalCodes.some((postalCode) => commune.postalCodes.includes(postalCode));
    case "sameDepartement":
      return commune.departement !== null && facts.departements.includes(commune.departement);
    case "sameRegion":
      return commune.region !== null && facts.regions.includes(commune.region);
  }
}
