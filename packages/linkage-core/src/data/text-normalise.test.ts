import { describe, expect, it } from "vitest";
import {
  collapseWhitespace,
  foldAccents,
  normalisePunctuation,
  punctuationToSpace,
  removePunctuation,
} from "./text-normalise.js";

describe("foldAccents", () => {
  it("removes Latin diacritics in both cases", () => {
    expect(foldAccents("Hélène Çàéèêëîïôöùûüÿñ ÉÈÊÀÇ")).toBe("Helene Caeeeeiioouuuyn EEEAC");
    expect(foldAccents("Łódź Dvořák Ångström Şişli")).toBe("Lodz Dvorak Angstrom Sisli");
  });

  it("spells out ligatures and letters that do not decompose", () => {
    expect(foldAccents("Cœur Œuvre Lætitia Æsop")).toBe("Coeur Oeuvre Laetitia Aesop");
    expect(foldAccents("Straße Søren Đorđe Þór")).toBe("Strasse Soren Dorde Thor");
    expect(foldAccents("CŒUR ŒUVRE STRAẞE")).toBe("COEUR OEUVRE STRASSE");
  });

  it("returns ASCII unchanged", () => {
    expect(foldAccents("JEAN-PIERRE O'NEIL")).toBe("JEAN-PIERRE O'NEIL");
  });
});

describe("normalisePunctuation", () => {
  it("maps every dash to a hyphen and typographic apostrophes to '", () => {
    expect(normalisePunctuation("Jean‐Pierre Jean–Pierre Jean—Pierre Jean−Pierre")).toBe(
      "Jean-Pierre Jean-Pierre Jean-Pierre Jean-Pierre",
    );
    expect(normalisePunctuation("D’Artagnan D‘Artagnan Dʼ Artagnan D´Artagnan")).toBe(
      "D'Artagnan D'Artagnan D' Artagnan D'Artagnan",
    );
  });

  it("maps French quotes and non-breaking spaces, and drops invisible characters", () => {
    expect(normalisePunctuation("«\u00a0Zoé\u202f» Jean\u00adPierre\u200b")).toBe('" Zoé " JeanPierre');
  });
});

describe("punctuation and whitespace", () => {
  it("turns punctuation into spaces or removes it", () => {
    expect(collapseWhitespace(punctuationToSpace("JEAN-PIERRE D'ARTAGNAN."))).toBe("JEAN PIERRE D ARTAGNAN");
    expect(removePunctuation("O'NEIL-SMITH.")).toBe("ONEILSMITH");
  });

  it("collapses runs of any whitespace and trims", () => {
    expect(collapseWhitespace("  Jean \t\n Pierre\u00a0 Dupont ")).toBe("Jean Pierre Dupont");
  });
});
