// French commune geography for linkage: current code of a former commune, city of a municipal arrondissement,
// département, région, postal codes, and a graded commune comparison. Data: COG 2026 (see geography-data.ts).
// Codes are read by the data layer's standardisers, so that a code means the same here as in a standardised file.
import {
  departementFromCommuneCode,
  standardiseCommuneCode,
  standardisePostalCode,
} from "../data/insee-commune.js";
import { BoundedCache } from "./bounded-cache.js";
import { type CommuneInfo, geographyIndex } from "./geography-data.js";

/** How two commune codes agree, strongest first. */
export type CommuneCategory =
  | "sameCommune"
  | "sameCity"
  | "compatiblePostalCode"
  | "sameDepartement"
  | "sameRegion"
  | "else";

export const communeCategories: readonly CommuneCategory[] = [
  "sameCommune",
  "sameCity",
  "compatiblePostalCode",
  "sameDepartement",
  "sameRegion",
  "else",
];

function lookup(value: string): CommuneInfo | null {
  const code = standardiseCommuneCode(value);
  if (code === null) return null;
  const geography = geographyIndex();
  const current = geography.communes.get(code);
  if (current) return current;
  const successor = geography.formerCodes.get(code);
  return successor === undefined ? null : (geography.communes.get(successor) ?? null);
}

/**
 * The code today (COG 2026) of the commune a code designated: itself for a current commune or municipal
 * arrondissement; the commune nouvelle for a former, delegated or associated commune (merged codes such as
 * 01018 → 01033); the 2A/2B code for a pre-1976 Corsican 20xxx code. Null for a code the COG does not know.
 * The history is year-independent: INSEE never reassigns a commune code to another territory.
 */
export function currentCommuneCode(code: string): string | null {
  return lookup(code)?.code ?? null;
}

/** The city of a municipal arrondissement (75101–75120 → 75056, 69381–69389 → 69123, 13201–13216 → 13055); otherwise the current commune code. */
export function cityCodeOfCommune(code: string): string | null {
  const commune = lookup(code);
  return commune === null ? null : (commune.cityCode ?? commune.code);
}

/** Municipal arrondissements of Paris, Lyon or Marseille (empty for any other commune). */
export function arrondissementsOfCity(cityCode: string): readonly string[] {
  const code = cityCodeOfCommune(cityCode);
  return code === null ? [] : (geographyIndex().arrondissementsByCity.get(code) ?? []);
}

/** Official name of the current commune a code designates. */
export function communeName(code: string): string | null {
  return lookup(code)?.name ?? null;
}

/**
 * Département of a commune in the COG: "2A"/"2B" for Corsica, three characters overseas (971…976, 975, 977, 978,
 * 984…989). For a well-formed code absent from the COG it is read from the code itself (departementFromCommuneCode),
 * except that an old Corsican 20xxx number no commune has kept, which could be either 2A or 2B, and 99xxx codes of
 * foreign countries have none (null).
 */
export function departementOfCommune(code: string): string | null {
  const commune = lookup(code);
  if (commune) return commune.departement;
  const standardised = standardiseCommuneCode(code);
  const departement = standardised === null ? null : departementFromCommuneCode(standardised);
  return departement === "20" || departement === "99" ? null : departement;
}

/** INSEE code of the région of a commune (overseas collectivities use their own code, e.g. 975, 988). */
export function regionOfCommune(code: string): string | null {
  const commune = lookup(code);
  if (commune) return commune.region;
  const departement = departementOfCommune(code);
  return departement === null ? null : (geographyIndex().regionByDepartement.get(departement) ?? null);
}

/** Région of a département code. */
export function regionOfDepartement(departement: string): string | null {
  return geographyIndex().regionByDepartement.get(departement.trim().toUpperCase()) ?? null;
}

/** Postal codes of a commune (Paris, Lyon, Marseille: the postal codes of all their arrondissements). */
export function postalCodesOfCommune(code: string): readonly string[] {
  const commune = lookup(code);
  return commune === null ? [] : (geographyIndex().postalCodesByCommune.get(commune.code) ?? []);
}

/** Current communes (and municipal arrondissements) served by a postal code, sorted. */
export function communesOfPostalCode(postalCode: string): readonly string[] {
  const code = standardisePostalCode(postalCode);
  return code === null ? [] : (geographyIndex().communesByPostalCode.get(code) ?? []);
}

