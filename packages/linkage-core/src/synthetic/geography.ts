// French communes for synthetic residences: population weights, départements (for "neighbouring" moves),
// postal codes, and the alternative codes a record may carry for the same place (merged communes, cities).
import { DataError } from "../errors.js";
import {
  cumulativeSums,
  drawChance,
  drawElement,
  drawFromCumulative,
  type RandomStream,
} from "./random-stream.js";

/** The fields used from `@etalab/decoupage-administratif/data/communes.json`. */
export interface CommuneRecord {
  readonly code: string;
  readonly type: string;
  readonly zone?: string;
  readonly departement?: string;
  readonly population?: number;
  /** For a municipal arrondissement: the code of its city (75056, 13055, 69123). */
  readonly commune?: string;
  /** Codes of former communes merged into this one. */
  readonly anciensCodes?: readonly string[];
  readonly codesPostaux?: readonly string[];
}

/** The fields used from `codes-postaux/codes-postaux.json`. */
export interface PostalCodeRecord {
  readonly codePostal: string;
  readonly codeCommune: string;
}

/** Residences as parallel arrays indexed by commune position. */
export interface Geography {
  /** INSEE code of each commune (municipal arrondissements replace Paris, Lyon and Marseille). */
  readonly communeCodes: readonly string[];
  /** Index into `departementCodes` of each commune. */
  readonly departementOfCommune: Int32Array;
  readonly departementCodes: readonly string[];
  /** Running sums of commune populations, for population-weighted draws. */
  readonly cumulativePopulation: Float64Array;
  /** Commune positions of each département, and the running sums of their populations. */
  readonly communesOfDepartement: readonly Int32Array[];
  readonly cumulativePopulationOfDepartement: readonly Float64Array[];
  /** Population of each département, in `departementCodes` order. */
  readonly departementPopulation: Float64Array;
  /** Postal codes of each commune (at least one; communes without any are left out). */
  readonly postalCodes: readonly (readonly string[])[];
  /**
   * Other codes that designate the same place in real records: codes of communes merged into it
   * (communes déléguées or associées) and, for a municipal arrondissement, the code of the whole city.
   */
  readonly alternativeCodes: readonly (readonly string[])[];
}

/** Zones drawn from: metropolitan France and the overseas départements (not the overseas collectivities). */
const RESIDENCE_ZONES = new Set(["metro", "drom"]);

/** Builds the geography from the records of the two official packages. */
export function buildGeography(
  communes: readonly CommuneRecord[],
  postalCodeRecords: readonly PostalCodeRecord[],
): Geography {
  const postalByCommune = new Map<string, string[]>();
  for (const record of postalCodeRecords) {
    const list = postalByCommune.get(record.codeCommune);
    if (!list) postalByCommune.set(record.codeCommune, [record.codePostal]);
    else if (!list.includes(record.codePostal)) list.push(record.codePostal);
  }
  const splitCities = new Set<string>();
  for (const record of communes) {
    if (record.type === "arrondissement-municipal" && record.commune) splitCities.add(record.commune);
  }
  const postalCodesOf = (record: CommuneRecord): readonly string[] => {
    const fromPostalFile = postalByCommune.get(record.code);
    return fromPostalFile && fromPostalFile.length > 0 ? fromPostalFile : (record.codesPostaux ?? []);
  };
  // A residence needs a population to be drawn and a postal code to be written (all populated ones have one).
  const residences = communes
    .filter(
      (record) =>
        (record.type === "commune-actuelle" || record.type === "arrondissement-municipal") &&
        !splitCities.has(record.code) &&
        RESIDENCE_ZONES.has(record.zone ?? "metro") &&
        record.departement !== undefined &&
        (record.population ?? 0) > 0 &&
        postalCodesOf(record).length > 0,
    )
    .sort((left, right) => (left.code < right.code ? -1 : left.code > right.code ? 1 : 0));
  if (residences.length === 0) {
    throw new DataError("GEOGRAPHY_EMPTY", "no populated commune was found in the commune records.", {
      hint: "Pass the records of @etalab/decoupage-administratif/data/communes.json.",
    });
  }
  const departementCodes = [...new Set(residences.map((record) => record.departement!))].sort();
  const departementIndex = new Map(departementCodes.map((code, index) => [code, index]));
  const members: number[][] = departementCodes.map(() => []);
  const departementOfCommune = new Int32Array(residences.length);
  residences.forEach((record, position) => {
    const index = departementIndex.get(record.departement!)!;
    departementOfCommune[position] = index;
    members[index].push(position);
  });
  const populations = residences.map((record) => record.population ?? 0);
  return {
    communeCodes: residences.map((record) => record.code),
    departementOfCommune,
    departementCodes,
    cumulativePopulation: cumulativeSums(populations),
    communesOfDepartement: members.map((list) => Int32Array.from(list)),
    cumulativePopulationOfDepartement: members.map((list) =>
      cumulativeSums(list.map((at) => populations[at])),
    ),
    departementPopulation: Float64Array.from(members, (list) =>
      list.reduce((total, at) => total + populations[at], 0),
    ),
    postalCodes: residences.map(postalCodesOf),
    alternativeCodes: residences.map((record) => {
      const codes = [...(record.anciensCodes ?? [])];
      if (record.type === "arrondissement-municipal" && record.commune) codes.push(record.commune);
      return codes;
    }),
  };
}

/** A commune drawn in proportion to its population. */
export function drawCommune(geography: Geography, random: RandomStream): number {
  return drawFromCumulative(random, geography.cumulativePopulation);
}

/** A commune of the given département, drawn in proportion to population. */
export function drawCommuneInDepartement(
  geography: Geography,
  departement: number,
  random: RandomStream,
): number {
  const position = drawFromCumulative(random, geography.cumulativePopulationOfDepartement[departement]);
  return geography.communesOfDepartement[departement][position];
}

/**
 * Where a person moved: with probability `neighbourShare` another commune of the same département
 * (the data carry no coordinates, and most moves are short), otherwise any commune of France.
 */
export function drawMoveDestination(
  geography: Geography,
  commune: number,
  neighbourShare: number,
  random: RandomStream,
): number {
  const nearby = drawChance(random, neighbourShare);
  const departement = geography.departementOfCommune[commune];
  for (let attempt = 0; attempt < 16; attempt++) {
    const destination = nearby
      ? drawCommuneInDepartement(geography, departement, random)
      : drawCommune(geography, random);
    if (destination !== commune) return destination;
  }
  // A département with a single populated commune: any other commune of France will do.
  const fallback = drawCommune(geography, random);
  return fallback !== commune ? fallback : (commune + 1) % geography.communeCodes.length;
}

/** One of the commune's postal codes. */
export function drawPostalCode(geography: Geography, commune: number, random: RandomStream): string {
  return drawElement(random, geography.postalCodes[commune]);
}
