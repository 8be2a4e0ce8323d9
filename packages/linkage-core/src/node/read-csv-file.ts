// Reads a CSV file from disk into a Dataset, streaming it through one reused buffer: a file of any size
// is never held in memory, only its distinct values are.
import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { CsvDatasetReader } from "../data/csv-dataset-reader.js";
import type { CsvReadOptions, CsvReadResult } from "../data/csv-options.js";
import { DataError } from "../errors.js";

/** Bytes read per system call. Large enough to amortise calls, small enough to stay in cache. */
const READ_BUFFER_BYTES = 1 << 20;

/**
 * Reads `path` into a Dataset. The dataset name defaults to the file stem. Throws DataError with codes
 * DATA_FILE_NOT_FOUND, DATA_FILE_UNREADABLE, and those of the CSV reader (with file and line).
 */
export async function readCsvFile(path: string, options: CsvReadOptions = {}): Promise<CsvReadResult> {
  const name = options.name ?? basename(path, extname(path));
  const reader = new CsvDatasetReader({ ...options, name }, path);
  const handle = await openForReading(path);
  try {
    const totalBytes = (await handle.stat()).size;
    const buffer = new Uint8Array(READ_BUFFER_BYTES);
    let bytesRead = 0;
    for (;;) {
      const { bytesRead: count } = await readChunk(handle, buffer, path);
      if (count === 0) break;
      // The reader copies what it keeps, so the buffer can be refilled at once.
      reader.push(buffer.subarray(0, count));
      bytesRead += count;
      options.onProgress?.(bytesRead, totalBytes);
    }
  } finally {
    await handle.close();
  }
  return reader.finish();
}

async function openForReading(path: string) {
  try {
    return await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new DataError("DATA_FILE_NOT_FOUND", "File not found.", {
        file: path,
        hint: `Check the path; a relative path is resolved from ${process.cwd()}.`,
        cause: error,
      });
    }
    throw unreadable(path, error);
  }
}

async function readChunk(handle: Awaited<ReturnType<typeof open>>, buffer: Uint8Array, path: string) {
  try {
    return await handle.read(buffer, 0, buffer.length, null);
  } catch (error) {
    throw unreadable(path, error);
  }
}

function unreadable(path: string, error: unknown): DataError {
  const code = (error as NodeJS.ErrnoException).code ?? "unknown";
  const hint =
    code === "EISDIR"
      ? "The path is a directory: give the path of a CSV file."
      : "Check that the file exists and that you have permission to read it.";
  return new DataError("DATA_FILE_UNREADABLE", `The file cannot be read (system error ${code}).`, {
    file: path,
    hint,
    cause: error,
  });
}
