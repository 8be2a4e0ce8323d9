import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateRegistrySnds,
  type RegistrySndsOptions,
  SNDS_ALIVE_SENTINEL,
  SNDS_BIRTH_SENTINEL,
  type SyntheticCohort,
  writeTableCsv,
} from "../src/synthetic/index.js";
import { loadSyntheticReference } from "../src/synthetic/node/index.js";

const reference = loadSyntheticReference();
const { geography } = reference;
const communeIndex = new Map(geography.communeCodes.map((code, index) => [code, index]));

/** No noise on either side: differences then come only from the rates a test turns on. */
const noNoise: RegistrySndsOptions = {
  sndsBirthSentinelRate: 0,
  sndsPostalCodeRate: 0,
  sndsMissingCommuneRate: 0,
  moverRate: 0,
  formerCommuneCodeRate: 0,
  dayMonthSwapRate: 0,
  birthDateShiftRate: 0,
  registryMissingBirthDateRate: 0,
  registryMissingCommuneRate: 0,
  sexErrorRate: 0,
  registryMissingSexRate: 0,
  registryDeathKnownRate: 1,
  deathDateShiftRate: 0,
  stayDateShiftRate: 0,
  stayFinessMismatchRate: 0,
  twinRate: 0,
};

function rowsOf(cohort: SyntheticCohort, name: string): (readonly string[])[] {
  const table = name === "truth" ? cohort.truth : cohort.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return [...table.rows];
}

function digest(cohort: SyntheticCohort): string {
  const hash = createHash("sha256");
  for (const table of [...cohort.tables, cohort.truth]) writeTableCsv(table, (chunk) => hash.update(chunk));
  return hash.digest("hex");
}

/** Linked (registry row, SNDS row) pairs through the truth table. */
function linkedRows(cohort: SyntheticCohort): { registry: readonly string[]; snds: readonly string[] }[] {
  const snds = new Map(rowsOf(cohort, "snds-persons").map((row) => [row[0], row]));
  const registry = new Map(rowsOf(cohort, "registry-persons").map((row) => [row[0], row]));
  return rowsOf(cohort, "truth")
    .filter((row) => row[1] !== "")
    .map((row) => ({ registry: registry.get(row[0])!, snds: snds.get(row[1])! }));
}

function share(count: number, total: number): number {
  return count / total;
}

describe("generateRegistrySnds: determinism and counts", () => {
  it("gives byte-identical output for the same seed, and different output for another seed", () => {
    const options = { seed: "same", sndsPersonCount: 3_000, registryPersonCount: 400 };
    const first = generateRegistrySnds(options, reference);
    expect(digest(first)).toBe(digest(generateRegistrySnds(options, reference)));
    // Iterating a table again regenerates the same rows.
    expect(digest(first)).toBe(digest(first));
    expect(digest(generateRegistrySnds({ ...options, seed: "other" }, reference))).not.toBe(digest(first));
  });

  it("honours the counts and keeps the truth consistent with the files", () => {
    const cohort = generateRegistrySnds(
      { seed: 3, sndsPersonCount: 5_001, registryPersonCount: 1_000, registryInSndsRate: 0.8 },
      reference,
    );
    const snds = rowsOf(cohort, "snds-persons");
    const registry = rowsOf(cohort, "registry-persons");
    const truth = rowsOf(cohort, "truth");
    expect(snds).toHaveLength(5_001);
    expect(registry).toHaveLength(1_000);
    expect(truth).toHaveLength(1_000);
    const sndsIds = new Set(snds.map((row) => row[0]));
    const registryIds = new Set(registry.map((row) => row[0]));
    expect(sndsIds.size).toBe(5_001);
    expect(registryIds.size).toBe(1_000);
    const linked = truth.filter((row) => row[1] !== "");
    expect(linked).toHaveLength(800);
    expect(new Set(linked.map((row) => row[1])).size).toBe(800);
    for (const [registryId, sndsId] of truth) {
      expect(registryIds.has(registryId)).toBe(true);
      if (sndsId !== "") expect(sndsIds.has(sndsId)).toBe(true);
    }
    for (const row of rowsOf(cohort, "snds-stays")) expect(sndsIds.has(row[0])).toBe(true);
    for (const row of rowsOf(cohort, "registry-stays")) expect(registryIds.has(row[0])).toBe(true);
    expect(cohort.tables.map((table) => table.name)).toEqual([
      "snds-persons",
      "snds-stays",
      "registry-persons",
      "registry-stays",
    ]);
  });
});

