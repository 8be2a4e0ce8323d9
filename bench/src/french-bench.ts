// French linkage benchmarks on synthetic cohorts with known truth: registry → SNDS (Fellegi–Sunter model and
// the Cnam deterministic baseline side by side), identity traits between two sources, and warehouse dedupe.
// Every (scenario, size, method) runs in its own process, so that times and peak memory are its own.
//   pnpm bench -- --only french [--with-10m]       all sizes (with 100,000 → 10,000,000 on request)
//   node bench/dist/french-bench.js [--quick] [--with-10m] [--largest-registry 1M]
//   node bench/dist/french-bench.js --run registry-snds 2M fellegi-sunter    one size and method
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadInputs, memoryIo, parseConfig, parseJsonWithComments, Reporter } from "linkage-cli";
import {
  assignOneToOne,
  buildStaysFromColumn,
  ColumnEncoder,
  type CombinedDataset,
  combineDatasets,
  type Dataset,
  type DeterministicCriterion,
  EstablishmentCodes,
  evaluateClusters,
  generateSyntheticCohort,
  hospitalStayCriterion,
  type LinkageResult,
  type LinkageSpec,
  linkDeterministically,
  linkRecords,
  NULL_CODE,
  runLinkage,
} from "linkage-core";
import { loadSyntheticReference, writeSyntheticCohort } from "linkage-core/node";
import {
  machineFacts,
  markdownTable,
  peakMemoryMb,
  repositoryRoot,
  runIsolated,
  writeResult,
} from "./bench-support.js";

type ScenarioName = "registry-snds" | "identity" | "warehouse";
/**
 * fellegi-sunter: the example config run by the pipeline, links decided on one-to-one posteriors (its default:
 * share of subjects present estimated without labels, each pair set against its records' other candidates);
 * fellegi-sunter-pairwise: the same model's links decided on pairwise probabilities (λ estimated on the candidate
 * pairs, `oneToOne.probability: "pairwise"`), shown for comparison; cnam-baseline: the deterministic procedure
 * (linkDeterministically).
 */
type Method = "fellegi-sunter" | "fellegi-sunter-pairwise" | "cnam-baseline";

/** Quality and estimated error at one match-probability threshold. */
export interface OperatingPoint {
  readonly threshold: number;
  readonly links: number;
  readonly precision: number;
  readonly recall: number;
  readonly estimatedFalseDiscoveryRate: number;
  readonly trueFalseDiscoveryRate: number;
}

export interface FrenchBenchRow {
  readonly scenario: ScenarioName;
  readonly method: Method;
  readonly size: string;
  /** Registry subjects, source-A records or warehouse records. */
  readonly leftRecords: number;
  /** SNDS persons or source-B records (0 for dedupe). */
  readonly rightRecords: number;
  /** Reading the CSV files (and events) into datasets, in ms. */
  readonly readMs: number;
  /** Read + link, in ms. */
  readonly wallMs: number;
  readonly peakMemoryMb: number;
  /** Candidate pairs compared and scored (0 for the baseline, which joins). */
  readonly candidatePairs: number;
  /** Candidate pairs compared and scored per second (prediction stage). */
  readonly pairsPerSecond: number;
  readonly links: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Share of the subjects that have a true match who are linked to it. */
  readonly linkableLinkedShare: number;
  /** Label-free estimate (mean of 1 − match probability over the links); null for the baseline. */
  readonly estimatedFalseDiscoveryRate: number | null;
  readonly trueFalseDiscoveryRate: number;
  /** The config's threshold (match probability) that `links`, precision and recall are at; absent for the baseline. */
  readonly threshold?: number;
  /** Links at other thresholds (one-to-one posteriors only): choosing a threshold from the estimated FDR. */
  readonly operatingPoints?: readonly OperatingPoint[];
  /** Registry → SNDS: linkable subjects by the evidence their true pair offers, and how many are linked. */
  readonly evidence?: readonly EvidenceClass[];
}

