import { describe, expect, it } from "vitest";
import { dayNumber } from "../src/calendar/index.js";
import { foldAccents } from "../src/data/index.js";
import {
  azertyNeighbours,
  createAgeDistribution,
  createRandomStream,
  drawIdentityPerson,
  generateIdentityPair,
  generateWarehouseDuplicates,
  type IdentityNoiseOptions,
  type IdentityPerson,
  identityNoiseOptionsSchema,
  recordIdentity,
  type SyntheticCohort,
  writeTableCsv,
} from "../src/synthetic/index.js";
import { loadSyntheticReference } from "../src/synthetic/node/index.js";

const reference = loadSyntheticReference();

const noNoise: IdentityNoiseOptions = Object.fromEntries(
  Object.keys(identityNoiseOptionsSchema.shape).map((key) => [key, 0]),
);

function rowsOf(cohort: SyntheticCohort, name: string): (readonly string[])[] {
  const table = name === "truth" ? cohort.truth : cohort.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return [...table.rows];
}

function csvOf(cohort: SyntheticCohort): string {
  let text = "";
  for (const table of [...cohort.tables, cohort.truth]) writeTableCsv(table, (chunk) => (text += chunk));
  return text;
}

const names = reference.names;
const firstNamesBySex = names.firstNamesBySex.map(
  (distribution) => new Set([...distribution.names, ...distribution.rareNames]),
);
const surnames = new Set([...names.surnames.names, ...names.surnames.rareNames]);

