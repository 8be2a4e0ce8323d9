// Entity and cluster codes checked and renumbered densely for evaluation (blocking's densifyCodes does the
// renumbering; evaluation refuses negative codes other than NULL_CODE, which blocking would read as null).
import { type DenseCodes, densifyCodes } from "../blocking/dense-codes.js";
import { NULL_CODE } from "../data/dataset.js";
import { LinkageError } from "../errors.js";

/** Renumbers non-negative integer codes as 0 … keyCount − 1 (in order of first appearance); NULL_CODE stays. */
export function denseCodes(codes: Int32Array, what: string): DenseCodes {
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row]!;
    if (code < NULL_CODE) {
      throw new LinkageError(
        "EVALUATION_CODE_INVALID",
        `row ${row} has ${what} ${code}; codes must be ≥ 0 (or NULL_CODE).`,
      );
    }
  }
  return densifyCodes(codes);
}