/** Linkable subjects whose true pair offers one kind of evidence, and how many are linked to it. */
export interface EvidenceClass {
  readonly evidence: string;
  readonly subjects: number;
  /** Linked to their true record at the config's threshold. */
  readonly linked: number;
  /** Linked to their true record at STRICT_THRESHOLD. */
  readonly linkedStrict: number;
}

/** A stricter threshold, as health research often wants (a false link costs more than a missed one). */
const STRICT_THRESHOLD = 0.95;

/** Thresholds of the operating points: the default decision (0.5) and stricter ones for research use. */
const SWEEP_THRESHOLDS: readonly number[] = [0.5, 0.8, 0.9, 0.95, 0.99];

interface Size {
  readonly name: string;
  readonly left: number;
  readonly right: number;
  /** Generator options other than the defaults (a harder variant of the scenario). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Run only when asked for (`--with-10m`): minutes of generation and linking. */
  readonly onRequest?: boolean;
}

const SEED = 2026;
const dataRoot = join(repositoryRoot, "out", "french-bench");
const examples = join(repositoryRoot, "examples");

export const registrySizes: readonly Size[] = [
  { name: "10k", left: 1_000, right: 10_000 },
  { name: "100k", left: 5_000, right: 100_000 },
  { name: "1M", left: 50_000, right: 1_000_000 },
  { name: "2M", left: 100_000, right: 2_000_000 },
  // The hard case: a registry with no diagnosis stay, so that about 45 % of subjects share no stay with the extract.
  {
    name: "2M-no-diagnosis-stay",
    left: 100_000,
    right: 2_000_000,
    options: { registryDiagnosisStayRate: 0 },
  },
  { name: "10M", left: 100_000, right: 10_000_000, onRequest: true },
];
/** The size the issue's registry → SNDS target is set at. */
const TARGET_REGISTRY_SIZE = "2M";
const identitySizes: readonly Size[] = [
  { name: "10k", left: 10_000, right: 10_000 },
  { name: "100k", left: 100_000, right: 100_000 },
];
const warehouseSizes: readonly Size[] = [
  { name: "20k", left: 20_000, right: 0 },
  { name: "200k", left: 200_000, right: 0 },
];

/** Folder of a generated cohort; generated once per scenario, size and seed, then reused. */
function cohortFolder(scenario: ScenarioName, size: Size): string {
  return join(dataRoot, `${scenario}-${size.name}-seed${SEED}`);
}

function cohortOptions(scenario: ScenarioName, size: Size): Record<string, unknown> {
  switch (scenario) {
    case "registry-snds":
      return { seed: SEED, sndsPersonCount: size.right, registryPersonCount: size.left, ...size.options };
    case "identity":
      return { seed: SEED, sourceARecordCount: size.left, sourceBRecordCount: size.right };
    case "warehouse":
      return { seed: SEED, recordCount: size.left };
  }
}

const generatorOf: Record<ScenarioName, "registry-snds" | "identity-pair" | "warehouse-duplicates"> = {
  "registry-snds": "registry-snds",
  identity: "identity-pair",
  warehouse: "warehouse-duplicates",
};

/** Generates the cohort unless the folder holds one made with the same resolved options (defaults included). */
async function ensureCohort(scenario: ScenarioName, size: Size): Promise<string> {
  const folder = cohortFolder(scenario, size);
  const manifest = join(folder, "manifest.json");
  const options = cohortOptions(scenario, size);
  const resolved = generateSyntheticCohort(generatorOf[scenario], options, loadSyntheticReference()).options;
  if (existsSync(manifest)) {
    const made = (JSON.parse(readFileSync(manifest, "utf8")) as { options: unknown }).options;
    if (JSON.stringify(made) === JSON.stringify(resolved)) return folder;
    rmSync(folder, { recursive: true, force: true });
  }
  await writeSyntheticCohort(generatorOf[scenario], cohortOptions(scenario, size), folder);
  return folder;
}

