// Row keys of a comparison: one integer per row naming the tuple of its input values, so that levels are
// computed per distinct tuple pair. A single column's codes are its keys; several columns are interned.
import { type EncodedColumn, NULL_CODE } from "../data/dataset.js";

/** When a row's key alone makes every pair it is in null (the key is then NULL_KEY). */
export type NullKeyRule = "never" | "anyColumnNull" | "allColumnsNull";

/** Key of a row whose values alone make the comparison null. */
export const NULL_KEY = -1;

export interface ComparisonKeys {
  /** One key per row: a key in [0, keyCount), or NULL_KEY. */
  readonly rowKeys: Int32Array;
  readonly keyCount: number;
  /** keyColumnCodes[c][key]: code in column c (its dictionary) of the tuple `key` stands for; NULL_CODE if null. */
  readonly keyColumnCodes: readonly Int32Array[];
}

/** Builds the keys of a comparison over `columns` (all of the same row count). */
export function buildComparisonKeys(
  columns: readonly EncodedColumn[],
  nullKeyRule: NullKeyRule,
): ComparisonKeys {
  if (columns.length === 1) return singleColumnKeys(columns[0], nullKeyRule);
  return tupleKeys(columns, nullKeyRule);
}

function singleColumnKeys(column: EncodedColumn, nullKeyRule: NullKeyRule): ComparisonKeys {
  const distinct = column.dictionary.length;
  if (nullKeyRule !== "never") {
    // The column codes already are the keys, NULL_CODE doubling as NULL_KEY: no copy.
    return { rowKeys: column.codes, keyCount: distinct, keyColumnCodes: [identity(distinct)] };
  }
  // Without a null level, a missing value is one more key (its levels see a null and do not hold).
  const nullKey = distinct;
  const rowKeys = new Int32Array(column.codes.length);
  column.codes.forEach((code, row) => {
    rowKeys[row] = code === NULL_CODE ? nullKey : code;
  });
  const codes = new Int32Array(distinct + 1);
  codes.set(identity(distinct));
  codes[nullKey] = NULL_CODE;
  return { rowKeys, keyCount: distinct + 1, keyColumnCodes: [codes] };
}

function tupleKeys(columns: readonly EncodedColumn[], nullKeyRule: NullKeyRule): ComparisonKeys {
  const rowCount = columns[0].codes.length;
  const rowKeys = new Int32Array(rowCount);
  const interner = new TupleInterner(columns.map((column) => column.dictionary.length + 1));
  const tuple = new Int32Array(columns.length);
  for (let row = 0; row < rowCount; row++) {
    let nullCount = 0;
    for (let index = 0; index < columns.length; index++) {
      const code = columns[index].codes[row];
      tuple[index] = code;
      if (code === NULL_CODE) nullCount++;
    }
    const isNullKey =
      (nullKeyRule === "anyColumnNull" && nullCount > 0) ||
      (nullKeyRule === "allColumnsNull" && nullCount === columns.length);
    rowKeys[row] = isNullKey ? NULL_KEY : interner.intern(tuple);
  }
  return { rowKeys, keyCount: interner.count, keyColumnCodes: interner.columnCodes() };
}

/**
 * Interns tuples of codes. Codes are shifted by one (NULL_CODE → 0) and combined into one number in mixed
 * radix while that stays an exact integer; beyond 2^53 the tuple is keyed by text (rare: huge dictionaries).
 */
class TupleInterner {
  private readonly numeric = new Map<number, number>();
  private readonly textual = new Map<string, number>();
  private readonly exact: boolean;
  private readonly codes: number[][];
  count = 0;

  constructor(private readonly radices: readonly number[]) {
    this.exact = radices.reduce((product, radix) => product * radix, 1) <= Number.MAX_SAFE_INTEGER;
    this.codes = radices.map(() => []);
  }

  intern(tuple: Int32Array): number {
    let key: number | undefined;
    let numericId = 0;
    let textId = "";
    if (this.exact) {
      for (let index = 0; index < tuple.length; index++)
        numericId = numericId * this.radices[index] + tuple[index] + 1;
      key = this.numeric.get(numericId);
    } else {
      textId = tuple.join(",");
      key = this.textual.get(textId);
    }
    if (key !== undefined) return key;
    key = this.count++;
    if (this.exact) this.numeric.set(numericId, key);
    else this.textual.set(textId, key);
    for (let index = 0; index < tuple.length; index++) this.codes[index].push(tuple[index]);
    return key;
  }

  columnCodes(): Int32Array[] {
    return this.codes.map((codes) => Int32Array.from(codes));
  }
}

function identity(count: number): Int32Array {
  const codes = new Int32Array(count);
  for (let index = 0; index < count; index++) codes[index] = index;
  return codes;
}
