// An output folder written atomically: everything goes to a hidden sibling folder, renamed into place only
// when the whole run succeeded. A failed run leaves no half-written result and never touches an old one.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { access, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DataError } from "linkage-core";

/** Lines appended to one file of the folder. */
export interface LineWriter {
  /** Buffers a line (a newline is added); returns a promise to await when the buffer went to disk. */
  emit(line: string): Promise<void> | undefined;
  /** Buffers text as it is (lines already ended), as emit() does. */
  write(text: string): Promise<void> | undefined;
  /** Writes UTF-8 bytes (whole lines), after what is buffered; the array must not change afterwards. */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>;
}

export class OutputFolder {
  private constructor(
    readonly directory: string,
    private readonly staging: string,
    private readonly force: boolean,
  ) {}

  /** Refuses an existing folder unless `force`; creates the staging folder next to it. */
  static async open(directory: string, options: { readonly force: boolean }): Promise<OutputFolder> {
    if (!options.force && (await exists(directory))) {
      throw new DataError("OUTPUT_EXISTS", `the output folder already exists: ${directory}.`, {
        hint: "Choose another folder, or pass --force to replace it.",
      });
    }
    const staging = join(dirname(directory), `.${basename(directory)}.partial-${process.pid}-${Date.now()}`);
    await mkdir(staging, { recursive: true });
    return new OutputFolder(directory, staging, options.force);
  }

  /** The hidden folder being filled, for writers that take a folder path (moved into place by commit()). */
  get stagingPath(): string {
    return this.staging;
  }

  async writeText(name: string, text: string): Promise<void> {
    await writeFile(join(this.staging, name), text, "utf8");
  }

  /** A buffered line writer for large files (pairs): chunks of about 1 MB, back-pressure respected. */
  async writeLines(
    name: string,
    write: (emit: (line: string) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const lines = this.openLines(name);
    try {
      await write(async (line) => {
        await lines.emit(line);
      });
    } finally {
      await lines.close();
    }
  }

  /**
   * A line writer kept open across calls, for files written piece by piece as results stream in. Lines are
   * buffered into chunks of about 1 MB; emit() resolves at once unless a chunk must wait for the disk.
   */
  openLines(name: string): LineWriter {
    const stream = createWriteStream(join(this.staging, name), { encoding: "utf8" });
    let buffer: string[] = [];
    let size = 0;
    let failure: Error | undefined;
    stream.on("error", (error) => {
      failure = error;
    });
    const flush = async () => {
      if (failure) throw failure;
      if (buffer.length === 0) return;
      const chunk = buffer.join("");
      buffer = [];
      size = 0;
      if (!stream.write(chunk)) await once(stream, "drain");
    };
    return {
      emit(line: string): Promise<void> | undefined {
        buffer.push(line, "\n");
        size += line.length + 1;
        return size >= 1 << 20 ? flush() : undefined;
      },
      write(text: string): Promise<void> | undefined {
        buffer.push(text);
        size += text.length;
        return size >= 1 << 20 ? flush() : undefined;
      },
      async writeBytes(bytes: Uint8Array): Promise<void> {
        await flush();
        if (!stream.write(bytes)) await once(stream, "drain");
      },
      async close(): Promise<void> {
        try {
          await flush();
        } finally {
          stream.end();
          await once(stream, "close");
        }
        if (failure) throw failure;
      },
    };
  }

  /** Moves the finished folder into place (replacing an old one only when forced). */
  async commit(): Promise<void> {
    if (await exists(this.directory)) {
      if (!this.force) {
        throw new DataError(
          "OUTPUT_EXISTS",
          `the output folder appeared during the run: ${this.directory}.`,
          {
            hint: "Pass --force to replace it.",
          },
        );
      }
      const old = `${this.staging}.old`;
      await rename(this.directory, old);
      await rename(this.staging, this.directory);
      await rm(old, { recursive: true, force: true });
      return;
    }
    await mkdir(dirname(this.directory), { recursive: true });
    await rename(this.staging, this.directory);
  }

  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
