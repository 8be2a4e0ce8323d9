// Writes large CSV result files fast and atomically: rows are formatted into a string buffer and written in
// chunks of about a megabyte, and the file only appears under its name once complete.
import { type CsvCell, formatCsvRow } from "../data/format-csv-row.js";
import { type AtomicWriteStream, createAtomicWriteStream } from "./atomic-write.js";

export interface CsvFileWriterOptions {
  /** Header row, written first. */
  readonly header?: readonly string[];
  readonly delimiter?: string;
  /** Characters buffered before writeRow() asks for a flush. Default 1 MiB. */
  readonly bufferCharacters?: number;
}

export interface CsvFileWriter {
  /** Buffers one row; returns true when the buffer is full and flush() should be awaited. */
  writeRow(cells: readonly CsvCell[]): boolean;
  /** Writes the buffered rows. */
  flush(): Promise<void>;
  /** Writes every row of an iterable, flushing as needed. */
  writeRows(rows: Iterable<readonly CsvCell[]>): Promise<void>;
  /** Flushes and moves the file into place. */
  commit(): Promise<void>;
  /** Drops the file; the target is left untouched. */
  abort(): Promise<void>;
}

/**
 * Opens a CSV writer for `path`. Typical loop:
 * `if (writer.writeRow(cells)) await writer.flush();` then `await writer.commit()` (or abort() on error).
 */
export async function createCsvFileWriter(
  path: string,
  options: CsvFileWriterOptions = {},
): Promise<CsvFileWriter> {
  const stream: AtomicWriteStream = await createAtomicWriteStream(path);
  const delimiter = options.delimiter ?? ",";
  const limit = options.bufferCharacters ?? 1 << 20;
  let buffer = options.header ? formatCsvRow(options.header, delimiter) : "";

  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const data = buffer;
    buffer = "";
    await stream.write(data);
  };
  const writeRow = (cells: readonly CsvCell[]): boolean => {
    buffer += formatCsvRow(cells, delimiter);
    return buffer.length >= limit;
  };
  return {
    writeRow,
    flush,
    async writeRows(rows) {
      for (const cells of rows) if (writeRow(cells)) await flush();
    },
    async commit() {
      await flush();
      await stream.commit();
    },
    abort: () => stream.abort(),
  };
}
