// The Cnam deterministic indirect linkage ("appariement indirect déterministe"): exact joins on every criterion,
// then on fewer and fewer, each keeping only one-to-one agreements and removing the linked records.
import type { CombinedDataset } from "../data/dataset.js";
import { checkBaselineInput, resolveMaxDroppedCriteria } from "./check-baseline-input.js";
import { encodeCriterion } from "./criterion-keys.js";
import { createMatchScratch, findUniqueMatches } from "./find-unique-matches.js";
import { relaxationSteps } from "./relaxation-steps.js";
import type { CnamBaselineOptions, DeterministicLinks, DeterministicStep } from "./types.js";

/**
 * Links source 0 (registry, cohort) to source 1 (SNDS extract) of a combined dataset deterministically. Step
 * 0 joins on every criterion; later steps drop criteria in the order of `relaxationSteps`. At each step a
 * still-unlinked record is linked when it agrees (equal, non-null values) with exactly one still-unlinked record
 * of the other source and that record agrees with it alone.
 */
export function linkDeterministically(
  dataset: CombinedDataset,
  options: CnamBaselineOptions,
): DeterministicLinks {
  const combined = checkBaselineInput(dataset, options);
  const { criteria } = options;
  const plan = relaxationSteps(criteria, resolveMaxDroppedCriteria(options));
  const keys = criteria.map((criterion) => encodeCriterion(combined, criterion));
  const { sourceOf, rowCount } = combined;

  const leftRows = combined.sourceOffsets[1]! - combined.sourceOffsets[0]!;
  const rightRows = combined.sourceOffsets[2]! - combined.sourceOffsets[1]!;
  // A record is linked at most once, so the smaller source bounds the number of links.
  const capacity = Math.min(leftRows, rightRows);
  const left = new Int32Array(capacity);
  const right = new Int32Array(capacity);
  const stepOf = new Uint16Array(capacity);
  let linkCount = 0;

  const scratch = createMatchScratch(rowCount);
  const linked = new Uint8Array(rowCount);
  let activeRows: Int32Array = new Int32Array(rowCount);
  for (let row = 0; row < rowCount; row++) activeRows[row] = row;
  let activeLeft = leftRows;
  let activeRight = rightRows;
  const steps: DeterministicStep[] = [];

  plan.forEach((step, stepIndex) => {
    const matches =
      activeLeft === 0 || activeRight === 0
        ? { left: new Int32Array(0), right: new Int32Array(0), ambiguousRecords: 0 }
        : findUniqueMatches(
            { sourceOf, activeRows, keys: step.kept.map((position) => keys[position]!) },
            scratch,
          );
    for (let match = 0; match < matches.left.length; match++) {
      left[linkCount] = matches.left[match]!;
      right[linkCount] = matches.right[match]!;
      stepOf[linkCount++] = stepIndex;
      linked[matches.left[match]!] = 1;
      linked[matches.right[match]!] = 1;
    }
    if (matches.left.length > 0) {
      activeRows = unlinkedRows(activeRows, linked, matches.left.length * 2);
      activeLeft -= matches.left.length;
      activeRight -= matches.left.length;
    }
    steps.push({
      criteria: step.kept.map((position) => criteria[position]!.name),
      dropped: step.dropped.map((position) => criteria[position]!.name),
      links: matches.left.length,
      ambiguousRecords: matches.ambiguousRecords,
    });
    options.onProgress?.(stepIndex + 1, plan.length);
  });

  return {
    left: left.slice(0, linkCount),
    right: right.slice(0, linkCount),
    step: stepOf.slice(0, linkCount),
    steps,
  };
}

/** The rows of `rows` not yet linked; `removed` of them were linked at the last step. */
function unlinkedRows(rows: Int32Array, linked: Uint8Array, removed: number): Int32Array {
  const kept = new Int32Array(rows.length - removed);
  let size = 0;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (linked[row] === 0) kept[size++] = row;
  }
  return kept;
}
