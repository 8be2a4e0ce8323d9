import { describe, expect, it } from "vitest";
import { createRandomStream, drawFirstName, drawSurname } from "../src/synthetic/index.js";
import { loadInseeNameTable, packageDataDirectory } from "../src/synthetic/node/index.js";

describe("the shipped INSEE name table", () => {
  const table = loadInseeNameTable();

  it("is found in the package's data folder and covers both sexes and every decade", () => {
    expect(packageDataDirectory()).toMatch(/linkage-core[/\\]data$/);
    const [boys, girls] = table.firstNamesBySex;
    expect(boys.names.length).toBe(3_000);
    expect(girls.names.length).toBe(3_000);
    expect(boys.firstPeriodYear).toBe(1900);
    expect(boys.cumulativeByPeriod).toHaveLength(13);
    expect(table.surnames.firstPeriodYear).toBe(1891);
    expect(table.surnames.cumulativeByPeriod).toHaveLength(11);
    expect(boys.names).toContain("JEAN-PIERRE");
    expect(girls.names).toContain("MARIE-THÉRÈSE");
    expect(table.surnames.names.slice(0, 3)).toEqual(["MARTIN", "BERNARD", "THOMAS"]);
  });

  it("never lists INSEE's aggregate rows as names", () => {
    const everyName = [
      ...table.firstNamesBySex.flatMap((distribution) => [...distribution.names, ...distribution.rareNames]),
      ...table.surnames.names,
      ...table.surnames.rareNames,
    ];
    expect(everyName).not.toContain("_PRENOMS_RARES");
    expect(everyName).not.toContain("AUTRES NOMS");
    expect(everyName.some((name) => name.startsWith("*"))).toBe(false);
  });

  it("spreads about 40 % of surnames over the long tail, as in the INSEE file", () => {
    const random = createRandomStream("tail");
    const listed = new Set(table.surnames.names);
    let tail = 0;
    let martin = 0;
    for (let draw = 0; draw < 20_000; draw++) {
      const name = drawSurname(table, 1960, random);
      if (!listed.has(name)) tail++;
      if (name === "MARTIN") martin++;
    }
    expect(tail / 20_000).toBeGreaterThan(0.4);
    expect(tail / 20_000).toBeLessThan(0.52);
    // MARTIN is about 0.3 % of births of the 1950s–60s.
    expect(martin / 20_000).toBeGreaterThan(0.0015);
    expect(martin / 20_000).toBeLessThan(0.005);
    expect(drawFirstName(table, 2, 2015, random)).not.toBe("");
  });
});
