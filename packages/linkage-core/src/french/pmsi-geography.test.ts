import { describe, expect, it } from "vitest";
import { resolveCommune } from "./geography.js";
import {
  buildPmsiGeographicTable,
  comparePmsiCodeToCommune,
  type PmsiCommuneCategory,
  parsePmsiGeographicCode,
  pmsiAgreementCategories,
  pmsiCodeAgrees,
  pmsiFacts,
  pmsiFactsAgree,
} from "./pmsi-geography.js";

describe("parsePmsiGeographicCode", () => {
  it.each([
    ["75016", { kind: "postalCode", code: "75016", departements: ["75", "92"] }],
    ["20000", { kind: "postalCode", code: "20000", departements: ["2A"] }],
    ["20200", { kind: "postalCode", code: "20200", departements: ["2B"] }],
    ["97133", { kind: "postalCode", code: "97133", departements: ["977"] }],
    ["08c01", { kind: "groupedPostalCodes", code: "08C01", departements: ["08"] }],
    ["20C01", { kind: "groupedPostalCodes", code: "20C01", departements: ["2A", "2B"] }],
    ["75999", { kind: "departementOnly", code: "75999", departements: ["75"] }],
    ["99134", { kind: "abroad", code: "99134", countryCode: "99134" }],
    ["99100", { kind: "unknown", code: "99100" }],
    ["99999", { kind: "unknown", code: "99999" }],
    ["", { kind: "unknown", code: "" }],
  ])("%s", (value, parsed) => {
    expect(parsePmsiGeographicCode(value)).toEqual(parsed);
  });
});

describe("comparePmsiCodeToCommune", () => {
  it.each<[string, string, PmsiCommuneCategory | null]>([
    ["75016", "75116", "compatiblePostalCode"],
    ["75016", "75056", "compatiblePostalCode"],
    ["75016", "75101", "sameDepartement"],
    ["20000", "2A004", "compatiblePostalCode"],
    ["08C01", "08105", "sameDepartement"],
    ["75999", "75101", "sameDepartement"],
    // Bouches-du-Rhône and Var are both in Provence-Alpes-Côte d'Azur.
    ["13001", "83137", "sameRegion"],
    ["13001", "75056", "else"],
    ["99134", "75101", "else"],
    ["99999", "75101", null],
    ["75016", "not a code", null],
  ])("%s / %s → %s", (pmsiCode, commune, category) => {
    expect(comparePmsiCodeToCommune(pmsiCode, commune)).toBe(category);
  });

  it("resolves grouped codes through the ATIH table when given", () => {
    // 08C01 grouped the postal codes 08410 and 08430 (ATIH, 2013 update of the correspondence list).
    const groupedCodes = buildPmsiGeographicTable([
      { geographicCode: "08C01", postalCode: "08410" },
      { geographicCode: "08c01", postalCode: "08430" },
    ]);
    expect(groupedCodes.get("08C01")).toEqual(["08410", "08430"]);
    const commune = "08041";
    expect(comparePmsiCodeToCommune("08C01", commune)).toBe("sameDepartement");
    expect(comparePmsiCodeToCommune("08C01", commune, { groupedCodes })).toBe("compatiblePostalCode");
  });
});

describe("pmsiFactsAgree", () => {
  it("agrees with pmsiCodeAgrees on every pair of sample codes and category", () => {
    const pmsiValues = [
      "75015",
      "75016",
      "45000",
      "45100",
      "45999",
      "08C01",
      "20000",
      "20167",
      "97100",
      "99134",
      "99999",
      "xx",
    ];
    const communeValues = [
      "75115",
      "75056",
      "75116",
      "45234",
      "45006",
      "41018",
      "2A004",
      "2B033",
      "97105",
      "01018",
      "99999",
    ];
    let agreements = 0;
    for (const pmsi of pmsiValues) {
      for (const commune of communeValues) {
        for (const category of pmsiAgreementCategories) {
          const facts = pmsiFacts(pmsi);
          const resolved = resolveCommune(commune);
          const expected = pmsiCodeAgrees(pmsi, commune, category);
          expect(facts !== null && resolved !== null && pmsiFactsAgree(facts, resolved, category)).toBe(
            expected,
          );
          if (expected) agreements++;
        }
      }
    }
    expect(agreements).toBeGreaterThan(10);
  });
});