describe("generateIdentityPair", () => {
  it("is deterministic for a seed and honours counts and overlap", () => {
    const options = { seed: "pair", sourceARecordCount: 2_000, sourceBRecordCount: 1_500, overlapRate: 0.4 };
    const cohort = generateIdentityPair(options, reference);
    expect(csvOf(cohort)).toBe(csvOf(generateIdentityPair(options, reference)));
    expect(csvOf(generateIdentityPair({ ...options, seed: "other" }, reference))).not.toBe(csvOf(cohort));
    const sourceA = rowsOf(cohort, "source-a");
    const sourceB = rowsOf(cohort, "source-b");
    const truth = rowsOf(cohort, "truth");
    expect(sourceA).toHaveLength(2_000);
    expect(sourceB).toHaveLength(1_500);
    expect(truth).toHaveLength(600);
    const idsA = new Set(sourceA.map((row) => row[0]));
    const idsB = new Set(sourceB.map((row) => row[0]));
    expect(truth.every(([a, b]) => idsA.has(a) && idsB.has(b))).toBe(true);
    expect(new Set(truth.map((row) => row[1])).size).toBe(600);
  });

  it("without noise, records of a true pair are identical and names come from the INSEE table", () => {
    const cohort = generateIdentityPair(
      { seed: "clean", sourceARecordCount: 3_000, sourceBRecordCount: 3_000, noise: noNoise },
      reference,
    );
    const sourceA = new Map(rowsOf(cohort, "source-a").map((row) => [row[0], row]));
    const sourceB = new Map(rowsOf(cohort, "source-b").map((row) => [row[0], row]));
    for (const [a, b] of rowsOf(cohort, "truth"))
      expect(sourceA.get(a)!.slice(1)).toEqual(sourceB.get(b)!.slice(1));
    let usageNames = 0;
    let women = 0;
    for (const [, firstName, birthName, usageName, sex, birthDate, commune, postalCode] of sourceA.values()) {
      expect(firstNamesBySex[Number(sex) - 1].has(firstName)).toBe(true);
      expect(surnames.has(birthName)).toBe(true);
      if (usageName !== "") {
        expect(sex).toBe("2");
        const spouse = usageName.startsWith(`${birthName}-`)
          ? usageName.slice(birthName.length + 1)
          : usageName;
        expect(surnames.has(spouse)).toBe(true);
      }
      expect(birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const index = reference.geography.communeCodes.indexOf(commune);
      expect(reference.geography.postalCodes[index]).toContain(postalCode);
      if (sex === "2" && Number(birthDate.slice(0, 4)) <= 1998) {
        women++;
        if (usageName !== "") usageNames++;
      }
    }
    expect(usageNames / women).toBeGreaterThan(0.4);
    expect(usageNames / women).toBeLessThan(0.5);
  });

  it("draws first names by era: a name of the 1930s is rare among the young", () => {
    const cohort = generateIdentityPair(
      { seed: "era", sourceARecordCount: 6_000, sourceBRecordCount: 1, overlapRate: 0, noise: noNoise },
      reference,
    );
    let oldGenerationNames = 0;
    let youngGenerationNames = 0;
    for (const [, firstName, , , , birthDate] of rowsOf(cohort, "source-a")) {
      if (firstName !== "JEANNE" && firstName !== "MARCEL") continue;
      if (birthDate < "1950") oldGenerationNames++;
      if (birthDate > "1975") youngGenerationNames++;
    }
    expect(oldGenerationNames).toBeGreaterThan(3 * youngGenerationNames);
  });
});

describe("recordIdentity noise", () => {
  const person: IdentityPerson = {
    sex: 1,
    birthDay: dayNumber(1961, 3, 7),
    firstName: "JEAN-FRANÇOIS",
    birthName: "LEFÈVRE",
    usageName: "",
    commune: 0,
    postalCode: reference.geography.postalCodes[0][0],
  };
  const record = (noise: IdentityNoiseOptions, index: number) =>
    recordIdentity(
      person,
      reference,
      identityNoiseOptionsSchema.parse({ ...noNoise, ...noise }),
      createRandomStream("noise", JSON.stringify(noise), index),
    );

  it("drops accents at the accent-loss rate", () => {
    let plain = 0;
    for (let index = 0; index < 4_000; index++) {
      const [firstName, birthName] = record({ accentLossRate: 0.3 }, index);
      if (firstName === "JEAN-FRANCOIS") {
        plain++;
        expect(birthName).toBe("LEFEVRE");
      } else expect(firstName).toBe("JEAN-FRANÇOIS");
    }
    expect(plain / 4_000).toBeGreaterThan(0.27);
    expect(plain / 4_000).toBeLessThan(0.33);
  });

  it("writes compound first names spaced or shortened, half each", () => {
    const forms = new Map<string, number>();
    for (let index = 0; index < 4_000; index++) {
      const [firstName] = record({ compoundFirstNameVariantRate: 1 }, index);
      forms.set(firstName, (forms.get(firstName) ?? 0) + 1);
    }
    expect([...forms.keys()].sort()).toEqual(["JEAN", "JEAN FRANÇOIS"]);
    expect(forms.get("JEAN")! / 4_000).toBeGreaterThan(0.46);
    expect(forms.get("JEAN")! / 4_000).toBeLessThan(0.54);
  });

  it("makes AZERTY typos whose substituted keys are real neighbours", () => {
    let substitutions = 0;
    for (let index = 0; index < 2_000; index++) {
      const [, birthName] = record({ surnameTypoRate: 1 }, index);
      expect(birthName).not.toBe(person.birthName);
      if (birthName.length !== person.birthName.length) continue;
      const changed = [...person.birthName].flatMap((letter, at) => (birthName[at] !== letter ? [at] : []));
      if (changed.length !== 1) continue;
      substitutions++;
      expect(azertyNeighbours(person.birthName[changed[0]])).toContain(birthName[changed[0]]);
    }
    expect(substitutions).toBeGreaterThan(500);
  });

  it("swaps first name and birth name at the swap rate", () => {
    let swapped = 0;
    for (let index = 0; index < 4_000; index++) {
      const [firstName, birthName] = record({ nameSwapRate: 0.1 }, index);
      if (firstName === "LEFÈVRE") {
        swapped++;
        expect(birthName).toBe("JEAN-FRANÇOIS");
      }
    }
    expect(swapped / 4_000).toBeGreaterThan(0.085);
    expect(swapped / 4_000).toBeLessThan(0.115);
  });

  it("files a usage name as the birth name, or leaves it out, at their rates", () => {
    const married: IdentityPerson = { ...person, sex: 2, firstName: "ANNE", usageName: "MARTIN" };
    const noise = identityNoiseOptionsSchema.parse({
      ...noNoise,
      usageNameAsBirthNameRate: 0.2,
      missingUsageNameRate: 0.5,
    });
    let asBirthName = 0;
    let missing = 0;
    for (let index = 0; index < 4_000; index++) {
      const [, birthName, usageName] = recordIdentity(
        married,
        reference,
        noise,
        createRandomStream("usage", "", index),
      );
      if (birthName === "MARTIN") {
        asBirthName++;
        expect(usageName).toBe("");
      } else if (usageName === "") missing++;
      else expect([birthName, usageName]).toEqual(["LEFÈVRE", "MARTIN"]);
    }
    expect(asBirthName / 4_000).toBeGreaterThan(0.18);
    expect(asBirthName / 4_000).toBeLessThan(0.22);
    // Half of the remaining 80 %.
    expect(missing / 4_000).toBeGreaterThan(0.37);
    expect(missing / 4_000).toBeLessThan(0.43);
  });

  it("draws persons whose women may carry a spouse's name, never men", () => {
    const population = {
      referenceYear: 2022,
      minimumAge: 30,
      maximumAge: 60,
      marriedWomenUsageNameRate: 1,
      doubleUsageNameShare: 0,
    };
    const thirtyPlus = createAgeDistribution(2022, 30, 60);
    for (let index = 0; index < 500; index++) {
      const drawn = drawIdentityPerson(
        createRandomStream("persons", "", index),
        reference,
        population,
        thirtyPlus,
      );
      if (drawn.sex === 1) expect(drawn.usageName).toBe("");
      else expect(drawn.usageName === "" || surnames.has(drawn.usageName)).toBe(true);
      expect(foldAccents(drawn.firstName)).toMatch(/^[A-Z' -]+$/);
      expect(2022 - new Date(drawn.birthDay * 86_400_000).getUTCFullYear()).toBeGreaterThanOrEqual(30);
    }
  });
});

describe("generateWarehouseDuplicates", () => {
  it("writes exactly recordCount records whose entity sizes follow the Zipf law", () => {
    const cohort = generateWarehouseDuplicates(
      { seed: "warehouse", recordCount: 20_000, zipfExponent: 2, maxRecordsPerEntity: 10 },
      reference,
    );
    const records = rowsOf(cohort, "warehouse");
    const truth = rowsOf(cohort, "truth");
    expect(records).toHaveLength(20_000);
    expect(truth.map((row) => row[0])).toEqual(records.map((row) => row[0]));
    const sizes = new Map<string, number>();
    for (const [, entity] of truth) sizes.set(entity, (sizes.get(entity) ?? 0) + 1);
    const singletons = [...sizes.values()].filter((size) => size === 1).length;
    let harmonic = 0;
    for (let size = 1; size <= 10; size++) harmonic += size ** -2;
    // The last entity may be cut short, which changes one count at most.
    expect(singletons / sizes.size).toBeCloseTo(1 / harmonic, 1);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(10);
    expect(Math.max(...sizes.values())).toBeGreaterThan(5);
  });

  it("without noise, every record of an entity is the same person; with noise they differ", () => {
    const clean = generateWarehouseDuplicates(
      { seed: "dupes", recordCount: 3_000, noise: noNoise },
      reference,
    );
    const noisy = generateWarehouseDuplicates(
      { seed: "dupes", recordCount: 3_000, noise: { firstNameTypoRate: 0.3 } },
      reference,
    );
    for (const [cohort, expectIdentical] of [
      [clean, true],
      [noisy, false],
    ] as const) {
      const byEntity = new Map<string, string>();
      let differing = 0;
      const records = rowsOf(cohort, "warehouse");
      rowsOf(cohort, "truth").forEach(([, entity], row) => {
        const values = records[row].slice(1).join("|");
        const seen = byEntity.get(entity);
        if (seen === undefined) byEntity.set(entity, values);
        else if (seen !== values) differing++;
      });
      if (expectIdentical) expect(differing).toBe(0);
      else expect(differing).toBeGreaterThan(100);
    }
    expect(csvOf(clean)).toBe(
      csvOf(generateWarehouseDuplicates({ seed: "dupes", recordCount: 3_000, noise: noNoise }, reference)),
    );
  });

  it("does not reveal entities through row order", () => {
    const cohort = generateWarehouseDuplicates({ seed: "order", recordCount: 10_000 }, reference);
    const entities = rowsOf(cohort, "truth").map((row) => row[1]);
    let adjacent = 0;
    for (let row = 1; row < entities.length; row++) if (entities[row] === entities[row - 1]) adjacent++;
    expect(adjacent).toBeLessThan(20);
  });
});
