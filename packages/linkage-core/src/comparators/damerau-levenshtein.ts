// Optimal string alignment (OSA) distance, the "restricted" Damerau–Levenshtein: Levenshtein plus the
// transposition of two adjacent characters, no substring edited twice. Not a metric: the triangle
// inequality can fail (CA→AC→ABC costs 2 but CA→ABC costs 3). Bit-parallel after Hyyrö (2003) when the
// shorter string fits in 32 code units, else a three-row dynamic programme on reusable buffers; the kernel is
// Levenshtein's with the transposition term (edit-distance-kernel.ts).
import { checkFlatPair } from "./comparator-errors.js";
import { optimalAlignmentKernel } from "./edit-distance-kernel.js";
import type { FlatStrings } from "./flat-strings.js";
import { loadPair } from "./kernel-scratch.js";

/** OSA distance between `a` and `b`, counted in UTF-16 code units. */
export function damerauLevenshtein(a: string, b: string): number {
  return optimalAlignmentKernel(loadPair(a, b), 0, a.length, a.length, b.length);
}

/** {@link damerauLevenshtein} between values `indexA` and `indexB` of `strings`. */
export function damerauLevenshteinFlat(strings: FlatStrings, indexA: number, indexB: number): number {
  checkFlatPair("damerauLevenshteinFlat", indexA, indexB, strings.count);
  const offsets = strings.offsets;
  const startA = offsets[indexA];
  const startB = offsets[indexB];
  return optimalAlignmentKernel(
    strings.codeUnits,
    startA,
    offsets[indexA + 1] - startA,
    startB,
    offsets[indexB + 1] - startB,
  );
}
