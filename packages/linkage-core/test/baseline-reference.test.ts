// Property test of the Cnam baseline: on random small datasets with many ties and nulls, the columnar
// implementation gives exactly the links and step counts of a brute-force reference over all pairs.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  type DeterministicCriterion,
  type EncodedKeySets,
  linkDeterministically,
} from "../src/baseline/index.js";
import { type CombinedDataset, cellValue, combineDatasets, datasetFromRecords } from "../src/data/dataset.js";

const COLUMNS = ["c0", "c1", "c2", "c3"];

interface Scenario {
  readonly dataset: CombinedDataset;
  readonly criteria: readonly DeterministicCriterion[];
  readonly maxDroppedCriteria: number;
}

function drawScenario(random: () => number): Scenario {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Few distinct values and frequent nulls, so that ties, ambiguity and null handling are all exercised.
  const alphabets = COLUMNS.map(() => ["a", "b", "c", "d"].slice(0, 1 + Math.floor(random() * 4)));
  const nullRate = random() * 0.3;
  const record = (id: string) =>
    Object.fromEntries([
      ["id", id],
      ...COLUMNS.map((column, index) => [column, random() < nullRate ? null : pick(alphabets[index]!)]),
    ]);
  const leftCount = Math.floor(random() * 12);
  const rightCount = Math.floor(random() * 16);
  const dataset = combineDatasets([
    datasetFromRecords(
      "left",
      Array.from({ length: leftCount }, (_, index) => record(`L${index}`)),
      { idColumn: "id", columns: COLUMNS },
    ),
    datasetFromRecords(
      "right",
      Array.from({ length: rightCount }, (_, index) => record(`R${index}`)),
      { idColumn: "id", columns: COLUMNS },
    ),
  ]);
  const criterionCount = 1 + Math.floor(random() * 4);
  const criteria: DeterministicCriterion[] = Array.from({ length: criterionCount }, (_, index) => {
    const required = random() < 0.25;
    if (random() < 0.3) {
      const stayKeys = ["s1", "s2", "s3", "s4", "s5"].slice(0, 2 + Math.floor(random() * 4));
      const keySets = Array.from({ length: dataset.rowCount }, () =>
        Array.from({ length: Math.floor(random() * 4) }, () => pick(stayKeys)),
      );
      // Half the time as integer codes (sparse and negative, to exercise the renumbering) instead of strings.
      if (random() < 0.5) return { name: `set${index}`, keySets, required };
      return { name: `set${index}`, keySets: encodeKeySets(keySets), required, stringKeySets: keySets };
    }
    const columns = [pick(COLUMNS), ...(random() < 0.3 ? [pick(COLUMNS)] : [])];
    return { name: `columns${index}`, keys: columns.map((column) => ({ column })), required };
  });
  return { dataset, criteria, maxDroppedCriteria: Math.floor(random() * criterionCount) };
}

function encodeKeySets(keySets: readonly (readonly string[])[]): EncodedKeySets {
  const offsets = new Int32Array(keySets.length + 1);
  keySets.forEach((keys, row) => {
    offsets[row + 1] = offsets[row]! + keys.length;
  });
  const codes = Int32Array.from(keySets.flat(), (key) => -7919 * Number(key.slice(1)) + 13);
  return { offsets, codes };
}

/** Does pair (left, right) agree on a criterion: equal non-null columns, or a shared key. */
function agrees(dataset: CombinedDataset, criterion: DeterministicCriterion, left: number, right: number) {
  if ("keySets" in criterion) {
    const keySets = (criterion as { stringKeySets?: readonly (readonly string[])[] }).stringKeySets;
    const lists = keySets ?? (criterion.keySets as readonly (readonly string[])[]);
    const rightKeys = lists[right]!;
    return lists[left]!.some((key) => rightKeys.includes(key));
  }
  return criterion.keys.every(({ column }) => {
    const values = dataset.columns.get(column)!;
    const value = cellValue(values, left);
    return value !== null && value === cellValue(values, right);
  });
}

