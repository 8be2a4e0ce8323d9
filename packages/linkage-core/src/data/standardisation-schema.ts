// Zod schema of column standardisations, so that the spec parser can embed it and JSON input is checked
// with every problem reported at its JSON path.
import { z } from "zod";
import { jsonPathOf, SpecError } from "../errors.js";
import { type DateFormat, dateFormats } from "./dates.js";
import { type ColumnStandardisation, type NamedStep, namedSteps } from "./standardise.js";

export const standardiseStepSchema = z.union([
  z.enum(namedSteps as readonly [NamedStep, ...NamedStep[]]),
  z.strictObject({ kind: z.literal("nullValues"), values: z.array(z.string()) }),
  z.strictObject({
    kind: z.literal("date"),
    formats: z
      .array(z.enum(dateFormats as readonly [DateFormat, ...DateFormat[]]))
      .min(1)
      .optional(),
    sentinels: z.array(z.string()).optional(),
    precision: z.enum(["day", "month", "year"]).optional(),
  }),
]);

export const columnStandardisationSchema = z.strictObject({
  column: z.string().min(1),
  output: z.string().min(1).optional(),
  steps: z.array(standardiseStepSchema),
});

/** A list of column standardisations, as it appears in a spec or a JSON file. */
export const standardisationSchema = z.array(columnStandardisationSchema);

/** Checks JSON input; throws SpecError listing every problem with its path (prefixed by `jsonPath`). */
export function parseStandardisation(input: unknown, jsonPath = "$"): ColumnStandardisation[] {
  const result = standardisationSchema.safeParse(input);
  if (!result.success) {
    throw new SpecError(
      result.error.issues.map((issue) => ({
        jsonPath: jsonPathOf(jsonPath, issue.path),
        message: issue.message,
      })),
    );
  }
  return result.data;
}
