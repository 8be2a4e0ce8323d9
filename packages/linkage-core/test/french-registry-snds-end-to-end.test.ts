// A registry linked to an SNDS extract end to end, on a small generated cohort: stays folded from the events
// tables, French levels, blocking on shared stays, one-to-one posteriors; against the Cnam baseline on the
// same data and truth. Quality only: no timing.
import { describe, expect, it } from "vitest";
import { hospitalStayCriterion, linkDeterministically } from "../src/baseline/index.js";
import {
  communeComparison,
  deathDateComparison,
  exactMatch,
  hospitalStaysComparison,
  partialBirthDateComparison,
} from "../src/comparisons/index.js";
import {
  ColumnEncoder,
  type CombinedDataset,
  combineDatasets,
  type Dataset,
  datasetFromRecords,
  NULL_CODE,
} from "../src/data/dataset.js";
import { standardiseDataset } from "../src/data/standardise.js";
import type { ModelParameters } from "../src/estimation/types.js";
import { attachEventColumn, buildStaysFromColumn, EstablishmentCodes } from "../src/french/index.js";
import { type LinkageResult, runLinkage, streamLinkage } from "../src/pipeline/index.js";
import { parseSpec } from "../src/spec/parse-spec.js";
import { generateRegistrySnds, type SyntheticTable } from "../src/synthetic/index.js";
import { loadSyntheticReference } from "../src/synthetic/node/index.js";

const cohort = generateRegistrySnds(
  // The hard case: no diagnosis stay, so that about half the subjects share no stay with their SNDS record.
  { seed: 11, sndsPersonCount: 20_000, registryPersonCount: 2_000, registryDiagnosisStayRate: 0 },
  loadSyntheticReference(),
);
const table = (name: string) => cohort.tables.find((candidate) => candidate.name === name)!;

function records(source: SyntheticTable, rename: Readonly<Record<string, string>>): Record<string, string>[] {
  return [...source.rows].map((row) =>
    Object.fromEntries(source.header.map((column, index) => [rename[column] ?? column, row[index]!])),
  );
}

/** One side as the CLI loader builds it: renamed, standardised (SNDS placeholders nulled), stays attached. */
function side(
  persons: string,
  stays: string,
  idColumn: string,
  rename: Readonly<Record<string, string>>,
): Dataset {
  const read = datasetFromRecords(persons, records(table(persons), rename), { idColumn });
  const { dataset } = standardiseDataset(read, [
    { column: "sex", steps: ["sex"] },
    { column: "birth", steps: [{ kind: "date" }] },
    { column: "commune", steps: ["inseeCommune"] },
    { column: "commune", output: "departement", steps: ["departement"] },
    { column: "death", steps: [{ kind: "date" }] },
  ]);
  const events = datasetFromRecords(stays, records(table(stays), {}), {
    idColumn: "finess",
    columns: [idColumn, "finess", "admission_date", "discharge_date"],
  });
  return attachEventColumn(dataset, events, {
    idColumn,
    finessColumn: "finess",
    admissionColumn: "admission_date",
    dischargeColumn: "discharge_date",
  }).dataset;
}

const registry = side("registry-persons", "registry-stays", "registry_id", {
  birth_date: "birth",
  commune_code: "commune",
  death_date: "death",
});
const snds = side("snds-persons", "snds-stays", "snds_id", {
  birth_year_month: "birth",
  commune_code: "commune",
  death_date: "death",
});
const partner = new Map(
  [...cohort.truth.rows].filter((row) => row[1] !== "").map((row) => [row[0]!, row[1]!]),
);

const stays = { column: "stays", transform: { kind: "hospitalStays", admissionWindowDays: 1 } } as const;
const birthMonth = { column: "birth", transform: { kind: "yearMonth" } } as const;
const spec = parseSpec({
  linkType: "link",
  comparisons: [
    exactMatch("sex"),
    partialBirthDateComparison("birth", {
      categories: [
        "exactYearMonth",
        "dayMonthSwap",
        "sameMonthYearPlusMinusOne",
        "sameYear",
        "within12Months",
      ],
    }),
    communeComparison("commune", {
      categories: ["sameCommune", "compatiblePostalCode", "sameDepartement", "sameRegion"],
      pmsiCodes: true,
      termFrequency: true,
    }),
    deathDateComparison("death"),
    hospitalStaysComparison("stays"),
  ],
  blockingRules: [
    { keys: [stays] },
    { keys: ["sex", birthMonth, "departement"] },
    { keys: [birthMonth, "commune"] },
    { keys: ["sex", { column: "birth", transform: { kind: "year" } }, "commune"] },
  ],
  training: {
    sessions: [
      { blockingRule: { keys: ["sex", birthMonth, "commune"] } },
      { blockingRule: { keys: [stays, birthMonth] } },
      { blockingRule: { keys: [stays, "sex", "commune"] } },
    ],
  },
});

interface Quality {
  readonly precision: number;
  readonly recall: number;
}

function quality(dataset: CombinedDataset, left: ArrayLike<number>, right: ArrayLike<number>): Quality {
  let correct = 0;
  for (let link = 0; link < left.length; link++) {
    if (partner.get(dataset.ids[left[link]!]!) === dataset.ids[right[link]!]) correct++;
  }
  return { precision: correct / left.length, recall: correct / partner.size };
}

