// Reads the result files `linkage run` and `linkage predict` write (pairs.csv, links.csv, clusters.csv) back
// into typed arrays over a RecordIndex, telling them apart by their header.
import { DataError, type EncodedColumn, NULL_CODE, weightFromMatchProbability } from "linkage-core";
import { readCsvFile } from "linkage-core/node";
import { readCsvHead } from "../read-csv-head.js";
import type { Reporter } from "../reporter.js";
import { type RecordIndex, UNKNOWN_SOURCE } from "./record-index.js";

export type ResultFileKind = "pairs" | "links" | "clusters";

export interface PairTable {
  readonly kind: "pairs" | "links";
  readonly file: string;
  /** Whether the file names each record's source (a link of several inputs). */
  readonly withSources: boolean;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** From match_weight, or from match_probability when the file has no weights (links.csv). */
  readonly matchWeight: Float64Array;
  readonly matchProbability: Float64Array;
}

export interface ClusterTable {
  readonly kind: "clusters";
  readonly file: string;
  readonly withSources: boolean;
  /** Records of the file, in file order, and the cluster of each. */
  readonly records: Int32Array;
  readonly clusterOf: Int32Array;
}

export type ResultTable = PairTable | ClusterTable;

/** The kind of a result file from its header, or undefined when it is none of them. */
export function resultFileKind(headers: readonly string[]): ResultFileKind | undefined {
  const has = (name: string) => headers.includes(name);
  if (has("id_l") && has("id_r") && has("match_probability")) return has("match_weight") ? "pairs" : "links";
  if (has("id") && has("cluster_id")) return "clusters";
  return undefined;
}

/** Header and kind of a result file; a DataError naming the expected headers when it is not one. */
export async function inspectResultFile(
  path: string,
): Promise<{ kind: ResultFileKind; headers: readonly string[] }> {
  const head = await readCsvHead(path, { delimiter: ",", nullValues: [""] });
  const kind = resultFileKind(head.headers);
  if (kind === undefined) {
    throw new DataError(
      "RESULT_FILE_UNKNOWN",
      `the file is not a pairs.csv, links.csv or clusters.csv: its header is ${head.headers.map((header) => `"${header}"`).join(", ")}.`,
      {
        file: path,
        line: 1,
        hint: "Give a file written by `linkage run` or `linkage predict` (pairs.csv: id_l, id_r, match_weight, match_probability; links.csv: id_l, id_r, match_probability; clusters.csv: id, cluster_id).",
      },
    );
  }
  return { kind, headers: head.headers };
}

/** Reads a result file; its records are added to `records`. */
export async function readResultFile(
  path: string,
  records: RecordIndex,
  reporter?: Reporter,
): Promise<ResultTable> {
  const { kind, headers } = await inspectResultFile(path);
  if (kind === "clusters") {
    const withSources = headers.includes("source");
    const columns = ["id", "cluster_id", ...(withSources ? ["source"] : [])];
    const read = await readColumns(path, columns, reporter);
    const rows = read.rowCount;
    const ids = recordsOf(read.column("id"), withSources ? read.column("source") : undefined, records, path);
    const clusterColumn = read.column("cluster_id");
    const clusterOf = new Int32Array(rows);
    for (let row = 0; row < rows; row++) {
      const code = clusterColumn.codes[row]!;
      if (code === NULL_CODE) throw emptyField(path, "cluster_id", row);
      clusterOf[row] = code;
    }
    return { kind, file: path, withSources, records: ids, clusterOf };
  }
  const withSources = headers.includes("source_l") && headers.includes("source_r");
  const columns = [
    "id_l",
    "id_r",
    ...(withSources ? ["source_l", "source_r"] : []),
    "match_probability",
    ...(kind === "pairs" ? ["match_weight"] : []),
  ];
  const read = await readColumns(path, columns, reporter);
  const left = recordsOf(
    read.column("id_l"),
    withSources ? read.column("source_l") : undefined,
    records,
    path,
  );
  const right = recordsOf(
    read.column("id_r"),
    withSources ? read.column("source_r") : undefined,
    records,
    path,
  );
  const matchProbability = numbers(read.column("match_probability"), path);
  const matchWeight =
    kind === "pairs"
      ? numbers(read.column("match_weight"), path)
      : matchProbability.map(weightFromMatchProbability);
  return { kind, file: path, withSources, left, right, matchWeight, matchProbability };
}

async function readColumns(path: string, columns: readonly string[], reporter: Reporter | undefined) {
  // Ids are kept exactly as written: no trimming, and only the empty field is missing ("NA" may be an id).
  const { dataset } = await readCsvFile(path, {
    delimiter: ",",
    columns,
    nullValues: [""],
    ...(reporter
      ? { onProgress: (done, total) => reporter.progress({ step: "reading results", done, total }) }
      : {}),
  });
  return {
    rowCount: dataset.rowCount,
    column: (name: string) => dataset.columns.get(name)!,
  };
}

/** The record of every row, from an id column and an optional source column. */
function recordsOf(
  ids: EncodedColumn,
  sources: EncodedColumn | undefined,
  records: RecordIndex,
  file: string,
): Int32Array {
  const idCodes = Int32Array.from(ids.dictionary, (id) => records.idCode(id));
  const sourceCodes = sources
    ? Int32Array.from(sources.dictionary, (name) => records.sourceCode(name))
    : undefined;
  const result = new Int32Array(ids.codes.length);
  for (let row = 0; row < ids.codes.length; row++) {
    const code = ids.codes[row]!;
    if (code === NULL_CODE) throw emptyField(file, ids.name, row);
    let source = UNKNOWN_SOURCE;
    if (sources && sourceCodes) {
      const sourceCode = sources.codes[row]!;
      if (sourceCode === NULL_CODE) throw emptyField(file, sources.name, row);
      source = sourceCodes[sourceCode]!;
    }
    result[row] = records.record(idCodes[code]!, source);
  }
  return result;
}

/** A numeric column parsed once per distinct value. */
function numbers(column: EncodedColumn, file: string): Float64Array {
  const parsed = Float64Array.from(column.dictionary, (text) =>
    text.trim() === "" ? Number.NaN : Number(text),
  );
  const values = new Float64Array(column.codes.length);
  for (let row = 0; row < column.codes.length; row++) {
    const code = column.codes[row]!;
    const value = code === NULL_CODE ? Number.NaN : parsed[code]!;
    if (Number.isNaN(value)) {
      throw new DataError(
        "RESULT_NOT_A_NUMBER",
        `column "${column.name}" holds a value that is not a number.`,
        {
          file,
          line: row + 2,
          hint: "Give the file as `linkage run` or `linkage predict` wrote it.",
        },
      );
    }
    values[row] = value;
  }
  return values;
}

function emptyField(file: string, column: string, row: number): DataError {
  return new DataError("RESULT_EMPTY_FIELD", `column "${column}" is empty.`, {
    file,
    line: row + 2,
    hint: "Every row of a result file names its records.",
  });
}
