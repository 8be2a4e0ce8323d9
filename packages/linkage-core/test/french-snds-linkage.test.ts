// Behaviour of the French comparators on a small cohort-to-SNDS linkage (fixtures/french): blocking on hospital
// stays, then every French comparison on the candidate pairs, through the public barrel of the area.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  anyNameMatches,
  buildStaysFromEvents,
  compareCommunes,
  compareDeathDates,
  compareFrenchNames,
  compareHospitalStays,
  comparePartialBirthDates,
  EstablishmentCodes,
  type StayEvent,
  stayBlockingKeys,
} from "../src/french/index.js";

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../../fixtures/french/${name}`, import.meta.url), "utf8");
  const [header, ...lines] = text.trim().split("\n");
  const columns = header!.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ""]));
  });
}

const cohort = readCsv("cohort.csv");
const snds = readCsv("snds-beneficiaries.csv");
const events = (name: string): StayEvent[] =>
  readCsv(name).map((row) => ({
    id: row.id!,
    finess: row.finess!,
    admission: row.admission!,
    discharge: row.discharge!,
  }));

const establishments = new EstablishmentCodes();
const cohortStays = buildStaysFromEvents(
  cohort.map((row) => row.id!),
  events("cohort-stays.csv"),
  { establishments },
);
const sndsStays = buildStaysFromEvents(
  snds.map((row) => row.id!),
  events("snds-stays.csv"),
  { establishments },
);

/** Pairs (cohort row, SNDS row) sharing a stay key: an inverted index over the SNDS side. */
function pairsSharingAStay(admissionWindowDays: number): string[] {
  const index = new Map<string, number[]>();
  stayBlockingKeys(sndsStays).forEach((keys, row) => {
    for (const key of keys) index.set(key, [...(index.get(key) ?? []), row]);
  });
  const pairs = new Set<string>();
  stayBlockingKeys(cohortStays, { admissionWindowDays }).forEach((keys, row) => {
    for (const key of keys)
      for (const other of index.get(key) ?? []) pairs.add(`${cohort[row]!.id}-${snds[other]!.id}`);
  });
  return [...pairs].sort();
}

function nullable(value: string | undefined): string | null {
  return value === undefined || value === "" ? null : value;
}

function comparePair(cohortRow: number, sndsRow: number) {
  const left = cohort[cohortRow]!;
  const right = snds[sndsRow]!;
  return {
    surname: anyNameMatches(
      [left.birth_name!, nullable(left.usage_name)],
      [right.birth_name!, nullable(right.usage_name)],
    ),
    firstName: compareFrenchNames(left.first_name!, right.first_name!),
    birth: comparePartialBirthDates(left.birth_date!, right.birth_month!),
    death: compareDeathDates(nullable(left.death_date), nullable(right.death_date)),
    commune: compareCommunes(left.commune!, right.commune!),
    stays: compareHospitalStays(cohortStays, cohortRow, sndsStays, sndsRow, { toleranceDays: 1 }),
  };
}

describe("cohort to SNDS linkage with French comparators", () => {
  it("blocks on shared (FINESS, admission day), a day's slack on one side only", () => {
    expect(pairsSharingAStay(0)).toEqual(["c1-s1", "c2-s2", "c3-s3"]);
    expect(pairsSharingAStay(1)).toEqual(["c1-s1", "c2-s2", "c3-s3"]);
  });

  it("grades the true pairs on every French comparison", () => {
    expect(comparePair(0, 0)).toEqual({
      surname: "exact",
      firstName: "exact",
      birth: "exactYearMonth",
      death: "bothAlive",
      commune: "sameCity",
      stays: "twoOrMore",
    });
    expect(comparePair(1, 1)).toEqual({
      surname: "particleVariant",
      firstName: "compoundVariant",
      birth: "dayMonthSwap",
      death: "withinOneDay",
      commune: "sameCommune",
      stays: "one",
    });
    expect(comparePair(2, 2)).toEqual({
      surname: "phonetic",
      firstName: "exact",
      birth: "exactYearMonth",
      death: "bothAlive",
      commune: "sameCommune",
      stays: "one",
    });
    expect(comparePair(3, 3)).toEqual({
      surname: "compoundVariant",
      firstName: "exact",
      birth: "exactYearMonth",
      death: "exact",
      commune: "sameCommune",
      stays: "noStays",
    });
  });

  it("grades a non-matching pair low", () => {
    expect(comparePair(4, 4)).toEqual({
      surname: "none",
      firstName: "exact",
      birth: "within12Months",
      death: "bothAlive",
      commune: "else",
      stays: "zero",
    });
  });
});
