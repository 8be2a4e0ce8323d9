import { describe, expect, it } from "vitest";
import { isCompoundName, removeAccents, writeCompoundFirstName } from "./name-variants.js";

describe("removeAccents", () => {
  it("drops diacritics and spells out ligatures", () => {
    expect(removeAccents("HÉLÈNE")).toBe("HELENE");
    expect(removeAccents("FRANÇOIS")).toBe("FRANCOIS");
    expect(removeAccents("LÆTITIA")).toBe("LAETITIA");
    expect(removeAccents("NOËL-ŒDIPE")).toBe("NOEL-OEDIPE");
    expect(removeAccents("MARTIN")).toBe("MARTIN");
  });
});

describe("writeCompoundFirstName", () => {
  it("writes the three usual forms of a compound first name", () => {
    expect(isCompoundName("JEAN-PIERRE")).toBe(true);
    expect(isCompoundName("PIERRE")).toBe(false);
    expect(writeCompoundFirstName("JEAN-PIERRE", "hyphenated")).toBe("JEAN-PIERRE");
    expect(writeCompoundFirstName("MARIE-ANNE-SOPHIE", "spaced")).toBe("MARIE ANNE SOPHIE");
    expect(writeCompoundFirstName("JEAN-PIERRE", "firstPart")).toBe("JEAN");
    expect(writeCompoundFirstName("PIERRE", "firstPart")).toBe("PIERRE");
  });
});
