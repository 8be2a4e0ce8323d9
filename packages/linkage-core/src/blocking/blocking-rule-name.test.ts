import { describe, expect, it } from "vitest";
import { blockingRuleName } from "./blocking-rule-name.js";

describe("blockingRuleName", () => {
  it("describes every key and transform", () => {
    expect(
      blockingRuleName({
        keys: [
          { column: "surname" },
          { column: "dob", transform: { kind: "year" } },
          { column: "dob", transform: { kind: "yearMonth" } },
          { column: "first_name", transform: { kind: "prefix", length: 3 } },
          { column: "nir", transform: { kind: "substring", start: 1, length: 2 } },
          { column: "nir", transform: { kind: "substring", start: 5 } },
          { column: "surname", transform: { kind: "phonetic", algorithm: "soundexFr" } },
        ],
      }),
    ).toBe(
      "surname & year(dob) & yearMonth(dob) & prefix(first_name, 3) & substring(nir, 1, 2) & substring(nir, 5) & soundexFr(surname)",
    );
  });

  it("prefers the rule's own name", () => {
    expect(blockingRuleName({ name: "same person", keys: [{ column: "nir" }] })).toBe("same person");
    expect(blockingRuleName({ name: "", keys: [{ column: "nir" }] })).toBe("nir");
  });
});
