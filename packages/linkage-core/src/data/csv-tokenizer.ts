// Byte-level RFC 4180 tokenizer: splits chunks of bytes into fields and rows, carrying a field cut by a
// chunk boundary over to the next chunk, so that files of any size stream through a fixed buffer.
import { DataError } from "../errors.js";

/** Receives fields as byte slices; a slice is only valid during the call (the chunk may be reused). */
export interface CsvFieldSink {
  field(bytes: Uint8Array, start: number, end: number): void;
  /** The fields delivered since the last call form one complete row. */
  endRow(): void;
}

export interface CsvTokenizerOptions {
  /** Delimiter byte (ASCII). */
  readonly delimiter: number;
  /** Skip spaces and tabs at the start of a field, so that `a, "b"` reads `"b"` as a quoted field. */
  readonly skipLeadingSpaces: boolean;
  /** Used as the file in error locations. */
  readonly sourceName?: string;
  /** Absolute byte offset of the first byte given to the tokenizer (after a byte order mark). */
  readonly startOffset?: number;
}

export const QUOTE = 0x22;
export const LINE_FEED = 0x0a;
export const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field was the last byte of a chunk: escape or closing quote, not yet known. */
const QUOTE_IN_QUOTED = 3;

/**
 * Push chunks, then call finish(). Quoted fields may hold delimiters, doubled quotes and line breaks; rows
 * end with LF, CRLF or CR; blank lines are skipped. Text after a closing quote (`"ab"c`) is kept, as
 * spreadsheets do.
 */
export class CsvTokenizer {
  /** 1-based physical line at which the current row started. */
  rowStartLine = 1;
  /** Absolute byte offset of the first content byte of the field being delivered. */
  fieldStartOffset = 0;
  /** 1-based physical line being read. */
  private line = 1;
  private state = FIELD_START;
  /** Bytes of a field that spans chunks or holds escaped quotes; `carrying` says it is in use. */
  private scratch = new Uint8Array(256);
  private scratchLength = 0;
  private carrying = false;
  /** The previous chunk ended with a CR that ended a row: a LF starting this chunk belongs to it. */
  private skipLineFeed = false;
  /** A field or delimiter was seen in the current row (blank lines have none). */
  private rowTouched = false;
  private quoteStartLine = 0;
  /** Absolute offset of the current chunk's first byte. */
  private chunkOffset: number;
  private readonly delimiter: number;
  private readonly skipLeadingSpaces: boolean;

  constructor(
    private readonly sink: CsvFieldSink,
    private readonly options: CsvTokenizerOptions,
  ) {
    this.delimiter = options.delimiter;
    this.skipLeadingSpaces = options.skipLeadingSpaces;
    this.chunkOffset = options.startOffset ?? 0;
  }

  /** Number of physical lines started so far. */
  get lineCount(): number {
    return this.line;
  }

