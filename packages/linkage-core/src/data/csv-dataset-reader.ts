// Streaming CSV → Dataset: bytes go through the tokenizer, each needed cell is interned by its bytes, and
// a JS string is made only once per distinct value. Memory grows with distinct values, not with rows.
import { DataError, type LinkageErrorOptions } from "../errors.js";
import { ByteInterner } from "./byte-interner.js";
import { ColumnCells, growInt32, UNASSIGNED, UNDECODABLE } from "./csv-column-cells.js";
import { resolveCsvHeader } from "./csv-header.js";
import {
  type CsvDelimiter,
  type CsvReadOptions,
  type CsvReadResult,
  type ResolvedCsvOptions,
  resolveCsvOptions,
  type SkippedRow,
} from "./csv-options.js";
import { CARRIAGE_RETURN, type CsvFieldSink, CsvTokenizer, LINE_FEED } from "./csv-tokenizer.js";
import type { DataWarning } from "./data-warning.js";
import type { Dataset, EncodedColumn } from "./dataset.js";
import { NULL_CODE } from "./dataset.js";
import { detectDelimiter, FirstLineScan } from "./detect-delimiter.js";
import { decodeBytes, encodeText, firstInvalidUtf8Offset } from "./text-decoding.js";

/** Bytes held at most before the header line is handed to the tokenizer, even if it seems unfinished. */
const MAX_PRELUDE_BYTES = 1 << 20;

const SPACE = 0x20;
const TAB = 0x09;

/** Per raw id code: usable, empty (or a null value), or undecodable. */
const ID_USABLE = 0;
const ID_EMPTY = 1;
const ID_UNDECODABLE = 2;

interface RowProblem {
  readonly code: string;
  readonly message: string;
  readonly column?: number;
  readonly hint: string;
}

/**
 * Push byte chunks as they are read, then call finish(). Chunks may be reused by the caller after push()
 * returns: every byte kept is copied.
 */
export class CsvDatasetReader implements CsvFieldSink {
  private readonly options: ResolvedCsvOptions;
  /** Label of the input in error locations (a file path); defaults to the dataset name. */
  private readonly sourceName: string;
  private readonly trimFields: boolean;
  private readonly skipBadRows: boolean;
  /** Null values as bytes in the file's encoding, compared once per distinct value. */
  private readonly nullValueBytes: readonly Uint8Array[];
  private tokenizer: CsvTokenizer | null = null;
  private delimiter: CsvDelimiter = ",";
  /** Bytes held until the header line is complete: needed to skip a byte order mark and detect the delimiter. */
  private prelude = new Uint8Array(0);
  private preludeLength = 0;
  private readonly preludeScan = new FirstLineScan();
  private lastByteWasLineBreak = false;
  private bytesRead = 0;
  /** Header names read so far, until the header row ends; null afterwards. */
  private headerFields: string[] | null = [];
  private headers: readonly string[] = [];
  private expectedFieldCount = 0;
  private idField = -1;
  private slotOfField: Int32Array = new Int32Array(0);
  private fieldIndex = 0;
  private columns: ColumnCells[] = [];
  /** Raw code of each needed column in the row being read; committed only if the row is kept. */
  private rowRawCodes = new Int32Array(0);
  private readonly idInterner = new ByteInterner();
  /** Per raw id code: ID_USABLE, ID_EMPTY or ID_UNDECODABLE. */
  private idStates = new Uint8Array(1024);
  /** Per raw id code: line where a kept row used it, 0 if none yet. */
  private idLines = new Int32Array(1024);
  /** Raw id codes below this one have an entry in `idStates`. */
  private idStatesCount = 0;
  /** Some id is empty or undecodable: only then is each row's id state looked up. */
  private hasUnusableIds = false;
  private rowIdCode = -1;
  /** The row's id bytes were seen for the first time: it cannot be a duplicate. */
  private rowIdIsNew = false;
  /** Raw id code of each kept row. */
  private idRawCodes = new Int32Array(4096);
  private rowCount = 0;
  private rowProblem: RowProblem | null = null;
  private readonly skippedRows: SkippedRow[] = [];
  private readonly skippedCounts = new Map<string, number>();
  private skippedRowCount = 0;

