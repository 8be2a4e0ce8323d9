// Atomic file writes: data goes to a temporary file in the target's directory, is flushed to disk, then
// renamed over the target. A reader never sees a half-written file, and a failure leaves the target as it was.
import { type FileHandle, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DataError } from "../errors.js";

/** A file being written; nothing appears at `path` until commit() succeeds. */
export interface AtomicWriteStream {
  readonly path: string;
  readonly temporaryPath: string;
  /** Appends data (strings are written as UTF-8). */
  write(data: string | Uint8Array): Promise<void>;
  /** Flushes to disk and renames the temporary file over `path`. */
  commit(): Promise<void>;
  /** Removes the temporary file; `path` is left untouched. Safe to call after a failure or twice. */
  abort(): Promise<void>;
}

let temporaryCounter = 0;

/** Opens a temporary file next to `path`. Use commit() on success and abort() on failure. */
export async function createAtomicWriteStream(path: string): Promise<AtomicWriteStream> {
  const { handle, temporaryPath } = await openTemporary(path);
  let state: "open" | "committed" | "aborted" = "open";

  const abort = async (): Promise<void> => {
    if (state !== "open") return;
    state = "aborted";
    await handle.close().catch(() => undefined);
    await unlink(temporaryPath).catch(() => undefined);
  };

  /** Any failure removes the temporary file before the error goes up. */
  const guarded = async <T>(action: string, work: () => Promise<T>): Promise<T> => {
    if (state !== "open") {
      throw new DataError("DATA_WRITE_FAILED", `Cannot ${action}: the write was already ${state}.`, {
        file: path,
      });
    }
    try {
      return await work();
    } catch (error) {
      await abort();
      throw writeFailed(path, action, error);
    }
  };

  return {
    path,
    temporaryPath,
    write: (data) =>
      guarded("write", () => writeAll(handle, typeof data === "string" ? Buffer.from(data, "utf8") : data)),
    commit: () =>
      guarded("commit", async () => {
        // fsync before rename: otherwise a crash could leave the new name pointing at empty blocks.
        await handle.sync();
        await handle.close();
        await rename(temporaryPath, path);
        state = "committed";
        await syncDirectory(dirname(path));
      }),
    abort,
  };
}

/** Writes `data` to `path` atomically. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const stream = await createAtomicWriteStream(path);
  await stream.write(data);
  await stream.commit();
}

/** write() may write fewer bytes than asked (signals, some file systems): loop until all are written. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
    offset += bytesWritten;
  }
}

async function openTemporary(path: string): Promise<{ handle: FileHandle; temporaryPath: string }> {
  // Same directory as the target, so that rename() never crosses file systems.
  for (let attempt = 0; ; attempt++) {
    const temporaryPath = join(dirname(path), `.${basename(path)}.${process.pid}.${++temporaryCounter}.tmp`);
    try {
      return { handle: await open(temporaryPath, "wx"), temporaryPath };
    } catch (error) {
      // "wx" fails on an existing name (a leftover from a crashed run): try the next name.
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && attempt < 100) continue;
      throw writeFailed(path, "create a temporary file", error);
    }
  }
}

/** Makes the rename itself durable. Not every platform can open a directory: then there is nothing to do. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, "r");
    await handle.sync();
  } catch {
    // Windows and some file systems refuse fsync on directories; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function writeFailed(path: string, action: string, error: unknown): DataError {
  const code = (error as NodeJS.ErrnoException).code ?? "unknown";
  const hint =
    code === "ENOENT"
      ? "Create the output directory first."
      : code === "ENOSPC"
        ? "The disk is full: free space or write elsewhere."
        : "Check that the directory exists and is writable.";
  return new DataError(
    "DATA_WRITE_FAILED",
    `Could not ${action} (system error ${code}); the target was left unchanged.`,
    {
      file: path,
      hint,
      cause: error,
    },
  );
}
