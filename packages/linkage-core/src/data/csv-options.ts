// Options and result of reading a CSV file into a Dataset, with their defaults and validation.
import { DataError } from "../errors.js";
import type { DataWarning } from "./data-warning.js";
import type { Dataset } from "./dataset.js";
import type { TextEncodingName } from "./text-decoding.js";

export type CsvDelimiter = "," | ";" | "\t" | "|";
export const csvDelimiters: readonly CsvDelimiter[] = [",", ";", "\t", "|"];
export type CsvEncoding = TextEncodingName;

export interface CsvReadOptions {
  /** Dataset name used in messages and outputs; defaults to the file stem, or "dataset". */
  readonly name?: string;
  /** Field delimiter, or "auto" to pick the most frequent of `, ; \t |` on the header line. Default ",". */
  readonly delimiter?: CsvDelimiter | "auto";
  /** "utf-8" (default; a byte order mark is skipped) or "latin1" (read as Windows-1252). */
  readonly encoding?: CsvEncoding;
  /** Column holding unique, non-empty record ids (name after `rename`). Without it, ids are row numbers "1", "2"… */
  readonly idColumn?: string;
  /** Columns to encode (names after `rename`); others are skipped. Default: every column but the id. */
  readonly columns?: readonly string[];
  /** Header in the file → column name in the dataset, for example `{ "NOM": "surname" }`. */
  readonly rename?: Readonly<Record<string, string>>;
  /** Remove spaces and tabs around every field, inside quotes too (FEBRL files use ", " separators). */
  readonly trimFields?: boolean;
  /** Cell values read as missing, compared exactly after trimming. Default `["", "NA"]`. */
  readonly nullValues?: readonly string[];
  /** Skip rows with errors (ragged, empty or duplicate id, undecodable bytes) instead of failing; they are reported. */
  readonly skipBadRows?: boolean;
  /** How many skipped rows are listed individually in the result (all are counted). Default 100. */
  readonly maxReportedSkippedRows?: number;
  /** Called as bytes are consumed. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** A row left out because `skipBadRows` was set. */
export interface SkippedRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  /** Error code the row would have raised, for example `DATA_RAGGED_ROW`. */
  readonly code: string;
  readonly message: string;
}

export interface CsvReadResult {
  readonly dataset: Dataset;
  /** Header names as found in the file (trimmed), before `rename`. */
  readonly headers: readonly string[];
  /** Delimiter used (the detected one when "auto" was asked). */
  readonly delimiter: CsvDelimiter;
  readonly encoding: CsvEncoding;
  readonly bytesRead: number;
  /** Physical lines in the file, header included. */
  readonly lineCount: number;
  readonly skippedRowCount: number;
  /** The first `maxReportedSkippedRows` skipped rows. */
  readonly skippedRows: readonly SkippedRow[];
  readonly warnings: readonly DataWarning[];
}

export interface ResolvedCsvOptions {
  readonly name: string;
  readonly delimiter: CsvDelimiter | "auto";
  readonly encoding: CsvEncoding;
  readonly idColumn: string | undefined;
  readonly columns: readonly string[] | undefined;
  readonly rename: Readonly<Record<string, string>>;
  readonly trimFields: boolean;
  readonly nullValues: ReadonlySet<string>;
  readonly skipBadRows: boolean;
  readonly maxReportedSkippedRows: number;
}

export const defaultNullValues: readonly string[] = ["", "NA"];

/** Fills in defaults and rejects option values that TypeScript could not check (JavaScript or JSON callers). */
export function resolveCsvOptions(options: CsvReadOptions): ResolvedCsvOptions {
  const delimiter = options.delimiter ?? ",";
  if (delimiter !== "auto" && !csvDelimiters.includes(delimiter)) {
    throw invalidOption("delimiter", 'one of ",", ";", "\\t", "|" or "auto"');
  }
  const encoding = options.encoding ?? "utf-8";
  if (encoding !== "utf-8" && encoding !== "latin1") throw invalidOption("encoding", '"utf-8" or "latin1"');
  const columns = options.columns;
  if (columns !== undefined) {
    const seen = new Set<string>();
    for (const column of columns) {
      if (seen.has(column)) throw invalidOption("columns", "a list without repeated names");
      seen.add(column);
    }
  }
  const maxReportedSkippedRows = options.maxReportedSkippedRows ?? 100;
  if (!Number.isInteger(maxReportedSkippedRows) || maxReportedSkippedRows < 0) {
    throw invalidOption("maxReportedSkippedRows", "a non-negative integer");
  }
  return {
    name: options.name ?? "dataset",
    delimiter,
    encoding,
    idColumn: options.idColumn,
    columns,
    rename: options.rename ?? {},
    trimFields: options.trimFields ?? false,
    nullValues: new Set(options.nullValues ?? defaultNullValues),
    skipBadRows: options.skipBadRows ?? false,
    maxReportedSkippedRows,
  };
}

function invalidOption(option: string, expected: string): DataError {
  return new DataError("DATA_INVALID_OPTION", `The CSV option "${option}" has an unsupported value.`, {
    hint: `Use ${expected}.`,
  });
}
