// The JSON Schema of config files, generated from the zod schema that checks them; editors use it through
// "$schema" to check and complete configs. schema/linkage-config.schema.json holds the committed copy.
import { z } from "zod";
import { linkageConfigSchema } from "./config.js";

/** JSON Schema (draft 2020-12) of the config as users write it: defaults shown, optional keys optional. */
export function linkageConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(linkageConfigSchema, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
}

/** The schema file's text: two-space indentation and a final newline. */
export function linkageConfigJsonSchemaText(): string {
  return `${JSON.stringify(linkageConfigJsonSchema(), null, 2)}\n`;
}
