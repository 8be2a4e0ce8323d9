// The shape every synthetic scenario returns: named tables whose rows are produced lazily, and a ground-truth
// table; plus CSV serialisation into any `write(chunk)` sink, so that the core never touches files.

/** A table whose rows are generated on demand: each iteration regenerates the same rows from the seed. */
export interface SyntheticTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: Iterable<readonly string[]>;
}

export type SyntheticScenario = "registry-snds" | "identity-pair" | "warehouse-duplicates";

/** Generated data of one scenario. `options` are the resolved options (defaults filled in). */
export interface SyntheticCohort<Options = unknown> {
  readonly scenario: SyntheticScenario;
  readonly options: Options;
  readonly tables: readonly SyntheticTable[];
  /** Which records belong to the same person. Always produced. */
  readonly truth: SyntheticTable;
}

/** Wraps a generator function so that every `for … of` restarts generation from the beginning. */
export function lazyRows(generate: () => Generator<readonly string[]>): Iterable<readonly string[]> {
  return { [Symbol.iterator]: generate };
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field, quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  let line = csvField(fields[0] ?? "");
  for (let index = 1; index < fields.length; index++) line += `,${csvField(fields[index])}`;
  return `${line}\n`;
}

/** A piece of CSV text and how many data rows have been serialised once it is written. */
export interface CsvChunk {
  readonly text: string;
  readonly rowsSoFar: number;
}

/** Default chunk size: large enough for few system calls, small enough to keep memory flat. */
export const DEFAULT_CSV_CHUNK_CHARACTERS = 1 << 20;

/** The table as CSV (header first, `\n` line ends) in chunks of about `chunkCharacters` characters. */
export function* csvChunks(
  table: SyntheticTable,
  chunkCharacters: number = DEFAULT_CSV_CHUNK_CHARACTERS,
): Generator<CsvChunk> {
  let text = csvLine(table.header);
  let rows = 0;
  for (const row of table.rows) {
    text += csvLine(row);
    rows++;
    if (text.length >= chunkCharacters) {
      yield { text, rowsSoFar: rows };
      text = "";
    }
  }
  if (text.length > 0 || rows === 0) yield { text, rowsSoFar: rows };
}

/** Writes the table as CSV through `write`; returns the number of data rows. */
export function writeTableCsv(
  table: SyntheticTable,
  write: (chunk: string) => void,
  options: { readonly chunkCharacters?: number } = {},
): number {
  let rows = 0;
  for (const chunk of csvChunks(table, options.chunkCharacters)) {
    write(chunk.text);
    rows = chunk.rowsSoFar;
  }
  return rows;
}
