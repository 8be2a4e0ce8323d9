import { describe, expect, it } from "vitest";
import { foldAccents } from "../data/text-normalise.js";
import { foldAccentsToUpperCase, foldToLetters } from "./fold-accents.js";

describe("foldAccentsToUpperCase / foldToLetters", () => {
  it("folds accents and ligatures and keeps separators until asked", () => {
    expect(foldAccentsToUpperCase("Noémie Lœtitia Ça")).toBe("NOEMIE LOETITIA CA");
    expect(foldToLetters("Jean-Pierre d'Estaing")).toBe("JEANPIERREDESTAING");
    expect(foldToLetters("  ")).toBe("");
  });

  it("spells ligatures and stroked letters in capitals, as the data layer's folding does", () => {
    expect(foldAccentsToUpperCase("Œuvre Straße Søren Łódź Đorđe Þór")).toBe(
      "OEUVRE STRASSE SOREN LODZ DORDE THOR",
    );
    for (const value of ["Hélène", "Cœur", "Ångström", "Dvořák", "JEAN-PIERRE"]) {
      expect(foldAccentsToUpperCase(value)).toBe(foldAccents(value).toUpperCase());
    }
  });

  it("keeps only A–Z once folded", () => {
    expect(foldToLetters("Þórðardóttir")).toBe("THORDARDOTTIR");
    expect(foldToLetters("N'Diaye 2")).toBe("NDIAYE");
  });
});
