import { describe, expect, it } from "vitest";
import { type CsvReadOptions, readCsvBytes, readCsvString } from "../src/data/index.js";
import { DataError } from "../src/errors.js";

function errorOf(read: () => unknown): DataError {
  try {
    read();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected a DataError");
}

const readText =
  (text: string, options: CsvReadOptions = {}) =>
  () =>
    readCsvString(text, { name: "people.csv", ...options });

describe("CSV data errors", () => {
  it.each([[""], ["\n\n"], ["\ufeff"]])("DATA_EMPTY_FILE for %j", (text) => {
    const error = errorOf(readText(text));
    expect(error.code).toBe("DATA_EMPTY_FILE");
    expect(error.location.file).toBe("people.csv");
  });

  it("DATA_MISSING_COLUMN names the column and lists the available headers", () => {
    const error = errorOf(
      readText("id,nom,prenom\n1,a,b\n", { idColumn: "id", columns: ["nom", "surname"] }),
    );
    expect(error.code).toBe("DATA_MISSING_COLUMN");
    expect(error.message).toContain('"surname"');
    expect(error.message).toContain('"id", "nom", "prenom"');
    expect(error.location.line).toBe(1);
    expect(errorOf(readText("id,a\n", { idColumn: "ID" })).message).toContain("idColumn");
    expect(errorOf(readText("id,a\n", { rename: { NOM: "surname" } })).message).toContain('"NOM"');
  });

  it("DATA_MISSING_COLUMN suggests checking the delimiter when the header has one column", () => {
    const error = errorOf(readText("id;nom\n1;a\n", { idColumn: "id" }));
    expect(error.code).toBe("DATA_MISSING_COLUMN");
    expect(error.hint).toContain("delimiter");
  });

  it("DATA_DUPLICATE_ID gives the lines of both rows and never the id value", () => {
    const error = errorOf(
      readText("nir,a\n1850575123456,x\n2990101000001,y\n1850575123456,z\n", { idColumn: "nir" }),
    );
    expect(error.code).toBe("DATA_DUPLICATE_ID");
    expect(error.location).toMatchObject({ file: "people.csv", line: 4, column: 1 });
    expect(error.message).toContain("line 2");
    expect(error.describe()).not.toContain("1850575123456");
    expect(error.describe()).toContain("people.csv:4:1");
  });

  it("DATA_EMPTY_ID for an empty or null-valued id, with line and column", () => {
    const empty = errorOf(readText("a,id\nx,1\ny,\n", { idColumn: "id" }));
    expect(empty.code).toBe("DATA_EMPTY_ID");
    expect(empty.location).toMatchObject({ line: 3, column: 2 });
    expect(errorOf(readText("id,a\nNA,x\n", { idColumn: "id" })).code).toBe("DATA_EMPTY_ID");
    expect(errorOf(readText('id,a\n"  ",x\n', { idColumn: "id", trimFields: true })).code).toBe(
      "DATA_EMPTY_ID",
    );
  });

  it("DATA_RAGGED_ROW says expected and found field counts, for too many and too few fields", () => {
    const tooMany = errorOf(readText("id,a,b\n1,x,y\n2,x,y,z\n", { idColumn: "id" }));
    expect(tooMany.code).toBe("DATA_RAGGED_ROW");
    expect(tooMany.location.line).toBe(3);
    expect(tooMany.message).toContain("4 fields where the header has 3");
    const tooFew = errorOf(readText('id,a,b\n1,"multi\nline",y\n2,x\n', { idColumn: "id" }));
    expect(tooFew.location.line).toBe(4);
    expect(tooFew.message).toContain("2 fields where the header has 3");
  });

  it("DATA_UNTERMINATED_QUOTE gives the line where the quote opened", () => {
    const error = errorOf(readText('id,a\n1,x\n2,"never closed\n3,y\n', { idColumn: "id" }));
    expect(error.code).toBe("DATA_UNTERMINATED_QUOTE");
    expect(error.location).toMatchObject({ file: "people.csv", line: 3 });
  });

  it("DATA_INVALID_ENCODING gives line, field and byte offset, and suggests latin1", () => {
    const prefix = new TextEncoder().encode("id,nom\n1,Dupont\n2,No");
    const bytes = Uint8Array.from([...prefix, 0xeb, 0x6c, 0x0a]);
    const error = errorOf(() => readCsvBytes(bytes, { idColumn: "id", name: "latin.csv" }));
    expect(error.code).toBe("DATA_INVALID_ENCODING");
    expect(error.location).toMatchObject({ file: "latin.csv", line: 3, column: 2 });
    expect(error.message).toContain(`byte offset ${prefix.length}`);
    expect(error.hint).toContain('encoding: "latin1"');
    // The same bytes read as latin1 are fine.
    expect(
      readCsvBytes(bytes, { idColumn: "id", encoding: "latin1" }).dataset.columns.get("nom")!.dictionary,
    ).toEqual(["Dupont", "Noël"]);
  });

  it("DATA_INVALID_ENCODING counts the byte order mark in the offset, and covers headers and ids", () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("id,a\n1,"), 0xe9, 0x0a]);
    expect(errorOf(() => readCsvBytes(withBom, { idColumn: "id" })).message).toContain("byte offset 10");
    const header = Uint8Array.from([
      ...new TextEncoder().encode("id,n"),
      0xe9,
      ...new TextEncoder().encode("\n1,x\n"),
    ]);
    expect(errorOf(() => readCsvBytes(header)).location).toMatchObject({ line: 1, column: 2 });
    const id = Uint8Array.from([
      ...new TextEncoder().encode("id,a\n"),
      0xe9,
      ...new TextEncoder().encode(",x\n"),
    ]);
    expect(errorOf(() => readCsvBytes(id, { idColumn: "id" })).location).toMatchObject({
      line: 2,
      column: 1,
    });
  });

  it("DATA_INVALID_ENCODING for a UTF-8 file read as latin1, and for UTF-16", () => {
    const utf8 = new TextEncoder().encode("\ufeffid,a\n1,é\n");
    expect(errorOf(() => readCsvBytes(utf8, { encoding: "latin1" })).hint).toContain('"utf-8"');
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x69, 0x00, 0x0a, 0x00]);
    expect(errorOf(() => readCsvBytes(utf16)).code).toBe("DATA_INVALID_ENCODING");
  });

  it("DATA_DUPLICATE_HEADER gives the positions of both, also after rename", () => {
    const error = errorOf(readText("id,nom,a,nom\n1,x,y,z\n"));
    expect(error.code).toBe("DATA_DUPLICATE_HEADER");
    expect(error.location).toMatchObject({ line: 1, column: 4 });
    expect(error.message).toContain("fields 2 and 4");
    expect(errorOf(readText("id,NOM,nom\n1,x,y\n", { rename: { NOM: "nom" } })).code).toBe(
      "DATA_DUPLICATE_HEADER",
    );
    // Unnamed trailing columns are not duplicates of each other.
    expect(readText("id,a,,\n1,x,,\n", { idColumn: "id" })().dataset.columns.size).toBe(1);
  });

  it("DATA_INVALID_OPTION for option values TypeScript could not check", () => {
    expect(errorOf(readText("a\n", { delimiter: ":" as never })).code).toBe("DATA_INVALID_OPTION");
    const bytes = new TextEncoder().encode("a\n");
    expect(errorOf(() => readCsvBytes(bytes, { encoding: "utf-16" as never })).code).toBe(
      "DATA_INVALID_OPTION",
    );
    expect(errorOf(readText("a\n", { columns: ["a", "a"] })).code).toBe("DATA_INVALID_OPTION");
  });
});