describe("generateRegistrySnds: formats and sentinels", () => {
  it("writes SNDS-like values, with sentinels at the configured rates", () => {
    const count = 20_000;
    const cohort = generateRegistrySnds(
      {
        seed: "formats",
        sndsPersonCount: count,
        registryPersonCount: 10,
        sndsBirthSentinelRate: 0.05,
        deathRate: 0.1,
      },
      reference,
    );
    let birthSentinels = 0;
    let alive = 0;
    for (const [id, sex, birth, commune, death] of rowsOf(cohort, "snds-persons")) {
      expect(id).toMatch(/^[0-9A-F]{16}$/);
      expect(sex).toMatch(/^[12]$/);
      expect(birth).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(commune).toMatch(/^$|^[0-9][0-9AB][0-9]{3}$/);
      expect(death).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (birth === SNDS_BIRTH_SENTINEL) birthSentinels++;
      if (death === SNDS_ALIVE_SENTINEL) alive++;
    }
    expect(share(birthSentinels, count)).toBeGreaterThan(0.045);
    expect(share(birthSentinels, count)).toBeLessThan(0.055);
    expect(share(alive, count)).toBeGreaterThan(0.89);
    expect(share(alive, count)).toBeLessThan(0.91);
  });

  it("records a PMSI-style postal code instead of the INSEE code at the configured rate", () => {
    const cohort = generateRegistrySnds(
      {
        ...noNoise,
        seed: "postal",
        sndsPersonCount: 8_000,
        registryPersonCount: 4_000,
        registryInSndsRate: 1,
        sndsPostalCodeRate: 0.1,
      },
      reference,
    );
    const pairs = linkedRows(cohort);
    let postal = 0;
    for (const { registry, snds } of pairs) {
      const trueCommune = communeIndex.get(registry[3])!;
      if (snds[3] !== registry[3]) {
        expect(geography.postalCodes[trueCommune]).toContain(snds[3]);
        postal++;
      }
    }
    // A few postal codes equal their INSEE code and cannot be seen, hence the lower bound below 0.1.
    expect(share(postal, pairs.length)).toBeGreaterThan(0.08);
    expect(share(postal, pairs.length)).toBeLessThan(0.115);
  });
});

