// Column profiles (completeness, distinct values, most frequent values) computed from the dictionary codes.
import { type Dataset, NULL_CODE } from "../data/dataset.js";

export interface ValueCount {
  readonly value: string;
  readonly count: number;
}

export interface ColumnProfile {
  readonly column: string;
  readonly rows: number;
  readonly nonNull: number;
  /** Share of rows with a value. */
  readonly completeness: number;
  readonly distinctValues: number;
  /** Most frequent values, most frequent first (ties by value); empty when values are hidden. */
  readonly topValues: readonly ValueCount[];
  /** Count of the most frequent value (kept even when values are hidden: a sign of sentinels). */
  readonly topCount: number;
  /** Lengths of the values, in characters: minimum, maximum, mean over non-null rows. */
  readonly minLength: number;
  readonly maxLength: number;
  readonly meanLength: number;
}

export interface ProfileOptions {
  /** Number of most frequent values listed per column (default 5). */
  readonly topValues?: number;
  /** Leave record values out of the profile (health data: default false, the CLI can hide them). */
  readonly hideValues?: boolean;
}

/** Profiles every column of the dataset in one pass over its codes per column. */
export function profileDataset(dataset: Dataset, options: ProfileOptions = {}): ColumnProfile[] {
  const top = options.topValues ?? 5;
  return [...dataset.columns.values()].map((column) => {
    const counts = new Int32Array(column.dictionary.length);
    let nonNull = 0;
    for (const code of column.codes) {
      if (code === NULL_CODE) continue;
      counts[code]!++;
      nonNull++;
    }
    let minLength = Number.POSITIVE_INFINITY;
    let maxLength = 0;
    let totalLength = 0;
    let topCount = 0;
    column.dictionary.forEach((value, code) => {
      const count = counts[code]!;
      if (count === 0) return;
      minLength = Math.min(minLength, value.length);
      maxLength = Math.max(maxLength, value.length);
      totalLength += value.length * count;
      topCount = Math.max(topCount, count);
    });
    const topValues = options.hideValues
      ? []
      : column.dictionary
          .map((value, code) => ({ value, count: counts[code]! }))
          .filter((entry) => entry.count > 0)
          .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
          .slice(0, top);
    return {
      column: column.name,
      rows: dataset.rowCount,
      nonNull,
      completeness: dataset.rowCount === 0 ? 0 : nonNull / dataset.rowCount,
      distinctValues: column.dictionary.length,
      topValues,
      topCount,
      minLength: nonNull === 0 ? 0 : minLength,
      maxLength,
      meanLength: nonNull === 0 ? 0 : totalLength / nonNull,
    };
  });
}