  push(chunk: Uint8Array): void {
    const length = chunk.length;
    if (length === 0) return;
    const delimiter = this.delimiter;
    let index = 0;
    let fieldStart = 0;
    let state = this.state;
    if (this.skipLineFeed) {
      this.skipLineFeed = false;
      if (chunk[0] === LINE_FEED) index = 1;
    }
    if (state === QUOTE_IN_QUOTED) {
      if (chunk[0] === QUOTE) {
        this.appendScratch(chunk, 0, 1);
        index = 1;
        fieldStart = 1;
        state = QUOTED;
      } else state = UNQUOTED;
    }
    while (index < length) {
      if (state === FIELD_START) {
        const byte = chunk[index]!;
        if (byte === QUOTE) {
          state = QUOTED;
          this.rowTouched = true;
          this.quoteStartLine = this.line;
          fieldStart = ++index;
          this.fieldStartOffset = this.chunkOffset + index;
          continue;
        }
        if (!this.rowTouched && (byte === LINE_FEED || byte === CARRIAGE_RETURN)) {
          index = this.skipBlankLine(chunk, index);
          continue;
        }
        if (this.skipLeadingSpaces && (byte === SPACE || byte === TAB)) {
          index++;
          continue;
        }
        state = UNQUOTED;
        fieldStart = index;
        this.fieldStartOffset = this.chunkOffset + index;
      }
      if (state === UNQUOTED) {
        let end = index;
        let byte = 0;
        while (end < length) {
          byte = chunk[end]!;
          if (byte === delimiter || byte === LINE_FEED || byte === CARRIAGE_RETURN) break;
          end++;
        }
        if (end === length) {
          index = length;
          break;
        }
        this.emitField(chunk, fieldStart, end);
        state = FIELD_START;
        if (byte === delimiter) {
          this.rowTouched = true;
          index = end + 1;
        } else index = this.endRow(chunk, end);
        continue;
      }
      // QUOTED: look for the next quote, counting line breaks held inside the field.
      let end = index;
      while (end < length) {
        const byte = chunk[end]!;
        if (byte === QUOTE) break;
        if (byte === LINE_FEED) this.line++;
        end++;
      }
      if (end === length) {
        index = length;
        break;
      }
      if (end + 1 === length) {
        this.appendScratch(chunk, fieldStart, end);
        state = QUOTE_IN_QUOTED;
        this.state = state;
        this.chunkOffset += length;
        return;
      }
      const next = chunk[end + 1]!;
      if (next === QUOTE) {
        // A doubled quote stands for one quote: keep the first, drop the second.
        this.appendScratch(chunk, fieldStart, end + 1);
        fieldStart = index = end + 2;
        continue;
      }
      if (next === delimiter) {
        this.emitField(chunk, fieldStart, end);
        state = FIELD_START;
        index = end + 2;
        continue;
      }
      if (next === LINE_FEED || next === CARRIAGE_RETURN) {
        this.emitField(chunk, fieldStart, end);
        state = FIELD_START;
        index = this.endRow(chunk, end + 1);
        continue;
      }
      // Closing quote followed by stray text: the rest is read as unquoted text, as spreadsheets do.
      this.appendScratch(chunk, fieldStart, end);
      state = UNQUOTED;
      fieldStart = index = end + 1;
    }
    if (state === UNQUOTED || state === QUOTED) this.appendScratch(chunk, fieldStart, length);
    this.state = state;
    this.chunkOffset += length;
  }

  /** Delivers the last row (a file need not end with a line break); throws on an unterminated quote. */
  finish(): void {
    const state = this.state;
    if (state === QUOTED) {
      throw new DataError(
        "DATA_UNTERMINATED_QUOTE",
        `A quoted field opened on line ${this.quoteStartLine} is never closed before the end of the file.`,
        {
          file: this.options.sourceName,
          line: this.quoteStartLine,
          hint: 'Close the quote, or double quotes that are part of a value ("" stands for one quote).',
        },
      );
    }
    if (state === UNQUOTED || state === QUOTE_IN_QUOTED || this.rowTouched) {
      this.emitField(this.scratch, 0, 0);
      this.sink.endRow();
      this.rowTouched = false;
    }
    this.state = FIELD_START;
  }

  private emitField(chunk: Uint8Array, start: number, end: number): void {
    this.rowTouched = true;
    if (this.carrying) {
      this.appendScratch(chunk, start, end);
      this.carrying = false;
      this.sink.field(this.scratch, 0, this.scratchLength);
      this.scratchLength = 0;
    } else this.sink.field(chunk, start, end);
  }

  /** Ends the row at the line break at `index`; returns the index after the break. */
  private endRow(chunk: Uint8Array, index: number): number {
    this.sink.endRow();
    this.rowTouched = false;
    this.line++;
    this.rowStartLine = this.line;
    return this.afterLineBreak(chunk, index);
  }

  private skipBlankLine(chunk: Uint8Array, index: number): number {
    this.line++;
    this.rowStartLine = this.line;
    return this.afterLineBreak(chunk, index);
  }

  private afterLineBreak(chunk: Uint8Array, index: number): number {
    if (chunk[index] === CARRIAGE_RETURN) {
      if (index + 1 === chunk.length) this.skipLineFeed = true;
      else if (chunk[index + 1] === LINE_FEED) return index + 2;
    }
    return index + 1;
  }

  private appendScratch(chunk: Uint8Array, start: number, end: number): void {
    this.carrying = true;
    const needed = this.scratchLength + (end - start);
    if (needed > this.scratch.length) {
      let capacity = this.scratch.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.scratch.subarray(0, this.scratchLength));
      this.scratch = grown;
    }
    this.scratch.set(chunk.subarray(start, end), this.scratchLength);
    this.scratchLength = needed;
  }
}
