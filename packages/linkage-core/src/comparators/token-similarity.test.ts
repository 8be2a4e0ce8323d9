import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { tokenDice, tokenJaccard } from "./token-similarity.js";

function referenceTokens(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter((token) => token.length > 0));
}

describe("tokenJaccard and tokenDice", () => {
  it("compare whitespace-separated token sets, ignoring order and repeats", () => {
    expect(tokenJaccard("JEAN PIERRE", "PIERRE JEAN")).toBe(1);
    expect(tokenJaccard("MARIE  CLAIRE\tDUPONT", "MARIE DUPONT")).toBeCloseTo(2 / 3, 12);
    expect(tokenDice("MARIE CLAIRE DUPONT", "MARIE DUPONT")).toBeCloseTo(4 / 5, 12);
    expect(tokenJaccard("JEAN JEAN", "JEAN")).toBe(1);
    expect(tokenJaccard("1 RUE DE LA PAIX", "1 RUE DE LA PAIX BIS")).toBeCloseTo(5 / 6, 12);
    // Non-breaking spaces separate tokens too; hyphens do not.
    expect(tokenJaccard("JEAN\u00a0PIERRE", "PIERRE JEAN")).toBe(1);
    expect(tokenJaccard("JEAN-PIERRE", "JEAN PIERRE")).toBe(0);
  });

  it("define strings without tokens", () => {
    expect(tokenJaccard("", "")).toBe(1);
    expect(tokenDice("  ", "\t")).toBe(1);
    expect(tokenJaccard("", "JEAN")).toBe(0);
    expect(tokenDice("JEAN", " ")).toBe(0);
  });

  it("agree with set arithmetic on random token lists, including many tokens", () => {
    const random = seedrandom("token-reference");
    const words = ["JEAN", "PIERRE", "MARIE", "DE", "LA", "RUE", "ÉCOLE", "J", "ÉLISE", "DU"];
    const phrase = () => {
      const count = Math.floor(random() * 80);
      let text = "";
      for (let index = 0; index < count; index++) {
        text += words[Math.floor(random() * words.length)] + (random() < 0.2 ? "  " : " ");
      }
      return text;
    };
    for (let trial = 0; trial < 1000; trial++) {
      const a = phrase();
      const b = phrase();
      const tokensA = referenceTokens(a);
      const tokensB = referenceTokens(b);
      const shared = [...tokensA].filter((token) => tokensB.has(token)).length;
      const empty = tokensA.size === 0 || tokensB.size === 0;
      const sameEmptiness = tokensA.size === tokensB.size ? 1 : 0;
      expect(tokenJaccard(a, b)).toBeCloseTo(
        empty ? sameEmptiness : shared / (tokensA.size + tokensB.size - shared),
        12,
      );
      expect(tokenDice(a, b)).toBeCloseTo(
        empty ? sameEmptiness : (2 * shared) / (tokensA.size + tokensB.size),
        12,
      );
      expect(tokenJaccard(a, b)).toBe(tokenJaccard(b, a));
    }
  });

  it("handles more distinct tokens than the initial scratch holds", () => {
    const many = Array.from({ length: 100 }, (_, index) => `T${index}`).join(" ");
    const half = Array.from({ length: 50 }, (_, index) => `T${index * 2}`).join(" ");
    expect(tokenJaccard(many, half)).toBeCloseTo(0.5, 12);
    expect(tokenDice(half, many)).toBeCloseTo(100 / 150, 12);
  });
});
