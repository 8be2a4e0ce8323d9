// The first stage of every run: datasets stacked into one comparison space and comparisons compiled on it.
import {
  type CompileComparisonsOptions,
  type CompiledComparison,
  compileComparisons,
} from "../comparisons/compile-comparisons.js";
import { type CombinedDataset, combineDatasets, type Dataset } from "../data/dataset.js";
import { DataError } from "../errors.js";
import type { LinkageSpec } from "../spec/types.js";

/** Everything the later stages share: the spec, the stacked data and the compiled comparisons. */
export interface LinkageContext {
  readonly spec: LinkageSpec;
  readonly dataset: CombinedDataset;
  /** Rows of each source, in the order given. */
  readonly sourceSizes: readonly number[];
  readonly comparisons: readonly CompiledComparison[];
}

export type PrepareLinkageOptions = CompileComparisonsOptions;

/**
 * Checks that the number of datasets suits the link type (dedupe: one; link: two or more; linkAndDedupe:
 * one or more), stacks them with shared dictionaries and compiles the comparisons (which checks columns).
 */
export function prepareLinkage(
  spec: LinkageSpec,
  datasets: readonly Dataset[],
  options: PrepareLinkageOptions = {},
): LinkageContext {
  const count = datasets.length;
  const fits = spec.linkType === "dedupe" ? count === 1 : spec.linkType === "link" ? count >= 2 : count >= 1;
  if (!fits) {
    throw new DataError(
      "DATA_INPUT_COUNT",
      `link type "${spec.linkType}" needs ${spec.linkType === "dedupe" ? "exactly one input" : spec.linkType === "link" ? "at least two inputs" : "at least one input"}, but ${count} were given.`,
      { hint: 'Give one input to deduplicate, or two inputs with linkType "link".', jsonPath: "$.inputs" },
    );
  }
  if (count > 255) {
    throw new DataError(
      "DATA_INPUT_COUNT",
      `at most 255 inputs can be linked at once, but ${count} were given.`,
    );
  }
  const names = new Set<string>();
  for (const dataset of datasets) {
    if (names.has(dataset.name)) {
      throw new DataError("DATA_DUPLICATE_INPUT_NAME", `two inputs are named "${dataset.name}".`, {
        hint: "Give each input a distinct name.",
        jsonPath: "$.inputs",
      });
    }
    names.add(dataset.name);
  }
  const dataset = combineDatasets(datasets);
  const comparisons = compileComparisons(spec.comparisons, dataset, options);
  return { spec, dataset, sourceSizes: datasets.map((source) => source.rowCount), comparisons };
}