  constructor(options: CsvReadOptions = {}, sourceName?: string) {
    this.options = resolveCsvOptions(options);
    this.sourceName = sourceName ?? options.name ?? "CSV input";
    this.trimFields = this.options.trimFields;
    this.skipBadRows = this.options.skipBadRows;
    this.nullValueBytes = [...this.options.nullValues]
      .map((value) => encodeText(value, this.options.encoding))
      .filter((bytes): bytes is Uint8Array => bytes !== null);
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.bytesRead += chunk.length;
    const last = chunk[chunk.length - 1];
    this.lastByteWasLineBreak = last === LINE_FEED || last === CARRIAGE_RETURN;
    if (this.tokenizer) {
      this.tokenizer.push(chunk);
      return;
    }
    const length = this.preludeLength + chunk.length;
    if (length > this.prelude.length) {
      const grown = new Uint8Array(Math.max(length, this.prelude.length * 2, 4096));
      grown.set(this.prelude.subarray(0, this.preludeLength));
      this.prelude = grown;
    }
    this.prelude.set(chunk, this.preludeLength);
    this.preludeLength = length;
    const held = this.prelude.subarray(0, length);
    // The cap bounds memory when a stray quote hides the end of the header line from the scan.
    if (this.preludeScan.lineEnds(held) || length >= MAX_PRELUDE_BYTES) this.startTokenizer();
  }

  finish(): CsvReadResult {
    if (!this.tokenizer) this.startTokenizer();
    const tokenizer = this.tokenizer!;
    tokenizer.finish();
    if (this.headerFields !== null) {
      throw new DataError("DATA_EMPTY_FILE", "The file is empty: no header line was found.", {
        file: this.sourceName,
        hint: "Check the path, and that the export finished writing the file.",
      });
    }
    const dataset = this.buildDataset();
    return {
      dataset,
      headers: this.headers,
      delimiter: this.delimiter,
      encoding: this.options.encoding,
      bytesRead: this.bytesRead,
      lineCount: tokenizer.lineCount - (this.lastByteWasLineBreak ? 1 : 0),
      skippedRowCount: this.skippedRowCount,
      skippedRows: this.skippedRows,
      warnings: this.warnings(dataset),
    };
  }

  field(bytes: Uint8Array, start: number, end: number): void {
    const index = this.fieldIndex++;
    if (this.headerFields !== null) {
      this.headerFields.push(
        this.decodeHeader(bytes, trimStart(bytes, start, end), trimEnd(bytes, start, end), index),
      );
      return;
    }
    if (index >= this.expectedFieldCount) return;
    if (this.trimFields) {
      start = trimStart(bytes, start, end);
      end = trimEnd(bytes, start, end);
    }
    if (index === this.idField) this.readId(bytes, start, end, index);
    const slot = this.slotOfField[index]!;
    if (slot >= 0) this.rowRawCodes[slot] = this.readCell(this.columns[slot]!, bytes, start, end, index);
  }

  endRow(): void {
    const fieldCount = this.fieldIndex;
    this.fieldIndex = 0;
    if (this.headerFields !== null) {
      this.startData(this.headerFields);
      return;
    }
    if (fieldCount !== this.expectedFieldCount) {
      this.flagRow({
        code: "DATA_RAGGED_ROW",
        message: `Row has ${fieldCount} fields where the header has ${this.expectedFieldCount}.`,
        hint: `Check the delimiter (read with ${JSON.stringify(this.delimiter)}) and the quoting of this line, or set skipBadRows to skip such rows.`,
      });
    }
    if (this.rowProblem === null && this.idField >= 0 && !this.rowIdIsNew) {
      const firstLine = this.idLines[this.rowIdCode]!;
      if (firstLine !== 0) {
        this.flagRow({
          code: "DATA_DUPLICATE_ID",
          message: `The record id of this row was already used by the row on line ${firstLine}.`,
          column: this.idField + 1,
          hint: "Record ids must be unique: fix the export, or set skipBadRows to keep only the first row.",
        });
      }
    }
    if (this.rowProblem !== null) this.skipRow(this.rowProblem);
    else this.commitRow();
  }

  private startTokenizer(): void {
    const prelude = this.prelude.subarray(0, this.preludeLength);
    let startOffset = 0;
    if (prelude[0] === 0xef && prelude[1] === 0xbb && prelude[2] === 0xbf) {
      if (this.options.encoding === "latin1") {
        throw new DataError(
          "DATA_INVALID_ENCODING",
          "The file starts with a UTF-8 byte order mark but was read as latin1.",
          { file: this.sourceName, line: 1, hint: 'Read it with encoding: "utf-8".' },
        );
      }
      startOffset = 3;
    } else if ((prelude[0] === 0xff && prelude[1] === 0xfe) || (prelude[0] === 0xfe && prelude[1] === 0xff)) {
      throw new DataError("DATA_INVALID_ENCODING", "The file is encoded in UTF-16, which is not supported.", {
        file: this.sourceName,
        line: 1,
        hint: "Export it again as UTF-8 (or Latin-1) CSV.",
      });
    }
    const body = prelude.subarray(startOffset);
    this.delimiter = this.options.delimiter === "auto" ? detectDelimiter(body) : this.options.delimiter;
    this.tokenizer = new CsvTokenizer(this, {
      delimiter: this.delimiter.charCodeAt(0),
      skipLeadingSpaces: this.trimFields,
      sourceName: this.sourceName,
      startOffset,
    });
    this.prelude = new Uint8Array(0);
    this.preludeLength = 0;
    this.tokenizer.push(body);
  }

