import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cellValue, type Dataset } from "../src/data/index.js";
import { DataError } from "../src/errors.js";
import {
  createAtomicWriteStream,
  createCsvFileWriter,
  readCsvFile,
  writeFileAtomic,
} from "../src/node/index.js";

const fixtures = fileURLToPath(new URL("../../../fixtures/data/", import.meta.url));

function column(dataset: Dataset, name: string): (string | null)[] {
  const encoded = dataset.columns.get(name)!;
  return dataset.ids.map((_, row) => cellValue(encoded, row));
}

async function rejection(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected a DataError");
}

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "linkage-data-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("readCsvFile", () => {
  it("reads a UTF-8 file with a byte order mark, CRLF and quoted line breaks; names the dataset after the file", async () => {
    const result = await readCsvFile(join(fixtures, "utf8-bom-crlf.csv"), { idColumn: "id" });
    expect(result.dataset.name).toBe("utf8-bom-crlf");
    expect(result.headers).toEqual(["id", "name", "city"]);
    expect(column(result.dataset, "name")).toEqual(["Émilie", 'Jean "Jo" Dupont', "Zoë"]);
    expect(column(result.dataset, "city")).toEqual(["Saint-Étienne", "Paris,\r\n75", null]);
    expect(result.lineCount).toBe(5);
  });

  it("reads a Windows-1252 file with ';' and CRLF, detecting the delimiter", async () => {
    const result = await readCsvFile(join(fixtures, "latin1-semicolon-crlf.csv"), {
      idColumn: "id",
      encoding: "latin1",
      delimiter: "auto",
      rename: { nom: "surname", prenom: "first_name" },
      columns: ["surname", "first_name", "commune"],
    });
    expect(result.delimiter).toBe(";");
    expect([...result.dataset.columns.keys()]).toEqual(["surname", "first_name", "commune"]);
    expect(column(result.dataset, "surname")).toEqual(["Lefèvre", "Cœur", "D’Artagnan", null]);
    expect(column(result.dataset, "first_name")).toEqual(["Hélène", "François", "Zoé", "Noël"]);
  });

  it("fails on the same Latin-1 file read as UTF-8, pointing at line 2", async () => {
    const error = await rejection(
      readCsvFile(join(fixtures, "latin1-semicolon-crlf.csv"), { delimiter: ";" }),
    );
    expect(error.code).toBe("DATA_INVALID_ENCODING");
    expect(error.location.line).toBe(2);
    expect(error.location.file).toContain("latin1-semicolon-crlf.csv");
  });

  it("reads the FEBRL sample with trimmed fields", async () => {
    const result = await readCsvFile(join(fixtures, "febrl-dataset1-head.csv"), {
      idColumn: "rec_id",
      trimFields: true,
    });
    expect(result.dataset.rowCount).toBe(20);
    expect(result.dataset.ids[0]).toBe("rec-223-org");
    expect(result.dataset.columns.get("given_name")!.codes[0]).toBe(-1);
    expect(column(result.dataset, "surname")[0]).toBe("waller");
    expect(column(result.dataset, "date_of_birth")[0]).toBe("19081209");
  });

  it("reports progress up to the file size, across several buffer refills", async () => {
    const path = join(directory, "big.csv");
    const rows = Array.from({ length: 120_000 }, (_, index) => `${index},name${index % 1000},${index % 7}`);
    await writeFile(path, `id,name,group\n${rows.join("\n")}\n`);
    const progress: [number, number][] = [];
    const result = await readCsvFile(path, {
      idColumn: "id",
      onProgress: (read, total) => progress.push([read, total]),
    });
    expect(result.dataset.rowCount).toBe(120_000);
    expect(result.dataset.columns.get("name")!.dictionary).toHaveLength(1000);
    expect(progress.length).toBeGreaterThan(1);
    const total = progress[0]![1];
    expect(progress.at(-1)).toEqual([total, total]);
    expect(result.bytesRead).toBe(total);
  });

  it("DATA_FILE_NOT_FOUND, DATA_FILE_UNREADABLE and DATA_EMPTY_FILE", async () => {
    const missing = await rejection(readCsvFile(join(directory, "nope.csv")));
    expect(missing.code).toBe("DATA_FILE_NOT_FOUND");
    expect(missing.location.file).toBe(join(directory, "nope.csv"));
    expect((await rejection(readCsvFile(directory))).code).toBe("DATA_FILE_UNREADABLE");
    await writeFile(join(directory, "empty.csv"), "");
    expect((await rejection(readCsvFile(join(directory, "empty.csv")))).code).toBe("DATA_EMPTY_FILE");
  });
});

