import { describe, expect, it } from "vitest";
import { isCompoundName, writeCompoundFirstName } from "./name-variants.js";

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
