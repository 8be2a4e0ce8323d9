import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  dateDifferenceAtThresholds,
  forenameSurnameComparison,
  jaroWinklerAtThresholds,
  levenshteinAtThresholds,
} from "../src/comparisons/comparison-library.js";
import { compileComparisons } from "../src/comparisons/compile-comparisons.js";
import { datasetFromRecords } from "../src/data/dataset.js";

const NAMES = [
  "MARTIN",
  "BERNARD",
  "THOMAS",
  "PETIT",
  "ROBERT",
  "RICHARD",
  "DURAND",
  "DUBOIS",
  "MOREAU",
  "LAURENT",
];

function randomDataset(rowCount: number, seed: string) {
  const random = seedrandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const typo = (name: string) => {
    if (random() < 0.7) return name;
    const position = Math.floor(random() * name.length);
    return name.slice(0, position) + pick(["A", "E", "Z"]) + name.slice(position + 1);
  };
  const records = Array.from({ length: rowCount }, (_, row) => ({
    id: String(row),
    forename: random() < 0.1 ? null : typo(pick(NAMES)),
    surname: random() < 0.1 ? null : typo(pick(NAMES)),
    birth:
      random() < 0.1
        ? null
        : `19${50 + Math.floor(random() * 3)}-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`,
  }));
  return datasetFromRecords("random", records, { idColumn: "id" });
}

describe("per-key-pair cache", () => {
  const specs = [
    jaroWinklerAtThresholds("surname"),
    levenshteinAtThresholds("forename"),
    dateDifferenceAtThresholds("birth", undefined, { dayMonthSwap: true }),
    forenameSurnameComparison("forename", "surname"),
  ];

  it("returns the uncached level for every pair, in dense, hashed and uncached modes alike", () => {
    const dataset = randomDataset(400, "cache");
    const dense = compileComparisons(specs, dataset);
    const hashed = compileComparisons(specs, dataset, {
      cache: { maxDenseEntries: 0, maxHashedEntries: 64 },
    });
    expect(dense.map((comparison) => comparison.cacheMode)).toEqual(["dense", "dense", "dense", "dense"]);
    // Date levels are cheaper to compute than a hash-table miss, so they are not hashed.
    expect(hashed.map((comparison) => comparison.cacheMode)).toEqual(["hashed", "hashed", "none", "hashed"]);
    const random = seedrandom("pairs");
    let differences = 0;
    for (let draw = 0; draw < 20_000; draw++) {
      const rowA = Math.floor(random() * dataset.rowCount);
      const rowB = Math.floor(random() * dataset.rowCount);
      dense.forEach((comparison, index) => {
        const keyA = comparison.rowKeys[rowA];
        const keyB = comparison.rowKeys[rowB];
        const expected = comparison.levelOfKeysUncached(keyA, keyB);
        const other = hashed[index];
        if (comparison.levelOfKeys(keyA, keyB) !== expected) differences++;
        if (other.levelOfKeys(other.rowKeys[rowA], other.rowKeys[rowB]) !== expected) differences++;
      });
    }
    expect(differences).toBe(0);
  });

  it("gives dense tables to the comparisons with the fewest keys while the byte budget lasts", () => {
    const dataset = randomDataset(400, "budget");
    const keyCounts = compileComparisons(specs, dataset).map((comparison) => comparison.keyCount);
    const fewest = keyCounts.indexOf(Math.min(...keyCounts));
    const budget = keyCounts[fewest] ** 2 + 1;
    const modes = compileComparisons(specs, dataset, { cache: { maxDenseBytes: budget } }).map(
      (comparison) => comparison.cacheMode,
    );
    expect(modes.filter((mode) => mode === "dense")).toHaveLength(1);
    expect(modes[fewest]).toBe("dense");
  });

  it("gives rows with equal values equal keys", () => {
    const dataset = randomDataset(300, "keys");
    const [, , , names] = compileComparisons(specs, dataset);
    const forenames = dataset.columns.get("forename")!;
    const surnames = dataset.columns.get("surname")!;
    const keyOfTuple = new Map<string, number>();
    for (let row = 0; row < dataset.rowCount; row++) {
      const tuple = `${forenames.codes[row]},${surnames.codes[row]}`;
      const key = names.rowKeys[row];
      if (forenames.codes[row] < 0 && surnames.codes[row] < 0) expect(key).toBe(-1);
      if (!keyOfTuple.has(tuple)) keyOfTuple.set(tuple, key);
      expect(key).toBe(keyOfTuple.get(tuple));
    }
    expect(names.keyCount).toBe(new Set([...keyOfTuple.values()].filter((key) => key >= 0)).size);
  });
});