describe("writeFileAtomic and createAtomicWriteStream", () => {
  it("writes a new file and replaces an existing one, leaving no temporary file", async () => {
    const path = join(directory, "out.txt");
    await writeFileAtomic(path, "first");
    await writeFileAtomic(path, new TextEncoder().encode("second é"));
    expect(await readFile(path, "utf8")).toBe("second é");
    expect(await readdir(directory)).toEqual(["out.txt"]);
  });

  it("shows nothing under the target name before commit, and leaves the target untouched on abort", async () => {
    const path = join(directory, "pairs.csv");
    await writeFile(path, "old content");
    const stream = await createAtomicWriteStream(path);
    await stream.write("new ");
    await stream.write(new TextEncoder().encode("content"));
    expect(await readFile(path, "utf8")).toBe("old content");
    await stream.abort();
    await stream.abort();
    expect(await readFile(path, "utf8")).toBe("old content");
    expect(await readdir(directory)).toEqual(["pairs.csv"]);
  });

  it("commits streamed writes", async () => {
    const path = join(directory, "pairs.csv");
    const stream = await createAtomicWriteStream(path);
    await stream.write("a,");
    await stream.write("b\n");
    await stream.commit();
    expect(await readFile(path, "utf8")).toBe("a,b\n");
    const error = await rejection(stream.write("late"));
    expect(error.code).toBe("DATA_WRITE_FAILED");
  });

  it("fails with DATA_WRITE_FAILED when the directory does not exist, creating nothing", async () => {
    const error = await rejection(writeFileAtomic(join(directory, "missing", "out.txt"), "x"));
    expect(error.code).toBe("DATA_WRITE_FAILED");
    expect(error.hint).toContain("directory");
    expect(await readdir(directory)).toEqual([]);
  });

  it("removes the temporary file and keeps the old target when the final rename fails", async () => {
    // Renaming a file over a non-empty directory fails: the target must stay as it was.
    const path = join(directory, "target");
    await writeFile(join(directory, "keep.txt"), "");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path);
    await writeFile(join(path, "inside.txt"), "still here");
    const stream = await createAtomicWriteStream(path);
    await stream.write("data");
    const error = await rejection(stream.commit());
    expect(error.code).toBe("DATA_WRITE_FAILED");
    expect(await readFile(join(path, "inside.txt"), "utf8")).toBe("still here");
    expect((await readdir(directory)).sort()).toEqual(["keep.txt", "target"]);
  });
});

describe("createCsvFileWriter", () => {
  it("writes rows that read back identically, flushing in chunks", async () => {
    const path = join(directory, "pairs.csv");
    const writer = await createCsvFileWriter(path, {
      header: ["id", "value", "score"],
      bufferCharacters: 64,
    });
    const values = ["plain", "with, comma", 'with "quotes"', "two\nlines", "é😀"];
    let flushes = 0;
    for (let index = 0; index < 500; index++) {
      if (writer.writeRow([index, values[index % values.length], index / 4])) {
        flushes++;
        await writer.flush();
      }
    }
    await writer.commit();
    expect(flushes).toBeGreaterThan(10);
    const result = await readCsvFile(path, { idColumn: "id" });
    expect(result.dataset.rowCount).toBe(500);
    expect(result.dataset.columns.get("value")!.dictionary).toEqual(values);
    expect(column(result.dataset, "score")[3]).toBe("0.75");
  });

  it("writes from an iterable, and abort leaves no file", async () => {
    const path = join(directory, "rows.csv");
    const writer = await createCsvFileWriter(path, { delimiter: ";" });
    await writer.writeRows([
      ["a", "b;c"],
      [1, null],
    ]);
    await writer.abort();
    expect(await readdir(directory)).toEqual([]);
    const again = await createCsvFileWriter(path, { delimiter: ";" });
    await again.writeRows([
      ["a", "b;c"],
      [1, null],
    ]);
    await again.commit();
    expect(await readFile(path, "utf8")).toBe('a;"b;c"\n1;\n');
  });
});