/** The example config with its input (and events) paths pointed at a generated cohort. */
async function loadExample(configFile: string, folder: string, fileOf: (path: string) => string) {
  const path = join(examples, configFile);
  const json = parseJsonWithComments(readFileSync(path, "utf8"), path) as {
    inputs: { path: string; events?: { path: string } }[];
  };
  for (const input of json.inputs) {
    input.path = join(folder, fileOf(input.path));
    if (input.events) input.events.path = join(folder, fileOf(input.events.path));
  }
  const config = parseConfig(json, path);
  const inputs = await loadInputs(config, new Reporter(memoryIo(), "quiet"));
  return { spec: config.spec, datasets: [...inputs.datasets] };
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** True partner of each left id (registry → SNDS, A → B), from truth.csv. */
function truthPairs(folder: string): Map<string, string> {
  const lines = readFileSync(join(folder, "truth.csv"), "utf8").trim().split("\n").slice(1);
  const partner = new Map<string, string>();
  for (const line of lines) {
    const [left, right] = line.split(",");
    if (left && right) partner.set(left, right);
  }
  return partner;
}

interface LinkQuality {
  readonly links: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly linkableLinkedShare: number;
}

/** Quality of one-to-one links given as (source-0 row, source-1 row) against the true partners. */
function linkQuality(
  dataset: CombinedDataset,
  left: ArrayLike<number>,
  right: ArrayLike<number>,
  partner: ReadonlyMap<string, string>,
): LinkQuality {
  let correct = 0;
  for (let link = 0; link < left.length; link++) {
    let a = left[link]!;
    let b = right[link]!;
    if (dataset.sourceOf[a] !== 0) [a, b] = [b, a];
    if (partner.get(dataset.ids[a]!) === dataset.ids[b]) correct++;
  }
  const links = left.length;
  const precision = links === 0 ? 1 : correct / links;
  const recall = partner.size === 0 ? 1 : correct / partner.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { links, precision, recall, f1, linkableLinkedShare: recall };
}

const configOf: Record<ScenarioName, string> = {
  "registry-snds": "registry-snds/registry-snds.config.json",
  identity: "identity/identity.config.json",
  warehouse: "identity/warehouse-dedupe.config.json",
};

/**
 * Runs one scenario and size in this process: the Cnam baseline, or the Fellegi–Sunter model, which gives two
 * rows for one-to-one links (one-to-one posteriors, and the pipeline's pairwise decisions) and one for dedupe.
 */
export async function runFrenchScenario(
  scenario: ScenarioName,
  sizeName: string,
  method: "fellegi-sunter" | "cnam-baseline",
): Promise<FrenchBenchRow[]> {
  const size = sizesOf(scenario).find((candidate) => candidate.name === sizeName);
  if (!size) throw new Error(`unknown size ${sizeName} for ${scenario}`);
  const folder = await ensureCohort(scenario, size);
  const start = performance.now();
  const { spec, datasets } = await loadExample(configOf[scenario], folder, baseName);
  const readMs = performance.now() - start;
  const common = { scenario, size: size.name, leftRecords: size.left, rightRecords: size.right };
  if (method === "cnam-baseline") {
    const dataset = baselineDataset(datasets);
    const links = linkDeterministically(dataset, {
      criteria: baselineCriteria(scenario, datasets),
      maxDroppedCriteria: 1,
    });
    const wallMs = performance.now() - start;
    const quality = linkQuality(dataset, links.left, links.right, truthPairs(folder));
    return [
      {
        ...common,
        method,
        readMs: Math.round(readMs),
        wallMs: Math.round(wallMs),
        peakMemoryMb: peakMemoryMb(),
        candidatePairs: 0,
        pairsPerSecond: 0,
        ...quality,
        estimatedFalseDiscoveryRate: null,
        trueFalseDiscoveryRate: 1 - quality.precision,
      },
    ];
  }
  const result = runLinkage(spec, datasets);
  const pipelineMs = performance.now() - start;
  const { predictions, timings } = result;
  const measured = (wallMs: number) => ({
    ...common,
    readMs: Math.round(readMs),
    wallMs: Math.round(wallMs),
    peakMemoryMb: peakMemoryMb(),
    candidatePairs: predictions.pairs.count,
    pairsPerSecond: Math.round(predictions.pairs.count / Math.max(timings.predictionMs / 1000, 1e-3)),
  });
  if (scenario === "warehouse") {
    return [{ ...measured(pipelineMs), method: "fellegi-sunter", ...clusterQuality(result, folder) }];
  }
  const partner = truthPairs(folder);
  // The pipeline decided on one-to-one posteriors (the default for link): other thresholds reuse them.
  const posteriors = result.decisions;
  if (posteriors.kind !== "links" || posteriors.linkedShare === undefined) {
    throw new Error("expected links decided on one-to-one posteriors");
  }
  const decide = (threshold: number) =>
    oneToOneLinks(result, posteriors.matchWeight, posteriors.matchProbability, threshold, partner);
  const { correct, ...decision } = decide(thresholdProbability(spec.threshold));
  const wallMs = performance.now() - start;
  const operatingPoints = SWEEP_THRESHOLDS.map((threshold) => {
    const point = decide(threshold);
    return {
      threshold,
      links: point.links,
      precision: point.precision,
      recall: point.recall,
      estimatedFalseDiscoveryRate: point.estimatedFalseDiscoveryRate,
      trueFalseDiscoveryRate: point.trueFalseDiscoveryRate,
    };
  });
  const evidence =
    scenario === "registry-snds"
      ? { evidence: evidenceClasses(result, partner, correct, decide(STRICT_THRESHOLD).correct) }
      : {};
  return [
    {
      ...measured(wallMs),
      method: "fellegi-sunter",
      threshold: thresholdProbability(spec.threshold),
      ...decision,
      operatingPoints,
      ...evidence,
    },
    { ...measured(pipelineMs), method: "fellegi-sunter-pairwise", ...pairwiseQuality(result, partner) },
  ];
}

/** The spec's threshold as a match probability. */
function thresholdProbability(threshold: LinkageSpec["threshold"]): number {
  return threshold.kind === "matchProbability" ? threshold.value : 1 / (1 + 2 ** -threshold.value);
}

/** One-to-one links (best first) of the pairs whose probability reaches the threshold, and their quality. */
function oneToOneLinks(
  result: LinkageResult,
  matchWeight: Float64Array,
  matchProbability: Float64Array,
  threshold: number,
  partner: ReadonlyMap<string, string>,
) {
  const { pairs } = result.predictions;
  const assigned = assignOneToOne({
    left: pairs.left,
    right: pairs.right,
    matchWeight,
    sourceOf: result.context.dataset.sourceOf,
    minimumWeight: Math.log2(threshold / (1 - threshold)),
    method: "bestFirst",
  });
  const left = Int32Array.from(assigned.selected, (pair) => pairs.left[pair]!);
  const right = Int32Array.from(assigned.selected, (pair) => pairs.right[pair]!);
  const quality = linkQuality(result.context.dataset, left, right, partner);
  const { ids, sourceOf } = result.context.dataset;
  let expectedFalse = 0;
  const correct = new Set<string>();
  for (const pair of assigned.selected) {
    expectedFalse += 1 - matchProbability[pair]!;
    const first = pairs.left[pair]!;
    const second = pairs.right[pair]!;
    const [subject, other] = sourceOf[first] === 0 ? [first, second] : [second, first];
    if (partner.get(ids[subject]!) === ids[other]) correct.add(ids[subject]!);
  }
  return {
    ...quality,
    estimatedFalseDiscoveryRate:
      assigned.selected.length === 0 ? 0 : expectedFalse / assigned.selected.length,
    trueFalseDiscoveryRate: 1 - quality.precision,
    /** Subjects linked to their true record. */
    correct,
  };
}

/**
 * Linkable subjects grouped by what their true pair shows: a shared stay; no shared stay but the same commune
 * (or a code that serves it); the same département only; nothing of place (moved away, commune missing).
 */
function evidenceClasses(
  result: LinkageResult,
  partner: ReadonlyMap<string, string>,
  linked: ReadonlySet<string>,
  linkedStrict: ReadonlySet<string>,
): EvidenceClass[] {
  const { dataset, comparisons } = result.context;
  const rowOf = new Map<string, number>();
  dataset.ids.forEach((id, row) => {
    rowOf.set(`${dataset.sourceOf[row]}:${id}`, row);
  });
  const labelOf = (name: string, rowA: number, rowB: number) => {
    const comparison = comparisons.find((candidate) => candidate.name === name)!;
    const level = comparison.levelOfKeys(comparison.rowKeys[rowA]!, comparison.rowKeys[rowB]!);
    return level < 0 ? "null" : comparison.levelLabels[level]!;
  };
  const sameCommune = [
    "same code",
    "same commune",
    "communes share a postal code",
    "PMSI code serves the commune",
  ];
  const classes = new Map<string, { subjects: number; linked: number; linkedStrict: number }>();
  for (const [subject, other] of partner) {
    const rowA = rowOf.get(`0:${subject}`)!;
    const rowB = rowOf.get(`1:${other}`)!;
    const commune = labelOf("commune", rowA, rowB);
    const stays = labelOf("stays", rowA, rowB);
    const evidence = !stays.includes("shared stay")
      ? sameCommune.includes(commune)
        ? "no shared stay, same commune"
        : commune === "same département"
          ? "no shared stay, same département only"
          : "no shared stay, nothing of place"
      : stays.includes("same département")
        ? "a stay shared in another establishment of the département"
        : "a shared stay";
    const entry = classes.get(evidence) ?? { subjects: 0, linked: 0, linkedStrict: 0 };
    entry.subjects++;
    if (linked.has(subject)) entry.linked++;
    if (linkedStrict.has(subject)) entry.linkedStrict++;
    classes.set(evidence, entry);
  }
  return [...classes]
    .map(([evidence, counts]) => ({ evidence, ...counts }))
    .sort((a, b) => b.subjects - a.subjects);
}

/** Decisions on pairwise probabilities (`oneToOne.probability: "pairwise"`), judged with those probabilities. */
function pairwiseQuality(result: LinkageResult, partner: ReadonlyMap<string, string>) {
  const { predictions } = result;
  const context = {
    ...result.context,
    spec: {
      ...result.context.spec,
      oneToOne: { ...result.context.spec.oneToOne, probability: "pairwise" as const },
    },
  };
  const decisions = linkRecords(context, predictions);
  if (decisions.kind !== "links") throw new Error("expected one-to-one links");
  const left = Int32Array.from(decisions.selected, (pair) => predictions.pairs.left[pair]!);
  const right = Int32Array.from(decisions.selected, (pair) => predictions.pairs.right[pair]!);
  const quality = linkQuality(context.dataset, left, right, partner);
  let expectedFalse = 0;
  for (const pair of decisions.selected) expectedFalse += 1 - predictions.matchProbability[pair]!;
  return {
    ...quality,
    estimatedFalseDiscoveryRate:
      decisions.selected.length === 0 ? 0 : expectedFalse / decisions.selected.length,
    trueFalseDiscoveryRate: 1 - quality.precision,
  };
}

/** Pairwise quality of warehouse clusters against the entities of truth.csv. */
function clusterQuality(result: LinkageResult, folder: string) {
  const { decisions, context } = result;
  if (decisions.kind !== "clusters") throw new Error("expected clusters");
  const lines = readFileSync(join(folder, "truth.csv"), "utf8").trim().split("\n").slice(1);
  const entityOf = new Map<string, string>(lines.map((line) => line.split(",") as [string, string]));
  const codes = new Map<string, number>();
  const truth = Int32Array.from(context.dataset.ids, (id) => {
    const entity = entityOf.get(id);
    if (entity === undefined) return NULL_CODE;
    if (!codes.has(entity)) codes.set(entity, codes.size);
    return codes.get(entity)!;
  });
  const evaluation = evaluateClusters(decisions.clusterOf, truth);
  const estimated =
    result.errorRates.find((rate) => rate.threshold === 0.5)?.estimatedFalseDiscoveryRate ?? 0;
  return {
    links: evaluation.truePositives + evaluation.falsePositives,
    precision: evaluation.precision,
    recall: evaluation.recall,
    f1: evaluation.f1,
    linkableLinkedShare: evaluation.recall,
    estimatedFalseDiscoveryRate: estimated,
    trueFalseDiscoveryRate: 1 - evaluation.precision,
  };
}

/**
 * The two sources stacked for the baseline, death read as in docs/cnam-baseline.md: no death date (null after
 * standardisation, which nulls the SNDS 1600-01-01) becomes "alive", so that two living persons agree.
 */
function baselineDataset(datasets: readonly Dataset[]): CombinedDataset {
  return combineDatasets(
    datasets.map((dataset) => {
      const death = dataset.columns.get("death");
      if (death === undefined) return dataset;
      const encoder = new ColumnEncoder("death", dataset.rowCount);
      for (const code of death.codes) encoder.push(code === NULL_CODE ? "alive" : death.dictionary[code]!);
      return { ...dataset, columns: new Map(dataset.columns).set("death", encoder.finish()) };
    }),
  );
}

/** The Cnam criteria, most trusted first: what docs/cnam-baseline.md measured as its best setting. */
function baselineCriteria(scenario: ScenarioName, datasets: readonly Dataset[]): DeterministicCriterion[] {
  if (scenario !== "registry-snds") {
    return [
      { name: "birth date", keys: [{ column: "birth_date" }] },
      { name: "sex", keys: [{ column: "sex" }] },
      { name: "first name", keys: [{ column: "first_name" }] },
      { name: "birth name", keys: [{ column: "birth_name" }] },
      { name: "commune", keys: [{ column: "commune_code" }] },
    ];
  }
  const establishments = new EstablishmentCodes();
  const [registry, snds] = datasets.map((dataset) =>
    buildStaysFromColumn(dataset.columns.get("stays")!, { establishments }),
  );
  return [
    { name: "sex", keys: [{ column: "sex" }] },
    { name: "birth month", keys: [{ column: "birth", transform: { kind: "yearMonth" } }] },
    { name: "commune", keys: [{ column: "commune" }] },
    { name: "death", keys: [{ column: "death" }] },
    hospitalStayCriterion({ left: registry!, right: snds!, admissionWindowDays: 1, name: "stay" }),
  ];
}

function sizesOf(scenario: ScenarioName): readonly Size[] {
  return scenario === "registry-snds"
    ? registrySizes
    : scenario === "identity"
      ? identitySizes
      : warehouseSizes;
}

interface Job {
  readonly scenario: ScenarioName;
  readonly size: Size;
  readonly methods: readonly ("fellegi-sunter" | "cnam-baseline")[];
}

function jobs(quick: boolean, largestRegistry: string | undefined, withTenMillion: boolean): Job[] {
  const registry = quick
    ? registrySizes.slice(0, 2)
    : registrySizes.filter((size) => !size.onRequest || withTenMillion);
  const cut = largestRegistry ? registry.findIndex((size) => size.name === largestRegistry) : -1;
  const registryRun = cut >= 0 ? registry.slice(0, cut + 1) : registry;
  return [
    ...registryRun.map((size) => ({
      scenario: "registry-snds" as const,
      size,
      methods: ["fellegi-sunter", "cnam-baseline"] as const,
    })),
    {
      scenario: "identity",
      size: identitySizes[quick ? 0 : 1]!,
      methods: ["fellegi-sunter", "cnam-baseline"],
    },
    { scenario: "warehouse", size: warehouseSizes[quick ? 0 : 1]!, methods: ["fellegi-sunter"] },
  ];
}

/** What bench/results/french.json holds. */
export interface FrenchBenchResult {
  readonly machine: ReturnType<typeof machineFacts>;
  readonly command: string;
  readonly seed: number;
  readonly rows: readonly FrenchBenchRow[];
}

/**
 * Generates the cohorts (once, kept under out/french-bench/), then runs each scenario and method in its own
 * process. Writes bench/results/french.json unless quick.
 */
export async function runFrenchBench(options: {
  readonly quick: boolean;
  /** Stop the registry → SNDS sizes at this one (the full size may not fit the time available). */
  readonly largestRegistry?: string;
  /** Also link 100,000 registry subjects to a 10 million-person extract. */
  readonly withTenMillion?: boolean;
}): Promise<FrenchBenchResult> {
  const script = fileURLToPath(import.meta.url);
  const rows: FrenchBenchRow[] = [];
  for (const job of jobs(options.quick, options.largestRegistry, options.withTenMillion ?? false)) {
    await ensureCohort(job.scenario, job.size);
    for (const method of job.methods) {
      rows.push(...runIsolated<FrenchBenchRow[]>(script, ["--run", job.scenario, job.size.name, method]));
    }
  }
  const result = { machine: machineFacts(), command: "pnpm bench -- --only french", seed: SEED, rows };
  if (!options.quick) writeResult("french.json", result);
  return result;
}

/** The section of docs/performance.md: every row, the operating points at the largest registry size, the targets. */
export function renderFrenchSection(result: FrenchBenchResult): string {
  const registry = result.rows.filter((row) => row.scenario === "registry-snds");
  // The target is on the default cohort at 2M; variants (other generator options, 10M) are shown after it.
  const targetSize = TARGET_REGISTRY_SIZE;
  const modelAt = (size: string) =>
    registry.find((row) => row.method === "fellegi-sunter" && row.size === size);
  const model = modelAt(targetSize);
  const baseline = registry.find((row) => row.method === "cnam-baseline" && row.size === targetSize);
  const identity = result.rows.find((row) => row.scenario === "identity" && row.method === "fellegi-sunter");
  // The target is for the recommended method; the pairwise rows show why one-to-one posteriors are needed.
  const withEstimates = result.rows.filter((row) => row.method === "fellegi-sunter");
  const largestGap = Math.max(
    ...withEstimates.map((row) => Math.abs(row.estimatedFalseDiscoveryRate! - row.trueFalseDiscoveryRate)),
    ...withEstimates.flatMap((row) =>
      (row.operatingPoints ?? []).map((point) =>
        Math.abs(point.estimatedFalseDiscoveryRate - point.trueFalseDiscoveryRate),
      ),
    ),
  );
  const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
  // The operating point of most recall among those at precision ≥ 99.5 %.
  const strict = model?.operatingPoints
    ?.filter((point) => point.precision >= 0.995)
    .sort((first, second) => second.recall - first.recall)[0];
  const targets = [
    model && strict
      ? `- registry → SNDS, ${model.leftRecords.toLocaleString("en-US")} → ${model.rightRecords.toLocaleString("en-US")}: at precision ≥ 99.5 % (threshold ${strict.threshold}: ${percent(strict.precision)}), ${percent(strict.recall)} of linkable subjects linked (target 97 %); at the example's threshold ${model.threshold} ${percent(model.recall)} at precision ${percent(model.precision)}${baseline ? `, against ${percent(baseline.recall)} at ${percent(baseline.precision)} for the Cnam baseline` : ""}.`
      : "",
    identity
      ? `- identity traits, ${identity.leftRecords.toLocaleString("en-US")} vs ${identity.rightRecords.toLocaleString("en-US")}: F1 ${identity.f1.toFixed(4)} (target 0.99).`
      : "",
    `- label-free false discovery rate (fellegi-sunter rows): at most ${(100 * largestGap).toFixed(2)} points from the true one over every row and operating point (target 1 point).`,
  ].filter((line) => line !== "");
  const largeSizes = registrySizes
    .filter((size) => size.name === targetSize || size.options !== undefined || size.onRequest)
    .map((size) => size.name);
  const details = largeSizes
    .map(modelAt)
    .filter((row) => row !== undefined)
    .map((row) => operatingPointsText(row) + evidenceText(row))
    .join("");
  return `## French linkage (synthetic cohorts)

Registry → SNDS without names (sex, birth month, commune, death, hospital stays), identity traits between two
sources, and warehouse dedupe; synthetic cohorts (seed ${result.seed}, default noise, docs/synthetic-cohorts.md;
*2M-no-diagnosis-stay*: the same with \`registryDiagnosisStayRate: 0\`, a registry fed without hospital reports).
*fellegi-sunter*: the example configs, links on one-to-one posteriors at the config's threshold (registry → SNDS
0.9, others 0.5); *fellegi-sunter-pairwise*: the same model's links decided on pairwise probabilities;
*cnam-baseline*: the Cnam deterministic procedure. Each row is one process: *wall* is reading the CSV files (and
stays) plus linking; precision and recall count subjects against the truth.
Measured ${result.machine.date} on ${result.machine.cores} × ${result.machine.cpu}, Node ${result.machine.node}.
Details and discussion: [french-linkage.md](french-linkage.md).

${formatFrenchTable(result.rows)}
${details}
Targets:

${targets.join("\n")}

Reproduce: \`pnpm bench -- --only french\` (results: \`bench/results/french.json\`).
`;
}

const percentText = (value: number) => `${(100 * value).toFixed(1)} %`;

/** The model's links, precision and recall at each threshold of the sweep. */
function operatingPointsText(model: FrenchBenchRow): string {
  if (!model.operatingPoints) return "";
  return `\nOperating points of the model at ${model.size} (one-to-one posteriors; choose the threshold from the estimated FDR, no label needed):\n\n${markdownTable(
    ["threshold", "links", "precision", "recall", "est. FDR", "true FDR"],
    model.operatingPoints.map((point) => [
      point.threshold,
      point.links.toLocaleString("en-US"),
      percentText(point.precision),
      percentText(point.recall),
      `${(100 * point.estimatedFalseDiscoveryRate).toFixed(2)} %`,
      `${(100 * point.trueFalseDiscoveryRate).toFixed(2)} %`,
    ]),
  )}\n`;
}

/** Linkable subjects by the evidence their true pair offers, and the share of each linked. */
function evidenceText(model: FrenchBenchRow): string {
  if (!model.evidence) return "";
  const total = model.evidence.reduce((sum, entry) => sum + entry.subjects, 0);
  return `\nLinkable subjects at ${model.size} by the evidence their true pair offers, and the share of each linked to its record:\n\n${markdownTable(
    ["evidence", "subjects", "share", `linked (${model.threshold ?? 0.5})`, `linked (${STRICT_THRESHOLD})`],
    model.evidence.map((entry) => [
      entry.evidence,
      entry.subjects.toLocaleString("en-US"),
      percentText(entry.subjects / total),
      percentText(entry.linked / entry.subjects),
      percentText(entry.linkedStrict / entry.subjects),
    ]),
  )}\n`;
}

export function formatFrenchTable(rows: readonly FrenchBenchRow[]): string {
  const percent = (value: number | null) => (value === null ? "—" : `${(100 * value).toFixed(2)} %`);
  return markdownTable(
    [
      "scenario",
      "size",
      "method",
      "records",
      "candidate pairs",
      "wall (s)",
      "peak MB",
      "pairs/s scored",
      "links",
      "precision",
      "recall",
      "F1",
      "est. FDR",
      "true FDR",
    ],
    rows.map((row) => [
      row.scenario,
      row.size,
      row.method,
      row.rightRecords === 0
        ? row.leftRecords.toLocaleString("en-US")
        : `${row.leftRecords.toLocaleString("en-US")} → ${row.rightRecords.toLocaleString("en-US")}`,
      row.method === "cnam-baseline" ? "—" : row.candidatePairs.toLocaleString("en-US"),
      (row.wallMs / 1000).toFixed(1),
      row.peakMemoryMb,
      row.method === "cnam-baseline" ? "—" : row.pairsPerSecond.toLocaleString("en-US"),
      row.links.toLocaleString("en-US"),
      percent(row.precision),
      percent(row.recall),
      row.f1.toFixed(4),
      percent(row.estimatedFalseDiscoveryRate),
      percent(row.trueFalseDiscoveryRate),
    ]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const run = args.indexOf("--run");
  if (run >= 0) {
    const [scenario, size, method] = args.slice(run + 1, run + 4) as [
      ScenarioName,
      string,
      "fellegi-sunter" | "cnam-baseline",
    ];
    console.log(JSON.stringify(await runFrenchScenario(scenario, size, method)));
  } else {
    const largest = args.indexOf("--largest-registry");
    const result = await runFrenchBench({
      quick: args.includes("--quick"),
      ...(largest >= 0 ? { largestRegistry: args[largest + 1]! } : {}),
      withTenMillion: args.includes("--with-10m"),
    });
    console.log(renderFrenchSection(result));
  }
}
