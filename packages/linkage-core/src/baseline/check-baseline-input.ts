// Checks the criteria and the dataset before any work, reporting every spec problem at once (SpecError), then
// data problems (DataError) with stable codes.
import { checkBlockingRules } from "../blocking/index.js";
import type { CombinedDataset, Dataset } from "../data/dataset.js";
import { DataError, SpecError, type SpecIssue } from "../errors.js";
import { isEncodedKeySets, isKeySetCriterion, keySetRowCount } from "./criterion-keys.js";
import { countRelaxationSteps, MAX_RELAXATION_STEPS } from "./relaxation-steps.js";
import type { CnamBaselineOptions, DeterministicCriterion, EncodedKeySets } from "./types.js";

/** The default of `maxDroppedCriteria`: relax by one criterion at a time (none when there is one criterion). */
export const DEFAULT_MAX_DROPPED_CRITERIA = 1;

/** `maxDroppedCriteria` as given, or the default capped so that every step keeps a criterion. */
export function resolveMaxDroppedCriteria(options: CnamBaselineOptions): number {
  const criterionCount = Array.isArray(options.criteria) ? options.criteria.length : 0;
  return (
    options.maxDroppedCriteria ?? Math.min(DEFAULT_MAX_DROPPED_CRITERIA, Math.max(0, criterionCount - 1))
  );
}

export function checkBaselineInput(dataset: Dataset, options: CnamBaselineOptions): CombinedDataset {
  checkOptions(dataset, options);
  const combined = checkSources(dataset);
  checkCriterionData(combined, options.criteria);
  return combined;
}

function checkOptions(dataset: Dataset, options: CnamBaselineOptions): void {
  const issues: SpecIssue[] = [];
  const criteria: readonly DeterministicCriterion[] = Array.isArray(options.criteria) ? options.criteria : [];
  if (criteria.length === 0) {
    issues.push({
      jsonPath: "$.criteria",
      message: "no criteria given; give at least one, for example sex, birth year-month and commune.",
    });
  }
  const seen = new Set<string>();
  criteria.forEach((criterion, index) => {
    const path = `$.criteria[${index}]`;
    if (typeof criterion.name !== "string" || criterion.name === "") {
      issues.push({ jsonPath: `${path}.name`, message: "a criterion needs a non-empty name." });
    } else if (seen.has(criterion.name)) {
      issues.push({ jsonPath: `${path}.name`, message: `criterion name "${criterion.name}" is used twice.` });
    }
    seen.add(criterion.name);
    issues.push(...criterionShapeIssues(dataset, criterion, path));
  });

  // Relaxation is only worth describing once there are criteria to drop.
  if (criteria.length > 0) issues.push(...relaxationIssues(criteria, resolveMaxDroppedCriteria(options)));
  if (issues.length > 0) throw new SpecError(issues);
}

function relaxationIssues(criteria: readonly DeterministicCriterion[], maxDropped: number): SpecIssue[] {
  const upper = criteria.length - 1;
  if (!Number.isInteger(maxDropped) || maxDropped < 0 || maxDropped > upper) {
    return [
      {
        jsonPath: "$.maxDroppedCriteria",
        message: `maxDroppedCriteria must be an integer from 0 to ${upper} (one less than the number of criteria), not ${maxDropped}.`,
      },
    ];
  }
  const steps = countRelaxationSteps(criteria, maxDropped);
  if (steps <= MAX_RELAXATION_STEPS) return [];
  return [
    {
      jsonPath: "$.maxDroppedCriteria",
      message: `${steps} steps would run; at most ${MAX_RELAXATION_STEPS} are supported. Lower maxDroppedCriteria or mark criteria required.`,
    },
  ];
}

