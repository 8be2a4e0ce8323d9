import { describe, expect, it } from "vitest";
import {
  buildGeography,
  type CommuneRecord,
  drawCommune,
  drawMoveDestination,
  drawPostalCode,
} from "./geography.js";
import { createRandomStream } from "./random-stream.js";

const communes: CommuneRecord[] = [
  { code: "75056", type: "commune-actuelle", zone: "metro", departement: "75", population: 300 },
  {
    code: "75101",
    type: "arrondissement-municipal",
    zone: "metro",
    departement: "75",
    population: 100,
    commune: "75056",
  },
  {
    code: "75102",
    type: "arrondissement-municipal",
    zone: "metro",
    departement: "75",
    population: 200,
    commune: "75056",
  },
  {
    code: "01015",
    type: "commune-actuelle",
    zone: "metro",
    departement: "01",
    population: 700,
    anciensCodes: ["01340"],
    codesPostaux: ["01300"],
  },
  { code: "01340", type: "commune-deleguee", zone: "metro", departement: "01" },
  { code: "01002", type: "commune-actuelle", zone: "metro", departement: "01", population: 0 },
  { code: "97502", type: "commune-actuelle", zone: "com", departement: "975", population: 5000 },
  { code: "02999", type: "commune-actuelle", zone: "metro", departement: "02", population: 50 },
];

const postalCodes = [
  { codePostal: "75001", codeCommune: "75101" },
  { codePostal: "75002", codeCommune: "75102" },
  { codePostal: "75002", codeCommune: "75102" },
];

describe("buildGeography", () => {
  it("keeps populated residences with a postal code, splits cities into arrondissements, leaves out overseas collectivities", () => {
    const geography = buildGeography(communes, postalCodes);
    expect(geography.communeCodes).toEqual(["01015", "75101", "75102"]);
    expect(geography.departementCodes).toEqual(["01", "75"]);
    expect([...geography.departementOfCommune]).toEqual([0, 1, 1]);
    expect([...geography.departementPopulation]).toEqual([700, 300]);
    expect(geography.postalCodes).toEqual([["01300"], ["75001"], ["75002"]]);
    // A merged commune's former code, and the whole-city code of an arrondissement.
    expect(geography.alternativeCodes).toEqual([["01340"], ["75056"], ["75056"]]);
  });

  it("draws communes by population and moves within the département when asked", () => {
    const geography = buildGeography(communes, postalCodes);
    const random = createRandomStream("geography");
    const counts = [0, 0, 0];
    for (let draw = 0; draw < 10_000; draw++) counts[drawCommune(geography, random)]++;
    expect(counts[0] / 10_000).toBeCloseTo(0.7, 1);
    expect(counts[2] / 10_000).toBeCloseTo(0.2, 1);
    for (let draw = 0; draw < 200; draw++) {
      expect(drawMoveDestination(geography, 1, 1, random)).toBe(2);
      expect(drawMoveDestination(geography, 0, 0, random)).not.toBe(0);
    }
    expect(drawPostalCode(geography, 1, random)).toBe("75001");
  });
});
