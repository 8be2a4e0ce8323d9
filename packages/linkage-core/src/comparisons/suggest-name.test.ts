import { describe, expect, it } from "vitest";
import { didYouMean, suggestName } from "./suggest-name.js";

describe("suggestName", () => {
  it("suggests typos, transpositions and case slips", () => {
    expect(suggestName("threshhold", ["threshold", "thresholds", "column"])).toBe("threshold");
    expect(suggestName("colmun", ["column", "columns"])).toBe("column");
    expect(suggestName("Surname", ["surname", "forename"])).toBe("surname");
  });

  it("suggests nothing for unrelated names", () => {
    expect(suggestName("postcode", ["forename", "surname"])).toBeUndefined();
    expect(didYouMean("xyz", ["column"])).toBe("");
    expect(didYouMean("colum", ["column"])).toBe(' (did you mean "column"?)');
  });
});
