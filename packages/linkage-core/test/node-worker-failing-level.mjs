// Compile options for the worker-comparer tests: a custom level that fails on one value, as a bug would.
import { DataError } from "../dist/errors.js";

export const compileOptions = {
  customLevels: {
    sameInitial: (left, right) => {
      if (left[0] === "HUGO" || right[0] === "HUGO")
        throw new DataError("TEST_LEVEL_FAILED", "HUGO is refused");
      return left[0]?.[0] === right[0]?.[0];
    },
  },
};
