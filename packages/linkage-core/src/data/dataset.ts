// The columnar, dictionary-encoded dataset every stage works on: memory grows with distinct values, not rows.

/** Code of a missing value in `EncodedColumn.codes`. Never a valid dictionary index. */
export const NULL_CODE = -1;

/** One column: its distinct non-null values, and for each row the index of its value (or NULL_CODE). */
export interface EncodedColumn {
  readonly name: string;
  /** Distinct non-null values; a value's code is its index here. */
  readonly dictionary: readonly string[];
  /** One code per row; NULL_CODE for null. */
  readonly codes: Int32Array;
}

/** Record ids plus named dictionary-encoded columns, all of `rowCount` rows. */
export interface Dataset {
  /** Name of the source (file stem or a name given by the user); used in messages and outputs. */
  readonly name: string;
  readonly rowCount: number;
  /** Record id of each row, unique and non-empty. */
  readonly ids: readonly string[];
  readonly columns: ReadonlyMap<string, EncodedColumn>;
}

/** Builds one EncodedColumn value by value, interning each distinct value once. */
export class ColumnEncoder {
  private readonly index = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private codes: Int32Array;
  private length = 0;

  constructor(
    readonly name: string,
    initialCapacity = 1024,
  ) {
    this.codes = new Int32Array(Math.max(16, initialCapacity));
  }

  /** Interns a value without appending a row; returns its code. */
  intern(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  /** Appends a row holding `value` (null for missing). */
  push(value: string | null): void {
    this.pushCode(value === null ? NULL_CODE : this.intern(value));
  }

  /** Appends a row holding an already-interned code (or NULL_CODE). */
  pushCode(code: number): void {
    if (this.length === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.length++] = code;
  }

  get rowCount(): number {
    return this.length;
  }

  finish(): EncodedColumn {
    return { name: this.name, dictionary: this.dictionary, codes: this.codes.slice(0, this.length) };
  }
}

/** Encodes plain row objects into a Dataset: convenient for tests and small in-memory inputs. */
export function datasetFromRecords(
  name: string,
  records: readonly Readonly<Record<string, string | null | undefined>>[],
  options: { readonly idColumn: string; readonly columns?: readonly string[] },
): Dataset {
  const columnNames =
    options.columns ??
    [...new Set(records.flatMap((record) => Object.keys(record)))].filter((c) => c !== options.idColumn);
  const encoders = columnNames.map((column) => new ColumnEncoder(column, records.length));
  const ids: string[] = [];
  for (const record of records) {
    const id = record[options.idColumn];
    ids.push(id ?? "");
    columnNames.forEach((column, i) => {
      const value = record[column];
      encoders[i]!.push(value === undefined || value === null || value === "" ? null : value);
    });
  }
  return {
    name,
    rowCount: records.length,
    ids,
    columns: new Map(encoders.map((encoder) => [encoder.name, encoder.finish()])),
  };
}

/** The value of one cell, decoded (for explanations and tests, never on a hot path). */
export function cellValue(column: EncodedColumn, row: number): string | null {
  const code = column.codes[row]!;
  return code === NULL_CODE ? null : column.dictionary[code]!;
}

/** Several datasets stacked into one, with one shared dictionary per column, as linking needs. */
export interface CombinedDataset extends Dataset {
  /** For each row, the index of the source dataset it came from. */
  readonly sourceOf: Uint8Array;
  /** Row offset of each source: rows of source s are [sourceOffsets[s], sourceOffsets[s+1]). */
  readonly sourceOffsets: readonly number[];
  readonly sourceNames: readonly string[];
}

/**
 * Stacks datasets row-wise, re-encoding each column into one shared dictionary so that equal values
 * from different sources get equal codes. Only columns present in every source are kept.
 */
export function combineDatasets(sources: readonly Dataset[], name = "combined"): CombinedDataset {
  const rowCount = sources.reduce((total, source) => total + source.rowCount, 0);
  const first = sources[0];
  const columnNames = first
    ? [...first.columns.keys()].filter((column) => sources.every((source) => source.columns.has(column)))
    : [];
  const columns = new Map<string, EncodedColumn>();
  for (const column of columnNames) {
    const encoder = new ColumnEncoder(column, rowCount);
    for (const source of sources) {
      const original = source.columns.get(column)!;
      const remap = new Int32Array(original.dictionary.length);
      original.dictionary.forEach((value, code) => {
        remap[code] = encoder.intern(value);
      });
      for (const code of original.codes) encoder.pushCode(code === NULL_CODE ? NULL_CODE : remap[code]!);
    }
    columns.set(column, encoder.finish());
  }
  const sourceOf = new Uint8Array(rowCount);
  const sourceOffsets: number[] = [0];
  let offset = 0;
  sources.forEach((source, index) => {
    sourceOf.fill(index, offset, offset + source.rowCount);
    offset += source.rowCount;
    sourceOffsets.push(offset);
  });
  return {
    name,
    rowCount,
    ids: sources.flatMap((source) => source.ids),
    columns,
    sourceOf,
    sourceOffsets,
    sourceNames: sources.map((source) => source.name),
  };
}
