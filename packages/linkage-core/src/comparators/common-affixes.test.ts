import { describe, expect, it } from "vitest";
import { commonPrefixLength, commonSuffixLength } from "./common-affixes.js";
import { flattenStrings } from "./flat-strings.js";

const strings = flattenStrings(["DUPONTIER", "DUPRONTIER", "ABC"]);
const { codeUnits: units, offsets } = strings;

describe("common affixes", () => {
  it("counts the shared start and end of two spans", () => {
    expect(commonPrefixLength(units, offsets[0]!, offsets[1]!, 9)).toBe(3);
    expect(commonSuffixLength(units, offsets[1]!, offsets[2]!, 9)).toBe(6);
    expect(commonPrefixLength(units, offsets[0]!, offsets[2]!, 3)).toBe(0);
  });

  it("stops at the limit, even when more code units agree", () => {
    expect(commonPrefixLength(units, offsets[0]!, offsets[0]!, 4)).toBe(4);
    expect(commonSuffixLength(units, offsets[1]!, offsets[2]!, 2)).toBe(2);
    expect(commonPrefixLength(units, offsets[0]!, offsets[1]!, 0)).toBe(0);
  });
});
