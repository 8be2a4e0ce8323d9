// Reads the first bytes of a CSV file: its header and a sample of rows, without loading the whole file. Used to
// check columns before a long read, and by `linkage init` to guess what the columns hold.
import { open } from "node:fs/promises";
import { type CsvReadOptions, type CsvReadResult, DataError, readCsvBytes } from "linkage-core";

/** Bytes read for a header check: enough for any real header line. */
export const HEADER_BYTES = 1 << 16;

export interface CsvHead extends CsvReadResult {
  /** Whether the whole file was read (so the sample is every row). */
  readonly complete: boolean;
}

/**
 * Parses the first `maxBytes` of `path`, cut after the last complete line, with the core's CSV reader (so
 * delimiter detection, encodings and quoting behave as in a full read). Rows that the cut or bad data make
 * unreadable are skipped rather than fatal: this is a sample.
 */
export async function readCsvHead(
  path: string,
  options: CsvReadOptions & { readonly maxBytes?: number } = {},
): Promise<CsvHead> {
  const { maxBytes = HEADER_BYTES, ...readOptions } = options;
  const { bytes, complete } = await readFirstBytes(path, maxBytes);
  const cut = complete ? bytes.length : lastLineEnd(bytes);
  return {
    ...readCsvBytes(bytes.subarray(0, cut), { ...readOptions, skipBadRows: true, onProgress: undefined }),
    complete,
  };
}

async function readFirstBytes(
  path: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(
      code === "ENOENT" ? "DATA_FILE_NOT_FOUND" : "DATA_FILE_UNREADABLE",
      code === "ENOENT" ? "File not found." : `The file cannot be read (system error ${code ?? "unknown"}).`,
      {
        file: path,
        hint: "Check the path (relative paths in a config are resolved from its folder).",
        cause: error,
      },
    );
  }
  try {
    const size = (await handle.stat()).size;
    const buffer = new Uint8Array(Math.min(size, maxBytes));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, filled), complete: filled >= size };
  } catch (error) {
    throw new DataError("DATA_FILE_UNREADABLE", "The file cannot be read.", {
      file: path,
      hint: "Check that the path is a readable file, not a folder.",
      cause: error,
    });
  } finally {
    await handle.close();
  }
}

/** Offset just after the last line feed (or the whole buffer when it holds a single line). */
function lastLineEnd(bytes: Uint8Array): number {
  for (let index = bytes.length - 1; index >= 0; index--) if (bytes[index] === 0x0a) return index + 1;
  return bytes.length;
}