/**
 * Whether a postal code serves a commune, former commune codes carried forward. For Paris, Lyon and Marseille,
 * a postal code of any arrondissement serves the city, and an arrondissement is served by its own postal codes
 * (75016 serves 75116 and 75056, not 75101).
 */
export function isPostalCodeCompatible(postalCode: string, communeCode: string): boolean {
  const commune = lookup(communeCode);
  if (commune === null) return false;
  const served = communesOfPostalCode(postalCode);
  if (commune.cityCode !== null) return served.includes(commune.code);
  return served.includes(commune.code) || served.some((code) => cityCodeOfCommune(code) === commune.code);
}

/** Resolved view of one side of a commune comparison (unknown but well-formed codes keep what the code tells). */
export interface ResolvedCommune {
  readonly code: string;
  readonly city: string;
  readonly departement: string | null;
  readonly region: string | null;
  /** Postal codes of a commune of the COG; empty for an unknown code. */
  readonly postalCodes: readonly string[];
}

// Commune comparisons see few distinct codes (about 35 000 communes) many times over.
const resolvedCommunes = new BoundedCache<ResolvedCommune | null>();

function resolve(value: string): ResolvedCommune | null {
  return resolvedCommunes.get(value, resolveUncached);
}

/**
 * What a commune comparison needs to know about one code: today's commune, its city, département, région and
 * postal codes. Null when the value is not a commune code. The engine resolves each distinct value once.
 */
export function resolveCommune(value: string): ResolvedCommune | null {
  return resolveUncached(value);
}

/** `communesAgree` on communes already resolved by `resolveCommune`. */
export function resolvedCommunesAgree(
  left: ResolvedCommune,
  right: ResolvedCommune,
  category: CommuneCategory,
): boolean {
  return agreements[category](left, right);
}

function resolveUncached(value: string): ResolvedCommune | null {
  const commune = lookup(value);
  if (commune) {
    const city = commune.cityCode ?? commune.code;
    return {
      code: commune.code,
      city,
      departement: commune.departement,
      region: commune.region,
      postalCodes: geographyIndex().postalCodesByCommune.get(commune.code) ?? [],
    };
  }
  const code = standardiseCommuneCode(value);
  if (code === null) return null;
  return {
    code,
    city: code,
    departement: departementOfCommune(code),
    region: regionOfCommune(code),
    postalCodes: [],
  };
}

function sharePostalCode(left: ResolvedCommune, right: ResolvedCommune): boolean {
  // Communes have one to a few postal codes (Paris 21): a nested scan beats building a set per pair.
  for (const postalCode of left.postalCodes) if (right.postalCodes.includes(postalCode)) return true;
  return false;
}

const agreements: Record<CommuneCategory, (left: ResolvedCommune, right: ResolvedCommune) => boolean> = {
  sameCommune: (left, right) => left.code === right.code,
  // Same commune, or the same city through its arrondissements (75101 / 75115 / 75056).
  sameCity: (left, right) => left.city === right.city,
  // The communes share a postal code: a neighbour recorded for a commune, as addresses often do.
  compatiblePostalCode: (left, right) => left.city === right.city || sharePostalCode(left, right),
  sameDepartement: (left, right) => left.departement !== null && left.departement === right.departement,
  sameRegion: (left, right) => left.region !== null && left.region === right.region,
  else: () => true,
};

/**
 * The strongest category between two commune codes, after carrying former codes to today's commune.
 * Null when either value is not a commune code (the comparison's null level).
 */
export function compareCommunes(left: string, right: string): CommuneCategory | null {
  const leftCommune = resolve(left);
  const rightCommune = resolve(right);
  if (leftCommune === null || rightCommune === null) return null;
  for (const category of communeCategories) {
    if (agreements[category](leftCommune, rightCommune)) return category;
  }
  return "else";
}

/** Whether this category holds between two commune codes, on its own terms. False when either is not a code. */
export function communesAgree(left: string, right: string, category: CommuneCategory): boolean {
  const leftCommune = resolve(left);
  const rightCommune = resolve(right);
  return leftCommune !== null && rightCommune !== null && agreements[category](leftCommune, rightCommune);
}
