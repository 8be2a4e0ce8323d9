import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { departementFromCommuneCode } from "../data/insee-commune.js";
import {
  arrondissementsOfCity,
  type CommuneCategory,
  cityCodeOfCommune,
  communeCategories,
  communeName,
  communesAgree,
  communesOfPostalCode,
  compareCommunes,
  currentCommuneCode,
  departementOfCommune,
  isPostalCodeCompatible,
  postalCodesOfCommune,
  regionOfCommune,
} from "./geography.js";
import { GEOGRAPHY_YEAR, geographyIndex } from "./geography-data.js";

describe("geography year", () => {
  it("matches the installed COG package (6.0.0 is the 2026 geography)", () => {
    const require = createRequire(import.meta.url);
    const manifest = JSON.parse(
      readFileSync(require.resolve("@etalab/decoupage-administratif/package.json"), "utf8"),
    ) as { version: string };
    expect({ version: manifest.version, year: GEOGRAPHY_YEAR }).toEqual({ version: "6.0.0", year: 2026 });
  });
});

describe("currentCommuneCode", () => {
  it.each([
    // A current commune is itself.
    ["01001", "01001"],
    // Merged into the commune nouvelle Valserhône (2019), listed in its former codes.
    ["01018", "01033"],
    // Delegated commune: its chef-lieu, even where another commune lists the code among its former codes.
    ["60455", "60694"],
    // Associated commune.
    ["55273", "55386"],
    // Corsica before the 1976 split.
    ["20004", "2A004"],
    // Saint-Barthélemy, a Guadeloupe commune until 2007.
    ["97123", "97701"],
    // Municipal arrondissements are current codes.
    ["75101", "75101"],
    ["99999", null],
    ["not a code", null],
  ])("%s → %s", (code, current) => {
    expect(currentCommuneCode(code)).toBe(current);
  });
});

describe("cities with municipal arrondissements", () => {
  it.each([
    ["75101", "75056"],
    ["75120", "75056"],
    ["69381", "69123"],
    ["69389", "69123"],
    ["13201", "13055"],
    ["13216", "13055"],
    ["75056", "75056"],
    ["01018", "01033"],
  ])("%s is in city %s", (code, city) => {
    expect(cityCodeOfCommune(code)).toBe(city);
  });

  it("lists the arrondissements of Paris, Lyon and Marseille", () => {
    expect(arrondissementsOfCity("75056")).toHaveLength(20);
    expect(arrondissementsOfCity("69123")).toHaveLength(9);
    expect(arrondissementsOfCity("13055")).toHaveLength(16);
    expect(arrondissementsOfCity("75105")).toHaveLength(20);
    expect(arrondissementsOfCity("01001")).toEqual([]);
  });
});

describe("départements and régions", () => {
  it.each([
    ["01001", "01", "84"],
    ["2A004", "2A", "94"],
    ["20004", "2A", "94"],
    ["2B033", "2B", "94"],
    ["97411", "974", "04"],
    ["97611", "976", "06"],
    ["97701", "977", "977"],
    ["98818", "988", "988"],
    ["75101", "75", "11"],
    // Absent from the COG but well formed: read from the code.
    ["01999", "01", "84"],
  ])("%s is in département %s, région %s", (code, departement, region) => {
    expect(departementOfCommune(code)).toBe(departement);
    expect(regionOfCommune(code)).toBe(region);
  });

  it("has no département for an unknown Corsican 20xxx code or a foreign country", () => {
    expect(departementOfCommune("20999")).toBeNull();
    expect(departementOfCommune("99134")).toBeNull();
    expect(regionOfCommune("99134")).toBeNull();
  });

  it("agrees with the register-free reading of old Corsican codes used by standardisation", () => {
    const { communes, formerCodes } = geographyIndex();
    const corsican = [...formerCodes].filter(([code]) => code.startsWith("20"));
    expect(corsican.length).toBeGreaterThan(300);
    const disagreements = corsican
      .filter(([code, current]) => departementFromCommuneCode(code) !== communes.get(current)?.departement)
      .map(([code]) => [code, departementFromCommuneCode(code), departementOfCommune(code)]);
    // Six numbers of communes merged before the split are "20" without the register, which places them.
    expect(disagreements.sort()).toEqual([
      ["20044", "20", "2B"],
      ["20076", "20", "2B"],
      ["20151", "20", "2B"],
      ["20237", "20", "2A"],
      ["20294", "20", "2A"],
      ["20325", "20", "2A"],
    ]);
  });

  it("reads codes as standardisation does: lost zeros, float suffixes and impossible départements", () => {
    expect(departementOfCommune("1001.0")).toBe("01");
    expect(departementOfCommune("96001")).toBeNull();
    expect(communesOfPostalCode("1400.0")).toContain("01001");
  });

  it("names the current commune", () => {
    expect(communeName("01018")).toBe("Valserhône");
  });
});

describe("postal codes", () => {
  it("maps communes to postal codes and back", () => {
    expect(postalCodesOfCommune("2A004")).toContain("20000");
    expect(postalCodesOfCommune("75056")).toHaveLength(21);
    expect(postalCodesOfCommune("01018")).toEqual(postalCodesOfCommune("01033"));
    expect(communesOfPostalCode("75001")).toEqual(["75056", "75101"]);
    expect(communesOfPostalCode("1400")).toContain("01001");
    expect(communesOfPostalCode("00000")).toEqual([]);
  });

  it.each([
    ["75016", "75116", true],
    ["75016", "75056", true],
    ["75001", "75116", false],
    ["13001", "75056", false],
    ["01200", "01018", true],
    ["01400", "01001", true],
    ["01400", "99134", false],
  ])("postal code %s and commune %s: %s", (postalCode, commune, compatible) => {
    expect(isPostalCodeCompatible(postalCode, commune)).toBe(compatible);
  });
});

describe("compareCommunes", () => {
  it.each<[string, string, CommuneCategory | null]>([
    ["01001", "01001", "sameCommune"],
    ["01018", "01033", "sameCommune"],
    ["20004", "2A004", "sameCommune"],
    ["75101", "75115", "sameCity"],
    ["75101", "75056", "sameCity"],
    // Ailleville and Arrentières share the postal code 10200.
    ["10002", "10011", "compatiblePostalCode"],
    ["10002", "10003", "sameDepartement"],
    ["01999", "01001", "sameDepartement"],
    // Aube and Marne are both in Grand Est.
    ["10002", "51454", "sameRegion"],
    ["2A004", "2B033", "sameRegion"],
    ["75056", "13055", "else"],
    ["99134", "99134", "sameCommune"],
    ["99134", "75056", "else"],
    ["xx", "75056", null],
  ])("%s / %s → %s", (left, right, category) => {
    expect(compareCommunes(left, right)).toBe(category);
    expect(compareCommunes(right, left)).toBe(category);
  });

  it("tests each category literally and agrees with compareCommunes", () => {
    const codes = ["01001", "01018", "01033", "75101", "75115", "75056", "10002", "10011", "51454", "13055"];
    for (const left of codes) {
      for (const right of codes) {
        const category = compareCommunes(left, right)!;
        expect(communesAgree(left, right, category)).toBe(true);
        for (const stronger of communeCategories.slice(0, communeCategories.indexOf(category))) {
          expect(communesAgree(left, right, stronger)).toBe(false);
        }
      }
    }
    expect(communesAgree("xx", "xx", "else")).toBe(false);
  });
});
