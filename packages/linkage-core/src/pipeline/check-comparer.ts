// A comparer must have been built for the context it is used with: its comparisons, in the same order.
import { LinkageError } from "../errors.js";
import type { PairComparer } from "../parallel/pair-comparer.js";
import type { LinkageContext } from "./prepare-linkage.js";

/** Throws COMPARER_CONTEXT_MISMATCH when the comparer compares other comparisons than the context's. */
export function checkComparer(comparer: PairComparer, context: LinkageContext): void {
  const expected = context.comparisons.map((comparison) => comparison.name);
  const given = comparer.comparisonNames;
  if (given.length === expected.length && given.every((name, index) => name === expected[index])) return;
  throw new LinkageError(
    "COMPARER_CONTEXT_MISMATCH",
    `the comparer compares ${given.length} comparisons (${given.join(", ")}) but the linkage has ${expected.length} (${expected.join(", ")}).`,
    {
      hint: "Build the comparer from the same prepared context (createWorkerComparer(context) or createComparer).",
    },
  );
}
