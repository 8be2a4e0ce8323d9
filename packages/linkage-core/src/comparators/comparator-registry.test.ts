import { describe, expect, it } from "vitest";
import { editDistanceComparators, similarityComparators } from "./comparator-registry.js";
import { damerauLevenshtein } from "./damerau-levenshtein.js";
import { jaro, jaroWinkler } from "./jaro-winkler.js";
import { levenshtein } from "./levenshtein.js";
import { qgramDice, qgramJaccard } from "./qgram-similarity.js";
import { tokenDice, tokenJaccard } from "./token-similarity.js";

describe("comparator registries", () => {
  const a = "JEAN MARTINEZ";
  const b = "MARTINES JEAN";

  it("dispatch every similarity comparator name to its function", () => {
    expect(Object.keys(similarityComparators).sort()).toEqual(
      ["dice", "jaccard", "jaro", "jaroWinkler", "tokenDice", "tokenJaccard"].sort(),
    );
    expect(similarityComparators.jaroWinkler(a, b, 2)).toBe(jaroWinkler(a, b));
    expect(similarityComparators.jaro(a, b, 2)).toBe(jaro(a, b));
    expect(similarityComparators.jaccard(a, b, 3)).toBe(qgramJaccard(a, b, 3));
    expect(similarityComparators.jaccard(a, b, 3)).not.toBe(qgramJaccard(a, b, 2));
    expect(similarityComparators.dice(a, b, 2)).toBe(qgramDice(a, b, 2));
    expect(similarityComparators.tokenJaccard(a, b, 2)).toBe(tokenJaccard(a, b));
    expect(similarityComparators.tokenDice(a, b, 2)).toBe(tokenDice(a, b));
  });

  it("dispatch every edit-distance comparator name to its function", () => {
    expect(editDistanceComparators.levenshtein("CA", "AC")).toBe(levenshtein("CA", "AC"));
    expect(editDistanceComparators.damerauLevenshtein("CA", "AC")).toBe(damerauLevenshtein("CA", "AC"));
    expect(editDistanceComparators.damerauLevenshtein("CA", "AC")).toBe(1);
  });
});
