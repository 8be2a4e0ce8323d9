// The reference data every scenario draws from, bundled so callers load it once and pass it around.
import type { Geography } from "./geography.js";
import type { NameTable } from "./name-table.js";

/** INSEE name frequencies and French communes. */
export interface SyntheticReference {
  readonly names: NameTable;
  readonly geography: Geography;
}
