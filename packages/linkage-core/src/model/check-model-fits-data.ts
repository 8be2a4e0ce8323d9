// Checks, before scoring, that a loaded model fits the data and the compiled comparisons it will be used with.
import { ModelError } from "../errors.js";
import type { ModelFile } from "./model-file.js";

export interface ModelFitOptions {
  /** Names of the compiled comparisons, in order: they must be the model's. */
  readonly comparisonNames?: readonly string[];
  /** Number of non-null levels of each compiled comparison: they must be the model's. */
  readonly levelCounts?: readonly number[];
  /** Name of the data (file or dataset) for the error location. */
  readonly source?: string;
}

/**
 * Throws ModelError MODEL_DATA_MISMATCH naming every column the model's spec reads that the data lacks, and
 * every difference between the model's comparisons and the compiled ones.
 */
export function checkModelFitsData(
  model: ModelFile,
  columnNames: readonly string[],
  options: ModelFitOptions = {},
): void {
  const available = new Set(columnNames);
  const missing = [...columnsReadBySpec(model.spec)].filter((column) => !available.has(column)).sort();
  const problems: string[] = [];
  if (missing.length > 0) {
    problems.push(
      `the data lacks column${missing.length > 1 ? "s" : ""} ${missing.map((column) => `"${column}"`).join(", ")}`,
    );
  }
  const modelNames = model.parameters.comparisons.map((comparison) => comparison.name);
  if (options.comparisonNames !== undefined) {
    const names = options.comparisonNames;
    if (names.length !== modelNames.length) {
      problems.push(`the model has ${modelNames.length} comparisons but ${names.length} were compiled`);
    } else {
      names.forEach((name, index) => {
        if (name !== modelNames[index]) {
          problems.push(
            `comparison ${index} is "${modelNames[index]}" in the model but "${name}" when compiled`,
          );
        }
      });
    }
  }
  options.levelCounts?.forEach((levelCount, index) => {
    const comparison = model.parameters.comparisons[index];
    if (comparison !== undefined && comparison.m.length !== levelCount) {
      problems.push(
        `comparison "${comparison.name}" has ${comparison.m.length} levels in the model but ${levelCount} when compiled`,
      );
    }
  });
  if (problems.length > 0) {
    throw new ModelError("MODEL_DATA_MISMATCH", `the model does not fit the data: ${problems.join("; ")}.`, {
      ...(options.source === undefined ? {} : { file: options.source }),
      hint: "Score with data prepared like the training data (same columns after standardisation), or retrain.",
    });
  }
}

/** Every column named anywhere in the spec: comparisons, their levels, blocking and training rules. */
export function columnsReadBySpec(spec: ModelFile["spec"]): Set<string> {
  const columns = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string" && value !== "") columns.add(value);
  };
  for (const comparison of spec.comparisons ?? []) {
    for (const column of comparison.columns ?? []) add(column);
    for (const level of comparison.levels ?? []) {
      const fields = level as unknown as Record<string, unknown>;
      add(fields.column);
      add(fields.latitudeColumn);
      add(fields.longitudeColumn);
      if (Array.isArray(fields.columns)) fields.columns.forEach(add);
    }
  }
  const rules = [
    ...(spec.blockingRules ?? []),
    ...(spec.training?.deterministicRules ?? []),
    ...(spec.training?.sessions ?? []).map((session) => session.blockingRule),
  ];
  for (const rule of rules) for (const key of rule?.keys ?? []) add(key.column);
  return columns;
}
