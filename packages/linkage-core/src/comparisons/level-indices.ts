// Level index convention, assigned by position: null = -1, else = 0, more similar = higher.
import { NULL_LEVEL } from "../vectors/types.js";
import type { LevelSpec } from "./types.js";

/**
 * Index of each level of a comparison, in the order the levels are listed. Non-null levels are listed most
 * similar first, so with `count` of them they get `count - 1 … 0`; the null level gets NULL_LEVEL.
 */
export function assignLevelIndices(levels: readonly LevelSpec[]): number[] {
  let next = countNonNullLevels(levels) - 1;
  return levels.map((level) => (level.kind === "null" ? NULL_LEVEL : next--));
}

/** Number of levels a pair can be assigned besides null (the `levelCount` of vectors and parameters). */
export function countNonNullLevels(levels: readonly LevelSpec[]): number {
  let count = 0;
  for (const level of levels) if (level.kind !== "null") count++;
  return count;
}