function criterionShapeIssues(
  dataset: Dataset,
  criterion: DeterministicCriterion,
  path: string,
): SpecIssue[] {
  const hasKeys = "keys" in criterion && criterion.keys !== undefined;
  const hasKeySets = isKeySetCriterion(criterion);
  if (hasKeys === hasKeySets) {
    return [
      {
        jsonPath: path,
        message:
          "a criterion needs either keys (columns to join on) or keySets (a key list per row), not both.",
      },
    ];
  }
  if (hasKeySets) {
    const keySets = criterion.keySets as unknown;
    const encoded = keySets as Partial<EncodedKeySets>;
    return Array.isArray(keySets) ||
      (encoded.offsets instanceof Int32Array && encoded.codes instanceof Int32Array)
      ? []
      : [
          {
            jsonPath: `${path}.keySets`,
            message: "keySets must be an array with one key list per row, or { offsets, codes } Int32Arrays.",
          },
        ];
  }
  const keys = (criterion as { keys: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    return [{ jsonPath: `${path}.keys`, message: "a criterion needs at least one key." }];
  }
  return transformIssues(dataset, criterion.keys, path);
}

/**
 * Key transforms are checked by the blocking checks; their issues are renamed from the blocking-rule path to
 * the criterion path. Missing columns are left to `checkCriterionData`, which reports them all with paths.
 */
function transformIssues(
  dataset: Dataset,
  keys: Extract<DeterministicCriterion, { keys: unknown }>["keys"],
  path: string,
): SpecIssue[] {
  try {
    checkBlockingRules(dataset, [{ keys }]);
    return [];
  } catch (error) {
    if (error instanceof SpecError) {
      return error.issues.map((issue) => ({
        jsonPath: issue.jsonPath.replace(/^\$\.blockingRules\[0\]/, path),
        message: issue.message,
      }));
    }
    if (error instanceof DataError) return [];
    throw error;
  }
}

function checkSources(dataset: Dataset): CombinedDataset {
  const combined = dataset as Partial<CombinedDataset>;
  if (!(combined.sourceOf instanceof Uint8Array) || !Array.isArray(combined.sourceOffsets)) {
    throw new DataError(
      "BASELINE_SOURCES_MISSING",
      `dataset "${dataset.name}" has no sources; the baseline links two sources.`,
      { hint: "Stack the two datasets with combineDatasets([registry, snds]) and pass the result." },
    );
  }
  const sourceCount = combined.sourceOffsets.length - 1;
  if (sourceCount !== 2) {
    throw new DataError(
      "BASELINE_SOURCE_COUNT",
      `dataset "${dataset.name}" stacks ${sourceCount} source${sourceCount === 1 ? "" : "s"}; the baseline links exactly two.`,
      { hint: "Combine exactly two datasets (the registry or cohort first, the SNDS extract second)." },
    );
  }
  if (combined.sourceOf.length !== dataset.rowCount) {
    throw new DataError(
      "BASELINE_SOURCES_MISMATCH",
      `dataset "${dataset.name}" has ${dataset.rowCount} rows but sources for ${combined.sourceOf.length} rows.`,
      { hint: "Build the dataset with combineDatasets, which keeps sourceOf in step with the rows." },
    );
  }
  return dataset as CombinedDataset;
}

function checkCriterionData(dataset: CombinedDataset, criteria: readonly DeterministicCriterion[]): void {
  const missing: string[] = [];
  const misSized: string[] = [];
  criteria.forEach((criterion, index) => {
    if (isKeySetCriterion(criterion)) {
      const rows = keySetRowCount(criterion.keySets);
      if (rows !== dataset.rowCount) {
        misSized.push(`"${criterion.name}" ($.criteria[${index}].keySets) has ${rows} key lists`);
      } else if (isEncodedKeySets(criterion.keySets)) {
        checkOffsets(criterion.keySets, criterion.name, index);
      }
      return;
    }
    criterion.keys.forEach((key, keyIndex) => {
      if (!dataset.columns.has(key.column)) {
        missing.push(`"${key.column}" ($.criteria[${index}].keys[${keyIndex}].column)`);
      }
    });
  });
  if (missing.length > 0) {
    throw new DataError(
      "BASELINE_COLUMN_MISSING",
      `criteria use column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} missing from dataset "${dataset.name}" (columns: ${[...dataset.columns.keys()].join(", ")}).`,
      {
        hint: "combineDatasets keeps only the columns present in both sources: give both sides the same column names, or fix the criteria.",
      },
    );
  }
  if (misSized.length > 0) {
    throw new DataError(
      "BASELINE_KEY_SETS_LENGTH",
      `criterion ${misSized.join(", criterion ")}, but dataset "${dataset.name}" has ${dataset.rowCount} rows.`,
      {
        hint: "Give one key list per row of the combined dataset, source 0 first (an empty list for no key).",
      },
    );
  }
}

/** Offsets must start at 0, never decrease and stay within the codes, or rows would read each other's keys. */
function checkOffsets(keySets: EncodedKeySets, name: string, index: number): void {
  const { offsets, codes } = keySets;
  let valid = offsets[0] === 0 && offsets[offsets.length - 1]! <= codes.length;
  for (let row = 0; valid && row < offsets.length - 1; row++) valid = offsets[row]! <= offsets[row + 1]!;
  if (!valid) {
    throw new DataError(
      "BASELINE_KEY_SETS_INVALID",
      `criterion "${name}" ($.criteria[${index}].keySets.offsets): offsets must start at 0, never decrease and end at most at the ${codes.length} codes.`,
      { hint: "Build the offsets as a running total of the number of keys of each row." },
    );
  }
}
