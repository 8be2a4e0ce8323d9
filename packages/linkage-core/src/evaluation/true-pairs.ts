// Counting true pairs from an entity code per row, over the whole comparison space of a link type.
import { countPairsSharingCode } from "../blocking/key-groups.js";
import { LinkageError } from "../errors.js";
import type { LinkType } from "../spec/types.js";
import { denseCodes } from "./dense-codes.js";

/**
 * Whether a pair of rows belongs to the comparison space: `link` compares only rows of different sources;
 * `dedupe` and `linkAndDedupe` compare every pair (a dedupe run treats its rows as one dataset, as blocking
 * does).
 */
export function inComparisonSpace(
  linkType: LinkType,
  sourceOf: Uint8Array | undefined,
  a: number,
  b: number,
): boolean {
  if (a === b) return false;
  return linkType !== "link" || sourceOf === undefined || sourceOf[a] !== sourceOf[b];
}

/**
 * Number of true pairs (two rows with the same known entity code) in the comparison space, counted from
 * group sizes in linear time (no loop over pairs). Rows whose entity is NULL_CODE (unknown) are left out.
 */
export function countTruePairs(truth: Int32Array, linkType: LinkType, sourceOf?: Uint8Array): number {
  checkSources(truth, sourceOf);
  const entities = denseCodes(truth, "entity");
  return countPairsSharingCode(entities.codes, entities.keyCount, linkType === "link" ? sourceOf : undefined);
}

export function checkSources(truth: Int32Array, sourceOf: Uint8Array | undefined): void {
  if (sourceOf !== undefined && sourceOf.length !== truth.length) {
    throw new LinkageError(
      "EVALUATION_INPUT_MISMATCH",
      `the truth has ${truth.length} rows but sourceOf has ${sourceOf.length}.`,
    );
  }
}
