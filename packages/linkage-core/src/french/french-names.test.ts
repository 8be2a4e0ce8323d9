import { describe, expect, it } from "vitest";
import {
  anyNameMatches,
  compareFrenchNames,
  type FrenchNameCategory,
  frenchNameCategories,
  frenchNameForms,
  frenchNamesAgree,
  nameVariants,
  normaliseFrenchName,
} from "./french-names.js";

describe("normaliseFrenchName", () => {
  it.each([
    ["Jean-Pierre", "JEAN PIERRE"],
    ["  jean   pierre ", "JEAN PIERRE"],
    ["d'Artagnan", "D ARTAGNAN"],
    ["D’ARTAGNAN", "D ARTAGNAN"],
    ["Hélène", "HELENE"],
    ["Saint-Exupéry", "ST EXUPERY"],
    ["Ste-Croix", "ST CROIX"],
    ["SAINTE CROIX", "ST CROIX"],
    ["St. Jean", "ST JEAN"],
    ["Lætitia", "LAETITIA"],
    ["---", ""],
  ])("%s → %s", (value, normalised) => {
    expect(normaliseFrenchName(value)).toBe(normalised);
  });

  it("keeps SAINT inside a word", () => {
    expect(normaliseFrenchName("SAINTON")).toBe("SAINTON");
  });
});

describe("nameVariants", () => {
  it("lists the forms of a compound first name", () => {
    expect(nameVariants("JEAN-PIERRE")).toEqual(["JEAN PIERRE", "JEANPIERRE", "JEAN"]);
  });

  it("lists the forms of a surname with particles, removed and kept", () => {
    expect(nameVariants("de la Fontaine")).toEqual(["DE LA FONTAINE", "DELAFONTAINE", "DE", "FONTAINE"]);
    expect(nameVariants("D'ARTAGNAN")).toContain("ARTAGNAN");
  });

  it("keeps a name made only of particles", () => {
    expect(frenchNameForms("LE").withoutParticles).toBeNull();
    expect(nameVariants("LE")).toEqual(["LE"]);
  });

  it("gives nothing for an empty name", () => {
    expect(nameVariants(" ' ")).toEqual([]);
  });
});

describe("compareFrenchNames", () => {
  it.each<[string, string, FrenchNameCategory]>([
    ["Hélène", "HELENE", "exact"],
    ["Jean-Pierre", "JEAN PIERRE", "exact"],
    ["JEAN PIERRE", "JEANPIERRE", "compoundVariant"],
    ["JEAN", "JEAN-PIERRE", "compoundVariant"],
    ["DE LA FONTAINE", "FONTAINE", "particleVariant"],
    ["D'ARTAGNAN", "ARTAGNAN", "particleVariant"],
    ["DUPONT", "DUPOND", "phonetic"],
    ["GAUTHIER", "GAUTIER", "phonetic"],
    ["JEAN-PIERRE", "JEAN-PAUL", "none"],
    ["PIERRE", "JEAN PIERRE", "none"],
    ["MARTIN", "BERNARD", "none"],
    ["", "MARTIN", "none"],
  ])("%s / %s → %s", (left, right, category) => {
    expect(compareFrenchNames(left, right)).toBe(category);
    expect(compareFrenchNames(right, left)).toBe(category);
  });

  it("uses the phonetic algorithm asked for", () => {
    // Soundex keeps four characters: long names that differ late share a code.
    expect(compareFrenchNames("FONTAINEBLEAU", "FONTANELLE", { phoneticAlgorithm: "soundexFr" })).toBe(
      "phonetic",
    );
    expect(compareFrenchNames("FONTAINEBLEAU", "FONTANELLE", { phoneticAlgorithm: "fonem" })).toBe("none");
  });

  it("compares the particle-free forms phonetically", () => {
    expect(compareFrenchNames("DE LA FONTAINE", "FONTAYNE")).toBe("phonetic");
    expect(compareFrenchNames("DE LA FONTAINE", "FONTENE")).toBe("none");
  });
});

describe("frenchNamesAgree", () => {
  it("tests each category on its own terms", () => {
    expect(frenchNamesAgree("DUPONT", "DUPONT", "phonetic")).toBe(true);
    expect(frenchNamesAgree("DUPONT", "DUPOND", "exact")).toBe(false);
    expect(frenchNamesAgree("JEAN PIERRE", "JEANPIERRE", "particleVariant")).toBe(true);
    expect(frenchNamesAgree("MARTIN", "BERNARD", "none")).toBe(true);
    expect(frenchNamesAgree("", "", "exact")).toBe(false);
  });

  it("agrees with compareFrenchNames: the reported category holds and no stronger one does", () => {
    const names = [
      "JEAN PIERRE",
      "JEANPIERRE",
      "JEAN",
      "DE LA FONTAINE",
      "FONTAINE",
      "DUPONT",
      "DUPOND",
      "MARTIN",
    ];
    for (const left of names) {
      for (const right of names) {
        const category = compareFrenchNames(left, right);
        expect(frenchNamesAgree(left, right, category)).toBe(true);
        for (const stronger of frenchNameCategories.slice(0, frenchNameCategories.indexOf(category))) {
          expect(frenchNamesAgree(left, right, stronger)).toBe(false);
        }
      }
    }
  });
});

describe("anyNameMatches", () => {
  it("matches a usage name on one side against a birth name on the other", () => {
    // Birth name, usage name on each side: she uses her husband's name in one source only.
    expect(anyNameMatches(["MARTIN", "DURAND"], ["DURAND", null])).toBe("exact");
    expect(anyNameMatches(["MARTIN", null], [null, "MARTAIN"])).toBe("phonetic");
  });

  it("reports the strongest category over all pairs", () => {
    expect(anyNameMatches(["DUPOND", "DE LA FONTAINE"], ["DUPONT", "FONTAINE"])).toBe("particleVariant");
    expect(anyNameMatches(["MARTIN"], ["BERNARD", "PETIT"])).toBe("none");
  });

  it("is null when a side has no name", () => {
    expect(anyNameMatches([null, null], ["MARTIN"])).toBeNull();
    expect(anyNameMatches(["MARTIN"], ["", " - "])).toBeNull();
  });
});
