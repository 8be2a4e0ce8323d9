import { describe, expect, it } from "vitest";
import { SpecError } from "../errors.js";
import { parseStandardisation, standardisationSchema } from "./standardisation-schema.js";

describe("standardisationSchema", () => {
  it("accepts every kind of step", () => {
    const input = [
      { column: "surname", steps: ["normalisePunctuation", "foldAccents", "upper", "collapseWhitespace"] },
      {
        column: "birth_date",
        steps: [{ kind: "date", formats: ["DD/MM/YYYY", "YYYY"], precision: "month" }],
      },
      { column: "commune", output: "departement", steps: ["inseeCommune", "departement"] },
      { column: "sex", steps: [{ kind: "nullValues", values: ["?"] }, "sex"] },
    ];
    expect(parseStandardisation(input)).toEqual(input);
  });

  it("reports every problem with its JSON path", () => {
    const input = [
      { column: "a", steps: ["shout"] },
      { column: "", steps: [{ kind: "date", formats: ["DD/MM/YY"] }] },
      { column: "b", steps: [], extra: 1 },
    ];
    expect(standardisationSchema.safeParse(input).success).toBe(false);
    try {
      parseStandardisation(input, "$.standardisation");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecError);
      const paths = (error as SpecError).issues.map((issue) => issue.jsonPath);
      expect(paths).toContain("$.standardisation[0].steps[0]");
      expect(paths).toContain("$.standardisation[1].column");
      expect(paths.some((path) => path.startsWith("$.standardisation[1].steps[0]"))).toBe(true);
      expect(paths).toContain("$.standardisation[2]");
    }
  });
});
