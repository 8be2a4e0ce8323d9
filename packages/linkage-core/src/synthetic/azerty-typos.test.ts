import { describe, expect, it } from "vitest";
import { applyAzertyTypo, azertyNeighbours } from "./azerty-typos.js";
import { createRandomStream } from "./random-stream.js";

const sorted = (letters: string) => [...letters].sort().join("");

describe("azertyNeighbours", () => {
  it("follows the AZERTY layout, not QWERTY", () => {
    // A sits left of Z above Q; M ends the middle row under P; W sits under Q and S.
    expect(sorted(azertyNeighbours("A"))).toBe("QZ");
    expect(sorted(azertyNeighbours("Q"))).toBe("ASWZ");
    expect(sorted(azertyNeighbours("M"))).toBe("LP");
    expect(sorted(azertyNeighbours("W"))).toBe("QSX");
    expect(sorted(azertyNeighbours("E"))).toBe("DRSZ");
    expect(sorted(azertyNeighbours("N"))).toBe("BHJ");
    expect(azertyNeighbours("É")).toBe("");
  });

  it("is symmetric", () => {
    for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
      for (const neighbour of azertyNeighbours(letter)) expect(azertyNeighbours(neighbour)).toContain(letter);
    }
  });
});

describe("applyAzertyTypo", () => {
  it("makes exactly one substitution, insertion, deletion or swap, with real neighbouring keys", () => {
    const random = createRandomStream("typos");
    const name = "BERNADETTE";
    const kinds = new Set<string>();
    for (let draw = 0; draw < 2_000; draw++) {
      const typed = applyAzertyTypo(name, random);
      expect(typed).not.toBe(name);
      if (typed.length === name.length) {
        const changed = [...name].flatMap((letter, at) => (typed[at] !== letter ? [at] : []));
        if (changed.length === 1) {
          kinds.add("substitution");
          expect(azertyNeighbours(name[changed[0]])).toContain(typed[changed[0]]);
        } else {
          kinds.add("transposition");
          expect(changed).toHaveLength(2);
          expect(changed[1] - changed[0]).toBe(1);
          expect(typed[changed[0]]).toBe(name[changed[1]]);
        }
      } else if (typed.length === name.length + 1) {
        kinds.add("insertion");
        // Some position holds an extra key that neighbours the letter typed just before it.
        const explained = [...typed].some(
          (letter, at) =>
            at > 0 &&
            typed.slice(0, at) + typed.slice(at + 1) === name &&
            azertyNeighbours(typed[at - 1]).includes(letter),
        );
        expect(explained).toBe(true);
      } else {
        kinds.add("deletion");
        expect(typed.length).toBe(name.length - 1);
      }
    }
    expect([...kinds].sort()).toEqual(["deletion", "insertion", "substitution", "transposition"]);
  });

  it("leaves a text without A–Z letters unchanged", () => {
    expect(applyAzertyTypo("-- ", createRandomStream("none"))).toBe("-- ");
  });
});
