// The JSON Schema of linkage specs, generated from the zod schemas (editors use it through "$schema").
import { z } from "zod";
import { linkageSpecSchema } from "./spec-schema.js";

/** JSON Schema (draft 2020-12) of the spec as written by users: defaults shown, optional keys optional. */
export function linkageSpecJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(linkageSpecSchema, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
}
