// Which record pairs a link type allows: within one dataset (dedupe), across sources only (link), or both.
import type { CombinedDataset, Dataset } from "../data/dataset.js";
import { DataError } from "../errors.js";
import { comparisonSpaceSize } from "../estimation/comparison-space.js";
import type { LinkType } from "../spec/types.js";

/** The pairs a link type allows, resolved once against a dataset. */
export interface PairScope {
  readonly rowCount: number;
  /** True for `link`: pairs of two rows from the same source are never formed. */
  readonly crossSourceOnly: boolean;
  /** Source of each row (all zero for a single dataset). */
  readonly sourceOf: Uint8Array;
  /** `sourceOf` widened to codes, to combine with key codes. */
  readonly sourceCodes: Int32Array;
  /** Number of rows of each source. */
  readonly sourceRowCounts: readonly number[];
}

/** Resolves a link type against a dataset; `link` needs a dataset stacked by `combineDatasets`. */
export function resolvePairScope(dataset: Dataset, linkType: LinkType): PairScope {
  const combined = sourcesOf(dataset);
  if (linkType === "link" && combined === undefined) {
    throw new DataError(
      "BLOCKING_SOURCES_MISSING",
      `link type "link" compares records across sources, but dataset "${dataset.name}" has no sources.`,
      { hint: "Stack the datasets to link with combineDatasets, or use linkType dedupe for one dataset." },
    );
  }
  const sourceOf = combined?.sourceOf ?? new Uint8Array(dataset.rowCount);
  if (sourceOf.length !== dataset.rowCount) {
    throw new DataError(
      "BLOCKING_SOURCES_MISMATCH",
      `dataset "${dataset.name}" has ${dataset.rowCount} rows but sources for ${sourceOf.length} rows.`,
      { hint: "Build linked datasets with combineDatasets, which keeps sourceOf in step with the rows." },
    );
  }
  const sourceRowCounts: number[] = [];
  for (const source of sourceOf) {
    while (sourceRowCounts.length <= source) sourceRowCounts.push(0);
    sourceRowCounts[source]!++;
  }
  return {
    rowCount: dataset.rowCount,
    crossSourceOnly: linkType === "link",
    sourceOf,
    sourceCodes: Int32Array.from(sourceOf),
    sourceRowCounts,
  };
}

/** Number of pairs the scope allows among all rows, without blocking: the size of the comparison space. */
export function countAllPairs(scope: PairScope): number {
  // Every link type but `link` allows every pair, so "dedupe" stands for them all here.
  return comparisonSpaceSize(scope.crossSourceOnly ? "link" : "dedupe", scope.sourceRowCounts);
}

function sourcesOf(dataset: Dataset): CombinedDataset | undefined {
  return "sourceOf" in dataset && (dataset as CombinedDataset).sourceOf instanceof Uint8Array
    ? (dataset as CombinedDataset)
    : undefined;
}
