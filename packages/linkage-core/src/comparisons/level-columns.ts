// Which columns each level reads, with where the level names them (for validation, labels and compilation).
import type { LevelSpec } from "./types.js";

/** Columns a level reads, each with the JSON path (relative to the level) where it is named. */
export function columnsReadByLevel(
  level: LevelSpec,
  comparisonColumns: readonly string[],
): { readonly column: string; readonly key: readonly PropertyKey[] }[] {
  switch (level.kind) {
    case "null":
      return comparisonColumns.map((column) => ({ column, key: [] }));
    case "else":
    case "custom":
      return [];
    case "columnsReversed":
      return level.columns.map((column, index) => ({ column, key: ["columns", index] }));
    case "distanceKm":
      return [
        { column: level.latitudeColumn, key: ["latitudeColumn"] },
        { column: level.longitudeColumn, key: ["longitudeColumn"] },
      ];
    case "pmsiGeography": {
      const pmsi =
        level.pmsiColumn === undefined
          ? { column: comparisonColumns[0], key: [] }
          : { column: level.pmsiColumn, key: ["pmsiColumn"] };
      const commune =
        level.communeColumn === undefined
          ? { column: comparisonColumns[0], key: [] }
          : { column: level.communeColumn, key: ["communeColumn"] };
      // One column may hold either kind of code (as SNDS extracts do): name it once.
      return pmsi.column === commune.column ? [pmsi] : [pmsi, commune];
    }
    default: {
      const many = "columns" in level ? level.columns : undefined;
      if (many !== undefined) return many.map((column, index) => ({ column, key: ["columns", index] }));
      return level.column === undefined
        ? [{ column: comparisonColumns[0], key: [] }]
        : [{ column: level.column, key: ["column"] }];
    }
  }
}
