// Reads a truth file for evaluation: record id → entity (as a truth column holds it), or a list of true id
// pairs (as the synthetic generators write it), into an entity code per record of a RecordIndex.
import { clusterPairs, DataError, NULL_CODE } from "linkage-core";
import { readCsvFile } from "linkage-core/node";
import { readCsvHead } from "../read-csv-head.js";
import { type RecordIndex, UNKNOWN_SOURCE } from "./record-index.js";

export interface TruthColumns {
  /** Column of record ids (default: the first column). */
  readonly idColumn?: string;
  /** Column of entity ids (default: the second column). */
  readonly entityColumn?: string;
  /** Column of source names (default: a column named "source", if any). */
  readonly sourceColumn?: string;
}

/** What a truth file holds, resolved from its header. */
export interface TruthLayout {
  readonly kind: "entities" | "pairs";
  readonly columns: readonly string[];
  readonly sourceColumn: string | undefined;
}

export const TRUTH_READ_OPTIONS = { delimiter: "auto", nullValues: [""], trimFields: true } as const;

/** Which columns of the truth file to read, checked against its header. */
export async function truthLayout(path: string, pairs: boolean, columns: TruthColumns): Promise<TruthLayout> {
  const { headers } = await readCsvHead(path, TRUTH_READ_OPTIONS);
  const need = (name: string | undefined, position: number, option: string): string => {
    const column = name ?? headers[position];
    if (column === undefined || !headers.includes(column)) {
      throw new DataError(
        "TRUTH_MISSING_COLUMN",
        column === undefined
          ? `the truth file has ${headers.length} column(s); at least two are needed.`
          : `column "${column}" is not in the truth file. Available columns: ${headers.map((header) => `"${header}"`).join(", ")}.`,
        { file: path, line: 1, hint: `Name the column with ${option}.` },
      );
    }
    return column;
  };
  if (pairs)
    return {
      kind: "pairs",
      columns: [need(headers[0], 0, "the first column"), need(headers[1], 1, "the second column")],
      sourceColumn: undefined,
    };
  const idColumn = need(columns.idColumn, 0, "--id-column");
  const entityColumn = need(columns.entityColumn, 1, "--entity-column");
  const sourceColumn =
    columns.sourceColumn !== undefined
      ? need(columns.sourceColumn, -1, "--source-column")
      : headers.includes("source") && idColumn !== "source" && entityColumn !== "source"
        ? "source"
        : undefined;
  return { kind: "entities", columns: [idColumn, entityColumn], sourceColumn };
}

/**
 * The entity code of every record of `records` (records first named here are added). Entities: the truth
 * file's entity, NULL_CODE for records it does not list (unknown). Pairs: the connected components of the
 * listed pairs, each record not in a pair its own entity (the list is taken as complete).
 */
export async function readTruthFile(
  path: string,
  layout: TruthLayout,
  records: RecordIndex,
): Promise<Int32Array> {
  const columns = [...layout.columns, ...(layout.sourceColumn ? [layout.sourceColumn] : [])];
  const { dataset } = await readCsvFile(path, { ...TRUTH_READ_OPTIONS, columns });
  const column = (name: string) => dataset.columns.get(name)!;
  const rows = dataset.rowCount;
  if (layout.kind === "pairs") {
    const first = column(layout.columns[0]!);
    const second = column(layout.columns[1]!);
    const firstCodes = Int32Array.from(first.dictionary, (id) => records.idCode(id));
    const secondCodes = Int32Array.from(second.dictionary, (id) => records.idCode(id));
    const left: number[] = [];
    const right: number[] = [];
    for (let row = 0; row < rows; row++) {
      // An empty side is a record with no match in the other file (a registry subject absent from the extract).
      const a = first.codes[row]!;
      const b = second.codes[row]!;
      const recordA = a === NULL_CODE ? -1 : records.record(firstCodes[a]!, UNKNOWN_SOURCE);
      const recordB = b === NULL_CODE ? -1 : records.record(secondCodes[b]!, UNKNOWN_SOURCE);
      if (recordA >= 0 && recordB >= 0) {
        left.push(recordA);
        right.push(recordB);
      }
    }
    const keep = new Uint8Array(left.length).fill(1);
    return clusterPairs(records.count, Int32Array.from(left), Int32Array.from(right), keep).clusterOf;
  }
  const ids = column(layout.columns[0]!);
  const entities = column(layout.columns[1]!);
  const sources = layout.sourceColumn ? column(layout.sourceColumn) : undefined;
  const idCodes = Int32Array.from(ids.dictionary, (id) => records.idCode(id));
  const sourceCodes = sources
    ? Int32Array.from(sources.dictionary, (name) => records.sourceCode(name))
    : undefined;
  const recordOfRow = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const id = ids.codes[row]!;
    if (id === NULL_CODE) {
      throw new DataError("TRUTH_EMPTY_ID", `column "${ids.name}" is empty.`, {
        file: path,
        line: row + 2,
        hint: "Every row of the truth file names a record.",
      });
    }
    const source =
      sources && sourceCodes && sources.codes[row]! !== NULL_CODE
        ? sourceCodes[sources.codes[row]!]!
        : UNKNOWN_SOURCE;
    recordOfRow[row] = records.record(idCodes[id]!, source);
  }
  const truth = new Int32Array(records.count).fill(NULL_CODE);
  for (let row = 0; row < rows; row++) {
    const record = recordOfRow[row]!;
    const entity = entities.codes[row]!;
    if (truth[record] !== NULL_CODE && truth[record] !== entity) {
      throw new DataError("TRUTH_CONFLICT", "a record is listed twice with different entities.", {
        file: path,
        line: row + 2,
        hint: layout.sourceColumn
          ? "Each (source, id) must appear once."
          : "If ids repeat across sources, add a source column and pass --source-column.",
      });
    }
    truth[record] = entity;
  }
  return truth;
}