/** The pipeline's links (one-to-one posteriors, the default) at a match-probability threshold. */
function linkWithModel(threshold: number, parameters?: ModelParameters) {
  const thresholdSpec = { ...spec, threshold: { kind: "matchProbability" as const, value: threshold } };
  const result = runLinkage(thresholdSpec, [registry, snds], parameters ? { parameters } : {});
  const { decisions, predictions } = result;
  if (decisions.kind !== "links") throw new Error("expected links");
  const left = Int32Array.from(decisions.selected, (pair) => predictions.pairs.left[pair]!);
  const right = Int32Array.from(decisions.selected, (pair) => predictions.pairs.right[pair]!);
  const rates = result.errorRates.find((rate) => rate.threshold === threshold)!;
  expect(rates.linkedPairs).toBe(decisions.selected.length);
  return {
    ...quality(result.context.dataset, left, right),
    estimatedFalseDiscoveryRate: rates.estimatedFalseDiscoveryRate,
    linkedShare: decisions.linkedShare!.linkedShare,
    result,
  };
}

function linkWithBaseline(): Quality {
  // As docs/cnam-baseline.md: no death date on both sides counts as agreement ("alive").
  const alive = (dataset: Dataset): Dataset => {
    const death = dataset.columns.get("death")!;
    const encoder = new ColumnEncoder("death", dataset.rowCount);
    for (const code of death.codes) encoder.push(code === NULL_CODE ? "alive" : death.dictionary[code]!);
    return { ...dataset, columns: new Map(dataset.columns).set("death", encoder.finish()) };
  };
  const dataset = combineDatasets([alive(registry), alive(snds)]);
  const establishments = new EstablishmentCodes();
  const links = linkDeterministically(dataset, {
    criteria: [
      { name: "sex", keys: [{ column: "sex" }] },
      { name: "birth month", keys: [birthMonth] },
      { name: "commune", keys: [{ column: "commune" }] },
      { name: "death", keys: [{ column: "death" }] },
      hospitalStayCriterion({
        left: buildStaysFromColumn(registry.columns.get("stays")!, { establishments }),
        right: buildStaysFromColumn(snds.columns.get("stays")!, { establishments }),
        admissionWindowDays: 1,
      }),
    ],
  });
  return quality(dataset, links.left, links.right);
}

describe("registry → SNDS end to end on a generated cohort", () => {
  const model = linkWithModel(0.5);
  const strict = linkWithModel(0.95, model.result.parameters);
  const baseline = linkWithBaseline();

  it("links far more subjects than the Cnam baseline", () => {
    expect(baseline.recall).toBeGreaterThan(0.6);
    expect(model.precision).toBeGreaterThan(0.99);
    expect(model.recall).toBeGreaterThan(baseline.recall + 0.05);
  });

  it("links more subjects than the Cnam baseline at its precision, with a stricter threshold", () => {
    expect(strict.precision).toBeGreaterThanOrEqual(baseline.precision - 0.001);
    expect(strict.recall).toBeGreaterThan(baseline.recall + 0.01);
  });

  it("estimates its false discovery rate, and the share of subjects present, without labels", () => {
    for (const links of [model, strict]) {
      expect(Math.abs(links.estimatedFalseDiscoveryRate - (1 - links.precision))).toBeLessThan(0.01);
    }
    // 85 % of the subjects are in the extract; a few are out of reach of blocking.
    expect(model.linkedShare).toBeGreaterThan(0.75);
    expect(model.linkedShare).toBeLessThan(0.88);
  });

  it("decides on one-to-one posteriors, which pairwise decisions fall short of", () => {
    const pairwise = runLinkage(
      { ...spec, oneToOne: { ...spec.oneToOne, probability: "pairwise" } },
      [registry, snds],
      { parameters: model.result.parameters },
    );
    if (pairwise.decisions.kind !== "links") throw new Error("expected links");
    expect(pairwise.decisions.linkedShare).toBeUndefined();
    expect(pairwise.decisions.matchProbability).toBe(pairwise.predictions.matchProbability);
    const { left, right } = pairwise.predictions.pairs;
    const links = quality(
      pairwise.context.dataset,
      Int32Array.from(pairwise.decisions.selected, (pair) => left[pair]!),
      Int32Array.from(pairwise.decisions.selected, (pair) => right[pair]!),
    );
    // Pairwise probabilities ignore look-alikes and the share of subjects present: a worse trade-off (here
    // fewer links for little precision), and an error rate further from the truth.
    const f1 = (found: Quality) => (2 * found.precision * found.recall) / (found.precision + found.recall);
    expect(f1(links)).toBeLessThan(f1(model) - 0.005);
    const pairwiseRates = pairwise.errorRates.find((rate) => rate.threshold === 0.5)!;
    expect(Math.abs(pairwiseRates.estimatedFalseDiscoveryRate - (1 - links.precision))).toBeGreaterThan(
      Math.abs(model.estimatedFalseDiscoveryRate - (1 - model.precision)),
    );
  });

  it("streams to the same one-to-one links, probabilities and error rates", async () => {
    const streamed = await streamLinkage(spec, [registry, snds], {
      parameters: model.result.parameters,
      chunkPairs: 256,
    });
    const rowsOf = (result: LinkageResult) => {
      if (result.decisions.kind !== "links") throw new Error("expected links");
      const { selected, matchProbability } = result.decisions;
      const { left, right } = result.predictions.pairs;
      return [...selected].map((pair) => `${left[pair]}-${right[pair]} ${matchProbability[pair]}`);
    };
    expect(streamed.candidatePairCount).toBeGreaterThan(256 * 4);
    expect(rowsOf(streamed)).toEqual(rowsOf(model.result));
    expect(streamed.errorRates).toEqual(model.result.errorRates);
    // Only pairs that could reach the lowest threshold were kept.
    expect(streamed.predictions.pairs.count).toBeLessThan(streamed.candidatePairCount);
  });
});
