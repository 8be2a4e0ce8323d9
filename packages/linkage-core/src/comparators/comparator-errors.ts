// The one error comparators throw: an invalid option or argument (a programming or spec mistake, never data).
import { LinkageError } from "../errors.js";

/** Thrown with code `COMPARATOR_ARGUMENT_INVALID`; `name` is the offending option or argument. */
export function invalidComparatorArgument(
  comparator: string,
  name: string,
  found: unknown,
  expected: string,
) {
  return new LinkageError(
    "COMPARATOR_ARGUMENT_INVALID",
    `${comparator}: ${name} must be ${expected}, found ${String(found)}.`,
    { hint: `Pass ${expected} as ${name}.` },
  );
}

/** Throws unless `index` is a valid value index for a flat buffer of `count` values. */
export function checkFlatIndex(comparator: string, name: string, index: number, count: number): void {
  // Unsigned comparison rejects negatives, fractions fall through to the integer check.
  if (index >>> 0 !== index || index >= count) {
    throw new LinkageError(
      "COMPARATOR_INDEX_OUT_OF_RANGE",
      `${comparator}: ${name} ${String(index)} is not a value index (the buffer holds ${count} values).`,
      { hint: "Pass an integer index in [0, count) of the FlatStrings built by flattenStrings." },
    );
  }
}

/** Throws unless `indexA` and `indexB` are both valid value indices for a flat buffer of `count` values. */
export function checkFlatPair(comparator: string, indexA: number, indexB: number, count: number): void {
  checkFlatIndex(comparator, "indexA", indexA, count);
  checkFlatIndex(comparator, "indexB", indexB, count);
}
