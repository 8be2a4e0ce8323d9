// In-memory and iterable entry points of the CSV reader, for tests, browsers and callers that hold bytes.
import { CsvDatasetReader } from "./csv-dataset-reader.js";
import type { CsvReadOptions, CsvReadResult } from "./csv-options.js";

/** Bytes handed to the reader per step: progress is reported at this granularity. */
const SLICE_BYTES = 1 << 20;

/** Reads CSV bytes (UTF-8 or Latin-1 per `options.encoding`) into a Dataset. */
export function readCsvBytes(bytes: Uint8Array, options: CsvReadOptions = {}): CsvReadResult {
  const reader = new CsvDatasetReader(options);
  for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
    const end = Math.min(bytes.length, offset + SLICE_BYTES);
    reader.push(bytes.subarray(offset, end));
    options.onProgress?.(end, bytes.length);
  }
  return reader.finish();
}

/** Reads CSV text already decoded into a string; `options.encoding` does not apply. */
export function readCsvString(text: string, options: CsvReadOptions = {}): CsvReadResult {
  return readCsvBytes(new TextEncoder().encode(text), { ...options, encoding: "utf-8" });
}

/**
 * Reads CSV from chunks as they arrive (a web ReadableStream, a Node stream, a generator). `totalBytes`,
 * when known, is passed to `onProgress`; otherwise progress reports the bytes read so far as the total.
 */
export async function readCsvChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvReadOptions = {},
  totalBytes?: number,
): Promise<CsvReadResult> {
  const reader = new CsvDatasetReader(options);
  let bytesRead = 0;
  for await (const chunk of chunks) {
    reader.push(chunk);
    bytesRead += chunk.length;
    options.onProgress?.(bytesRead, totalBytes ?? bytesRead);
  }
  return reader.finish();
}