  private startData(headerFields: readonly string[]): void {
    this.headerFields = null;
    this.headers = headerFields;
    const layout = resolveCsvHeader(headerFields, this.options, {
      sourceName: this.sourceName,
      line: this.tokenizer!.rowStartLine,
      delimiter: this.delimiter,
    });
    this.expectedFieldCount = headerFields.length;
    this.idField = layout.idField;
    this.slotOfField = layout.slotOfField;
    this.columns = layout.columnNames.map((name) => new ColumnCells(name));
    this.rowRawCodes = new Int32Array(layout.columnNames.length);
  }

  private decodeHeader(bytes: Uint8Array, start: number, end: number, field: number): string {
    const text = decodeBytes(bytes, start, end, this.options.encoding);
    if (text === null) throw this.undecodable(bytes, start, end, field, "header");
    return text;
  }

  private readCell(
    column: ColumnCells,
    bytes: Uint8Array,
    start: number,
    end: number,
    field: number,
  ): number {
    const interner = column.interner;
    const rawCode = interner.intern(bytes, start, end);
    if (rawCode === column.classifiedCount) this.classifyNewValue(column, rawCode, bytes, start, end, field);
    if (column.hasUndecodable && column.outputCodes[rawCode] === UNDECODABLE) this.flagUndecodable(field);
    return rawCode;
  }

  /** A value seen for the first time: is it null, undecodable, or waiting for an output code? */
  private classifyNewValue(
    column: ColumnCells,
    rawCode: number,
    bytes: Uint8Array,
    start: number,
    end: number,
    field: number,
  ): void {
    if (this.isUndecodable(bytes, start, end)) {
      column.classify(rawCode, UNDECODABLE);
      column.hasUndecodable = true;
      // Thrown while the bytes are at hand, to give the exact offset.
      if (!this.skipBadRows) throw this.undecodable(bytes, start, end, field, "cell");
    } else column.classify(rawCode, this.isNullValue(bytes, start, end) ? NULL_CODE : UNASSIGNED);
  }

  private readId(bytes: Uint8Array, start: number, end: number, field: number): void {
    const interner = this.idInterner;
    const rawCode = interner.intern(bytes, start, end);
    this.rowIdIsNew = rawCode === this.idStatesCount;
    if (this.rowIdIsNew) {
      let state = ID_USABLE;
      if (this.isUndecodable(bytes, start, end)) {
        if (!this.skipBadRows) throw this.undecodable(bytes, start, end, field, "record id");
        state = ID_UNDECODABLE;
      } else if (start === end || this.isNullValue(bytes, start, end)) state = ID_EMPTY;
      if (rawCode >= this.idStates.length) {
        const grownStates = new Uint8Array(this.idStates.length * 2);
        grownStates.set(this.idStates);
        this.idStates = grownStates;
        this.idLines = growInt32(this.idLines);
      }
      this.idStates[rawCode] = state;
      this.idStatesCount++;
      if (state !== ID_USABLE) this.hasUnusableIds = true;
    }
    this.rowIdCode = rawCode;
    if (!this.hasUnusableIds) return;
    const state = this.idStates[rawCode];
    if (state === ID_UNDECODABLE) this.flagUndecodable(field);
    else if (state === ID_EMPTY) {
      this.flagRow({
        code: "DATA_EMPTY_ID",
        message: `The record id (column "${this.options.idColumn}") is empty or a null value.`,
        column: field + 1,
        hint: "Every row needs a record id: fill it in, or set skipBadRows to skip such rows.",
      });
    }
  }

  private isUndecodable(bytes: Uint8Array, start: number, end: number): boolean {
    return this.options.encoding === "utf-8" && firstInvalidUtf8Offset(bytes, start, end) >= 0;
  }

  private isNullValue(bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    for (const nullValue of this.nullValueBytes) {
      if (nullValue.length !== length) continue;
      let same = true;
      for (let offset = 0; offset < length && same; offset++)
        same = nullValue[offset] === bytes[start + offset];
      if (same) return true;
    }
    return false;
  }