/** Every allowed subset of kept criteria: by number dropped, then by kept positions lexicographically. */
function referenceSteps(criteria: readonly DeterministicCriterion[], maxDropped: number): number[][] {
  const steps: number[][] = [];
  for (let mask = 0; mask < 1 << criteria.length; mask++) {
    const kept = criteria.map((_, position) => position).filter((position) => mask & (1 << position));
    const droppedRequired = criteria.some(
      (criterion, position) => criterion.required && !kept.includes(position),
    );
    if (kept.length > 0 && criteria.length - kept.length <= maxDropped && !droppedRequired) steps.push(kept);
  }
  return steps.sort((first, second) => {
    if (first.length !== second.length) return second.length - first.length;
    const differing = first.findIndex((position, index) => position !== second[index]);
    return differing < 0 ? 0 : first[differing]! - second[differing]!;
  });
}

/** Brute force over all pairs: links as "left-right@step", and each step's link and ambiguity counts. */
function referenceLinks(scenario: Scenario) {
  const { dataset, criteria } = scenario;
  const linked = new Set<number>();
  const rowsOf = (source: number) =>
    Array.from({ length: dataset.rowCount }, (_, row) => row).filter(
      (row) => dataset.sourceOf[row] === source,
    );
  const links: string[] = [];
  const steps = referenceSteps(criteria, scenario.maxDroppedCriteria).map((kept, stepIndex) => {
    const lefts = rowsOf(0).filter((row) => !linked.has(row));
    const rights = rowsOf(1).filter((row) => !linked.has(row));
    const partnersOf = new Map<number, number[]>();
    for (const left of lefts) {
      for (const right of rights) {
        if (!kept.every((position) => agrees(dataset, criteria[position]!, left, right))) continue;
        partnersOf.set(left, [...(partnersOf.get(left) ?? []), right]);
        partnersOf.set(right, [...(partnersOf.get(right) ?? []), left]);
      }
    }
    let stepLinks = 0;
    for (const left of lefts) {
      const partners = partnersOf.get(left) ?? [];
      if (partners.length !== 1 || partnersOf.get(partners[0]!)!.length !== 1) continue;
      links.push(`${left}-${partners[0]}@${stepIndex}`);
      linked.add(left);
      linked.add(partners[0]!);
      stepLinks++;
    }
    return {
      criteria: kept.map((position) => criteria[position]!.name),
      links: stepLinks,
      ambiguousRecords: partnersOf.size - 2 * stepLinks,
    };
  });
  return { links, steps };
}

describe("linkDeterministically against a brute-force reference", () => {
  it("gives the same links and step counts on 400 random scenarios", () => {
    const random = seedrandom("cnam-baseline-reference");
    let totalLinks = 0;
    let totalAmbiguous = 0;
    for (let trial = 0; trial < 400; trial++) {
      const scenario = drawScenario(random);
      const result = linkDeterministically(scenario.dataset, {
        criteria: scenario.criteria,
        maxDroppedCriteria: scenario.maxDroppedCriteria,
      });
      const expected = referenceLinks(scenario);
      const actual = [...result.left].map(
        (left, index) => `${left}-${result.right[index]}@${result.step[index]}`,
      );
      expect(actual, `trial ${trial}`).toEqual(expected.links);
      expect(
        result.steps.map(({ criteria, links, ambiguousRecords }) => ({ criteria, links, ambiguousRecords })),
        `trial ${trial}`,
      ).toEqual(expected.steps);
      totalLinks += actual.length;
      totalAmbiguous += expected.steps.reduce((total, step) => total + step.ambiguousRecords, 0);
    }
    // The scenarios must exercise both outcomes, or the comparison above proves little.
    expect(totalLinks).toBeGreaterThan(200);
    expect(totalAmbiguous).toBeGreaterThan(200);
  });
});
