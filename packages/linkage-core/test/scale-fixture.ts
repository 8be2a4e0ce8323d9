// A small deduplication problem shared by the scale tests: people recorded one to four times with typos,
// missing values and moves, and a spec with string, date, exact and term-frequency comparisons.
import seedrandom from "seedrandom";
import { type Dataset, datasetFromRecords } from "../src/data/dataset.js";
import { parseSpec } from "../src/spec/parse-spec.js";
import type { LinkageSpec } from "../src/spec/types.js";

const firstNames = [
  "MARIE",
  "JEAN",
  "PIERRE",
  "ANNE",
  "LUC",
  "CLAIRE",
  "PAUL",
  "JULIE",
  "MARC",
  "EMMA",
  "LEA",
  "HUGO",
];
const surnames = [
  "MARTIN",
  "BERNARD",
  "DUBOIS",
  "THOMAS",
  "ROBERT",
  "RICHARD",
  "PETIT",
  "DURAND",
  "LEROY",
  "MOREAU",
];

/** `people` persons, each recorded 1–4 times; the entity column is the truth. */
export function duplicatedPeople(people: number, seed = "scale"): Dataset {
  const random = seedrandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const typo = (value: string) =>
    random() < 0.15 ? `${value.slice(0, 2)}${pick(["E", "A", "I"])}${value.slice(3)}` : value;
  const records: Record<string, string | null>[] = [];
  for (let person = 0; person < people; person++) {
    const first = pick(firstNames);
    const last = `${pick(surnames)}${random() < 0.5 ? pick(["", "E", "S"]) : ""}`;
    const year = 1930 + Math.floor(random() * 70);
    const dob = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
    const sex = random() < 0.5 ? "1" : "2";
    const commune = String(75_001 + Math.floor(random() * 40));
    const copies = 1 + Math.floor(random() * random() * 4);
    for (let copy = 0; copy < copies; copy++) {
      records.push({
        id: `r${records.length}`,
        entity: `e${person}`,
        first: random() < 0.03 ? null : typo(first),
        last: typo(last),
        dob: random() < 0.05 ? `${year}` : random() < 0.03 ? null : dob,
        sex: random() < 0.01 ? null : sex,
        commune: random() < 0.1 ? String(75_001 + Math.floor(random() * 40)) : commune,
      });
    }
  }
  // Shuffled, so that duplicates are scattered over the rows.
  for (let index = records.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [records[index], records[other]] = [records[other]!, records[index]!];
  }
  return datasetFromRecords("people", records, { idColumn: "id" });
}

export const dedupeSpec: LinkageSpec = parseSpec({
  linkType: "dedupe",
  comparisons: [
    { template: "jaroWinklerAtThresholds", column: "first", thresholds: [0.92, 0.8], termFrequency: true },
    { template: "levenshteinAtThresholds", column: "last", thresholds: [1, 2] },
    {
      template: "dateDifferenceAtThresholds",
      column: "dob",
      thresholds: [
        { unit: "days", threshold: 1 },
        { unit: "years", threshold: 1 },
      ],
    },
    { template: "exactMatch", column: "sex" },
    { template: "exactMatch", column: "commune", termFrequency: true },
  ],
  blockingRules: [
    { keys: ["dob"] },
    { keys: ["first", "commune"] },
    { keys: [{ column: "last", transform: { kind: "prefix", length: 3 } }, "sex"] },
  ],
  training: { uSamplePairs: 20_000, seed: 7 },
  threshold: { kind: "matchProbability", value: 0.8 },
});