describe("generateRegistrySnds: registry noise against the extract", () => {
  const base = { ...noNoise, sndsPersonCount: 10_000, registryPersonCount: 5_000, registryInSndsRate: 1 };

  it("moves subjects at the mover rate, mostly within the département", () => {
    const pairs = linkedRows(
      generateRegistrySnds({ ...base, seed: "movers", moverRate: 0.2, moverNeighbourShare: 0.75 }, reference),
    );
    const movers = pairs.filter(({ registry, snds }) => registry[3] !== snds[3]);
    expect(share(movers.length, pairs.length)).toBeGreaterThan(0.18);
    expect(share(movers.length, pairs.length)).toBeLessThan(0.22);
    const nearby = movers.filter(
      ({ registry, snds }) =>
        geography.departementOfCommune[communeIndex.get(registry[3])!] ===
        geography.departementOfCommune[communeIndex.get(snds[3])!],
    );
    expect(share(nearby.length, movers.length)).toBeGreaterThan(0.7);
    expect(share(nearby.length, movers.length)).toBeLessThan(0.8);
  });

  it("uses former codes of merged communes (and whole-city codes of arrondissements) only when they exist", () => {
    const pairs = linkedRows(
      generateRegistrySnds({ ...base, seed: "merged", formerCommuneCodeRate: 1 }, reference),
    );
    let alternative = 0;
    for (const { registry, snds } of pairs) {
      const alternatives = geography.alternativeCodes[communeIndex.get(snds[3])!];
      if (alternatives.length === 0) expect(registry[3]).toBe(snds[3]);
      else {
        expect(alternatives).toContain(registry[3]);
        alternative++;
      }
    }
    expect(alternative).toBeGreaterThan(100);
  });

  it("swaps day and month at the configured rate among dates where a swap shows", () => {
    const pairs = linkedRows(
      generateRegistrySnds({ ...base, seed: "swaps", dayMonthSwapRate: 0.2 }, reference),
    );
    let eligible = 0;
    let swapped = 0;
    for (const { registry, snds } of pairs) {
      const [year, month, day] = registry[2].split("-").map(Number);
      const changed = snds[2] !== `${registry[2].slice(0, 7)}`;
      if (day <= 12 && day !== month) {
        eligible++;
        if (changed) {
          swapped++;
          expect(snds[2]).toBe(`${year}-${String(day).padStart(2, "0")}`);
        }
      } else expect(changed).toBe(false);
    }
    expect(share(swapped, eligible)).toBeGreaterThan(0.16);
    expect(share(swapped, eligible)).toBeLessThan(0.24);
  });

  it("applies missing values, sex errors and death noise at their rates", () => {
    const pairs = linkedRows(
      generateRegistrySnds(
        {
          ...base,
          seed: "missing",
          registryMissingBirthDateRate: 0.05,
          registryMissingCommuneRate: 0.1,
          sexErrorRate: 0.05,
          deathRate: 0.3,
          registryDeathKnownRate: 0.8,
          deathDateShiftRate: 0.1,
        },
        reference,
      ),
    );
    const count = pairs.length;
    const missingBirth = pairs.filter(({ registry }) => registry[2] === "").length;
    const missingCommune = pairs.filter(({ registry }) => registry[3] === "").length;
    const wrongSex = pairs.filter(({ registry, snds }) => registry[1] !== snds[1]).length;
    expect(share(missingBirth, count)).toBeGreaterThan(0.04);
    expect(share(missingBirth, count)).toBeLessThan(0.06);
    expect(share(missingCommune, count)).toBeGreaterThan(0.085);
    expect(share(missingCommune, count)).toBeLessThan(0.115);
    expect(share(wrongSex, count)).toBeGreaterThan(0.04);
    expect(share(wrongSex, count)).toBeLessThan(0.06);
    const dead = pairs.filter(({ snds }) => snds[4] !== SNDS_ALIVE_SENTINEL);
    const known = dead.filter(({ registry }) => registry[4] !== "");
    expect(share(known.length, dead.length)).toBeGreaterThan(0.76);
    expect(share(known.length, dead.length)).toBeLessThan(0.84);
    let shifted = 0;
    for (const { registry, snds } of known) {
      const gapDays = Math.abs(Date.parse(registry[4]) - Date.parse(snds[4])) / 86_400_000;
      expect([0, 1]).toContain(gapDays);
      if (gapDays === 1) shifted++;
    }
    expect(share(shifted, known.length)).toBeGreaterThan(0.07);
    expect(share(shifted, known.length)).toBeLessThan(0.13);
    // The registry never records a death the extract does not have.
    const alive = pairs.filter(({ snds }) => snds[4] === SNDS_ALIVE_SENTINEL);
    expect(alive.every(({ registry }) => registry[4] === "")).toBe(true);
  });

  it("leaves registry subjects out of the extract at the configured rate", () => {
    const cohort = generateRegistrySnds(
      { seed: "absent", sndsPersonCount: 10_000, registryPersonCount: 3_000, registryInSndsRate: 0.7 },
      reference,
    );
    const absent = rowsOf(cohort, "truth").filter((row) => row[1] === "").length;
    expect(absent).toBe(900);
  });
});