  private flagUndecodable(field: number): void {
    this.flagRow({
      code: "DATA_INVALID_ENCODING",
      message: "A field holds bytes that are not valid UTF-8.",
      column: field + 1,
      hint: 'If the file comes from a French spreadsheet or SAS export, read it with encoding: "latin1".',
    });
  }

  private undecodable(bytes: Uint8Array, start: number, end: number, field: number, what: string): DataError {
    const offset = this.tokenizer!.fieldStartOffset + Math.max(0, firstInvalidUtf8Offset(bytes, start, end));
    return new DataError(
      "DATA_INVALID_ENCODING",
      `The ${what} in field ${field + 1} holds bytes that are not valid UTF-8 (byte offset ${offset} in the file).`,
      {
        file: this.sourceName,
        line: this.tokenizer!.rowStartLine,
        column: field + 1,
        hint: 'If the file comes from a French spreadsheet or SAS export, read it with encoding: "latin1".',
      },
    );
  }

  /** Throws the problem, or records it so that the row is skipped, when skipBadRows is set. */
  private flagRow(problem: RowProblem): void {
    if (!this.skipBadRows) {
      const location: LinkageErrorOptions = {
        file: this.sourceName,
        line: this.tokenizer!.rowStartLine,
        hint: problem.hint,
        ...(problem.column === undefined ? {} : { column: problem.column }),
      };
      throw new DataError(problem.code, problem.message, location);
    }
    if (this.rowProblem === null) this.rowProblem = problem;
  }

  private skipRow(problem: RowProblem): void {
    this.rowProblem = null;
    this.skippedRowCount++;
    this.skippedCounts.set(problem.code, (this.skippedCounts.get(problem.code) ?? 0) + 1);
    if (this.skippedRows.length < this.options.maxReportedSkippedRows) {
      this.skippedRows.push({
        line: this.tokenizer!.rowStartLine,
        code: problem.code,
        message: problem.message,
      });
    }
  }

  private commitRow(): void {
    const columns = this.columns;
    const rawCodes = this.rowRawCodes;
    // Values enter a dictionary only with their first kept row, so that skipped rows leave no trace.
    for (let slot = 0; slot < columns.length; slot++) columns[slot]!.pushRaw(rawCodes[slot]!);
    if (this.idField >= 0) {
      this.idLines[this.rowIdCode] = this.tokenizer!.rowStartLine;
      if (this.rowCount === this.idRawCodes.length) this.idRawCodes = growInt32(this.idRawCodes);
      this.idRawCodes[this.rowCount] = this.rowIdCode;
    }
    this.rowCount++;
  }

  private buildDataset(): Dataset {
    const encoding = this.options.encoding;
    const columns = new Map<string, EncodedColumn>();
    for (const column of this.columns) columns.set(column.name, column.finish(encoding));
    const ids: string[] = new Array(this.rowCount);
    if (this.idField >= 0) {
      const idStrings = this.idInterner.decodeAll(
        encoding,
        (rawCode) => this.idStates[rawCode] !== ID_UNDECODABLE,
      );
      for (let row = 0; row < this.rowCount; row++) ids[row] = idStrings[this.idRawCodes[row]!]!;
    } else for (let row = 0; row < this.rowCount; row++) ids[row] = String(row + 1);
    return { name: this.options.name, rowCount: this.rowCount, ids, columns };
  }

  private warnings(dataset: Dataset): DataWarning[] {
    const warnings: DataWarning[] = [];
    if (dataset.rowCount === 0 && this.skippedRowCount === 0) {
      warnings.push({ code: "DATA_NO_ROWS", count: 0, message: "The file has a header but no data rows." });
    }
    for (const [code, count] of this.skippedCounts) {
      const lines = this.skippedRows.filter((row) => row.code === code).map((row) => row.line);
      const shown = lines.slice(0, 10).join(", ");
      warnings.push({
        code: "DATA_ROWS_SKIPPED",
        count,
        message: `${count} row(s) skipped with ${code} (first lines: ${shown}${count > lines.length || count > 10 ? ", …" : ""}).`,
      });
    }
    return warnings;
  }
}

function trimStart(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && (bytes[start] === SPACE || bytes[start] === TAB)) start++;
  return start;
}

function trimEnd(bytes: Uint8Array, start: number, end: number): number {
  while (end > start && (bytes[end - 1] === SPACE || bytes[end - 1] === TAB)) end--;
  return end;
}
