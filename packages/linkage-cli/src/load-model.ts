// Reads a model file written by `linkage train` and checks it against the inputs it is about to score.
import { readFile } from "node:fs/promises";
import {
  checkModelFitsData,
  columnsReadBySpec,
  countNonNullLevels,
  DataError,
  type LinkageSpec,
  type ModelFile,
  parseModelFile,
  parseSpec,
  SpecError,
} from "linkage-core";
import type { LinkageConfig } from "./config.js";
import { availableColumns } from "./load-inputs.js";

export interface LoadedModel {
  readonly path: string;
  readonly model: ModelFile;
  /** The model's spec, re-checked by parseSpec (defaults applied, templates expanded). */
  readonly spec: LinkageSpec;
}

export async function loadModel(path: string): Promise<LoadedModel> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(
      code === "ENOENT" ? "MODEL_NOT_FOUND" : "MODEL_UNREADABLE",
      code === "ENOENT"
        ? "the model file does not exist."
        : `the model file cannot be read (system error ${code}).`,
      { file: path, hint: "Give the model.json written by `linkage train` (or by `linkage run`)." },
    );
  }
  const model = parseModelFile(text, path);
  try {
    return { path, model, spec: parseSpec(model.spec) };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    // The spec sits under "spec" in the model file: say so in every path.
    throw new SpecError(
      error.issues.map((issue) => ({ ...issue, jsonPath: issue.jsonPath.replace(/^\$/, "$.spec") })),
      { file: path },
    );
  }
}

/** The config with the model's spec in place of its own: the inputs are read for the model's columns. */
export function configForModel(config: LinkageConfig, loaded: LoadedModel): LinkageConfig {
  // The same list checkModelFitsData checks, so a column is read exactly when the model needs it.
  const columns = [...columnsReadBySpec(loaded.model.spec)];
  if (config.truth) columns.push(config.truth.column);
  return { ...config, spec: loaded.spec, requiredColumns: [...new Set(columns)] };
}

/**
 * Refuses inputs that lack a column the model reads, or whose comparisons would not line up with the model's
 * parameters, naming the input file; checked from the headers, before any long read.
 */
export async function checkInputsFitModel(config: LinkageConfig, loaded: LoadedModel): Promise<void> {
  const comparisonNames = loaded.spec.comparisons.map((comparison) => comparison.name);
  const levelCounts = loaded.spec.comparisons.map((comparison) => countNonNullLevels(comparison.levels));
  for (const input of config.inputs) {
    checkModelFitsData(loaded.model, await availableColumns(input), {
      source: input.absolutePath,
      comparisonNames,
      levelCounts,
    });
  }
}