describe("generateRegistrySnds: twins", () => {
  it("creates same-sex twins sharing birth month and commune at the twin rate", () => {
    const count = 10_000;
    const cohort = generateRegistrySnds(
      { ...noNoise, seed: "twins", sndsPersonCount: count, registryPersonCount: 10, twinRate: 0.2 },
      reference,
    );
    const groups = new Map<string, number>();
    for (const [, sex, birth, commune] of rowsOf(cohort, "snds-persons")) {
      const key = `${sex}|${birth}|${commune}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    let inPairs = 0;
    for (const size of groups.values()) if (size >= 2) inPairs += size;
    expect(share(inPairs, count)).toBeGreaterThan(0.17);
    expect(share(inPairs, count)).toBeLessThan(0.23);
  });
});

describe("generateRegistrySnds: hospital stays", () => {
  interface Stay {
    readonly finess: string;
    readonly admission: string;
    readonly discharge: string;
  }
  function staysById(rows: (readonly string[])[]): Map<string, Stay[]> {
    const byId = new Map<string, Stay[]>();
    for (const [id, finess, admission, discharge] of rows) {
      const list = byId.get(id) ?? [];
      list.push({ finess, admission, discharge });
      byId.set(id, list);
    }
    return byId;
  }

  it("gives plausible stays: FINESS numbers, ordered dates inside the study and before death", () => {
    const cohort = generateRegistrySnds(
      { seed: "stays", sndsPersonCount: 5_000, registryPersonCount: 10 },
      reference,
    );
    const deaths = new Map(rowsOf(cohort, "snds-persons").map((row) => [row[0], row[4]]));
    const stays = rowsOf(cohort, "snds-stays");
    expect(stays.length / 5_000).toBeGreaterThan(1.1);
    expect(stays.length / 5_000).toBeLessThan(1.3);
    for (const [id, finess, admission, discharge] of stays) {
      expect(finess).toMatch(/^[0-9][0-9AB][0-9]{7}$/);
      expect(admission <= discharge).toBe(true);
      expect(admission >= "2010-01-01" && discharge <= "2022-12-31").toBe(true);
      const death = deaths.get(id)!;
      if (death !== SNDS_ALIVE_SENTINEL) expect(discharge <= death).toBe(true);
    }
  });

  it("shares part of a linked subject's SNDS stays with the registry", () => {
    const cohort = generateRegistrySnds(
      {
        ...noNoise,
        seed: "overlap",
        sndsPersonCount: 6_000,
        registryPersonCount: 3_000,
        registryInSndsRate: 1,
        registryStayRecordedRate: 0.6,
        registryOnlyStaysMean: 0,
        registryDiagnosisStayRate: 0,
      },
      reference,
    );
    const sndsStays = staysById(rowsOf(cohort, "snds-stays"));
    const registryStays = staysById(rowsOf(cohort, "registry-stays"));
    let recorded = 0;
    let offered = 0;
    for (const [registryId, sndsId] of rowsOf(cohort, "truth")) {
      const mine = registryStays.get(registryId) ?? [];
      const theirs = sndsStays.get(sndsId) ?? [];
      offered += theirs.length;
      recorded += mine.length;
      for (const stay of mine) {
        const same = theirs.some(
          (other) =>
            other.finess === stay.finess &&
            other.admission === stay.admission &&
            other.discharge === stay.discharge,
        );
        expect(same).toBe(true);
      }
    }
    expect(share(recorded, offered)).toBeGreaterThan(0.56);
    expect(share(recorded, offered)).toBeLessThan(0.64);
  });

  it("gives registry subjects a diagnosis stay that both sides record, and only them", () => {
    const options = {
      ...noNoise,
      sndsPersonCount: 20_000,
      registryPersonCount: 2_000,
      registryInSndsRate: 0.5,
      registryStayRecordedRate: 0,
      registryOnlyStaysMean: 0,
      meanStaysPerPerson: 0,
      deathRate: 0,
      registryDiagnosisStayRate: 0.9,
    };
    const cohort = generateRegistrySnds({ ...options, seed: "diagnosis" }, reference);
    const sndsStays = staysById(rowsOf(cohort, "snds-stays"));
    const registryStays = staysById(rowsOf(cohort, "registry-stays"));
    const truth = rowsOf(cohort, "truth");
    let sharedStay = 0;
    let linked = 0;
    let absentWithStay = 0;
    for (const [registryId, sndsId] of truth) {
      const mine = registryStays.get(registryId) ?? [];
      expect(mine.length).toBeLessThanOrEqual(1);
      if (sndsId === "") {
        absentWithStay += mine.length;
        continue;
      }
      linked++;
      // Without noise, the registry's diagnosis stay is the extract's, the person's only stay.
      expect(sndsStays.get(sndsId) ?? []).toEqual(mine);
      sharedStay += mine.length;
    }
    // Persons born after the study have no stay at all; the rest have one at rate 0.9.
    expect(share(sharedStay, linked)).toBeGreaterThan(0.84);
    expect(share(sharedStay, linked)).toBeLessThan(0.93);
    expect(share(absentWithStay, truth.length - linked)).toBeGreaterThan(0.84);
    // Only registry subjects have stays in the extract (no one else was given any).
    expect(sndsStays.size).toBe(sharedStay);
  });
});

describe("generateRegistrySnds: streaming", () => {
  it("produces rows lazily: the first rows of a 10-million-person extract come at once", () => {
    const cohort = generateRegistrySnds(
      { seed: "big", sndsPersonCount: 10_000_000, registryPersonCount: 100_000 },
      reference,
    );
    for (const table of [...cohort.tables, cohort.truth]) {
      const iterator = table.rows[Symbol.iterator]();
      for (let row = 0; row < 100; row++) expect(iterator.next().done).toBe(false);
    }
  });

  it("keeps memory flat while streaming many rows", () => {
    const cohort = generateRegistrySnds(
      { seed: "memory", sndsPersonCount: 400_000, registryPersonCount: 10 },
      reference,
    );
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let rows = 0;
    let characters = 0;
    for (const row of cohort.tables[0].rows) {
      characters += row[0].length;
      if (++rows % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(rows).toBe(400_000);
    expect(characters).toBe(400_000 * 16);
    // Holding these rows takes about 90 MB; streaming leaves only short-lived garbage (about 5 MB measured).
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  });
});
