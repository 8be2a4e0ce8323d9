import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  CsvDatasetReader,
  type CsvReadOptions,
  type CsvReadResult,
  cellValue,
  type Dataset,
  readCsvBytes,
  readCsvChunks,
  readCsvString,
} from "../src/data/index.js";

/** Rows of a dataset as plain objects, for readable assertions. */
function rowsOf(dataset: Dataset): Record<string, string | null>[] {
  return dataset.ids.map((id, row) => {
    const record: Record<string, string | null> = { id };
    for (const [name, column] of dataset.columns) record[name] = cellValue(column, row);
    return record;
  });
}

function readInChunks(bytes: Uint8Array, sizes: readonly number[], options: CsvReadOptions): CsvReadResult {
  const reader = new CsvDatasetReader(options);
  let offset = 0;
  for (let index = 0; offset < bytes.length; index++) {
    const size = sizes[index % sizes.length]!;
    const chunk = bytes.slice(offset, offset + size);
    reader.push(chunk);
    // The caller may reuse its buffer at once: the reader must have copied what it keeps.
    chunk.fill(0x21);
    offset += size;
  }
  return reader.finish();
}

describe("readCsvString", () => {
  it("reads ids and columns, with null values and quoting", () => {
    const { dataset, headers, lineCount } = readCsvString(
      'id,first_name,city\n1,Anne,"Paris, 75"\n2,NA,Lyon\n3,"Jean ""Jo""",\n',
      { idColumn: "id", name: "people" },
    );
    expect(dataset.name).toBe("people");
    expect(headers).toEqual(["id", "first_name", "city"]);
    expect(lineCount).toBe(4);
    expect(rowsOf(dataset)).toEqual([
      { id: "1", first_name: "Anne", city: "Paris, 75" },
      { id: "2", first_name: null, city: "Lyon" },
      { id: "3", first_name: 'Jean "Jo"', city: null },
    ]);
  });

  it("encodes each column as a dictionary of distinct non-null values shared by equal cells", () => {
    const { dataset } = readCsvString("id,sex,city\n1,2,Lyon\n2,1,Paris\n3,2,Lyon\n4,,Lyon\n5,1,\n", {
      idColumn: "id",
    });
    const sex = dataset.columns.get("sex")!;
    const city = dataset.columns.get("city")!;
    expect(sex.dictionary).toEqual(["2", "1"]);
    expect(Array.from(sex.codes)).toEqual([0, 1, 0, -1, 1]);
    expect(city.dictionary).toEqual(["Lyon", "Paris"]);
    expect(Array.from(city.codes)).toEqual([0, 1, 0, 0, -1]);
    expect(sex.codes).toBeInstanceOf(Int32Array);
  });

  it("encodes only the columns asked for, in the order asked", () => {
    const { dataset } = readCsvString("a,id,b,c,d\n1,x,2,3,4\n5,y,6,7,8\n", {
      idColumn: "id",
      columns: ["d", "a"],
    });
    expect([...dataset.columns.keys()]).toEqual(["d", "a"]);
    expect(rowsOf(dataset)).toEqual([
      { id: "x", d: "4", a: "1" },
      { id: "y", d: "8", a: "5" },
    ]);
  });

  it("renames headers, and ids and columns then use the new names", () => {
    const { dataset, headers } = readCsvString("NUM;NOM;PRENOM\n7;Durand;Léa\n", {
      delimiter: ";",
      rename: { NUM: "id", NOM: "surname", PRENOM: "first_name" },
      idColumn: "id",
    });
    expect(headers).toEqual(["NUM", "NOM", "PRENOM"]);
    expect(rowsOf(dataset)).toEqual([{ id: "7", surname: "Durand", first_name: "Léa" }]);
  });

  it("numbers rows as ids when there is no id column", () => {
    const { dataset } = readCsvString("name\nA\nB\n");
    expect(dataset.ids).toEqual(["1", "2"]);
    expect(dataset.name).toBe("dataset");
  });

  it.each([
    [",", "id,a|b;c\n1,x|y;z\n", { id: "1", "a|b;c": "x|y;z" }],
    [";", "id;a;b\n1;x,y;z\n", { id: "1", a: "x,y", b: "z" }],
    ["\t", "id\ta\tb\n1\tx\ty\n", { id: "1", a: "x", b: "y" }],
    ["|", '"i|d"|a|b\n1|x|y\n', { id: "1", a: "x", b: "y" }],
  ])("detects the delimiter %j from the header line", (delimiter, text, row) => {
    const rename: Record<string, string> = delimiter === "|" ? { "i|d": "id" } : {};
    const result = readCsvString(text, { delimiter: "auto", rename, idColumn: "id" });
    expect(result.delimiter).toBe(delimiter);
    expect(rowsOf(result.dataset)).toEqual([row]);
  });

  it("trims fields on request, including ', ' separated FEBRL rows with quoted fields", () => {
    const text = 'rec_id, given_name, surname\nrec-1, "ann, b" , smith\nrec-2, , jones \n';
    expect(rowsOf(readCsvString(text, { idColumn: "rec_id", trimFields: true }).dataset)).toEqual([
      { id: "rec-1", given_name: "ann, b", surname: "smith" },
      { id: "rec-2", given_name: null, surname: "jones" },
    ]);
    // Without trimming the spaces are data, but header names are always trimmed.
    const untrimmed = readCsvString("id, a\n1, x\n", { idColumn: "id" });
    expect(cellValue(untrimmed.dataset.columns.get("a")!, 0)).toBe(" x");
  });

  it("uses the null values given, compared exactly", () => {
    const { dataset } = readCsvString("id,a\n1,\n2,NA\n3,?\n4,na\n", {
      idColumn: "id",
      nullValues: ["?", ""],
    });
    expect(rowsOf(dataset).map((row) => row.a)).toEqual([null, "NA", null, "na"]);
  });

  it("reads a quote inside an unquoted field literally, in the header too, whatever the chunks", () => {
    const bytes = new TextEncoder().encode('id,a"b\n1,x"y\n2,z\n');
    for (const sizes of [[1], [3], [1 << 20]]) {
      const result = readInChunks(bytes, sizes, { idColumn: "id", delimiter: "auto" });
      expect(result.headers).toEqual(["id", 'a"b']);
      expect(rowsOf(result.dataset)).toEqual([
        { id: "1", 'a"b': 'x"y' },
        { id: "2", 'a"b': "z" },
      ]);
    }
  });

  it("reports a header-only file as a warning, not an error", () => {
    const result = readCsvString("id,a\n", { idColumn: "id" });
    expect(result.dataset.rowCount).toBe(0);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["DATA_NO_ROWS"]);
  });
});

describe("readCsvBytes: encodings", () => {
  it("skips a UTF-8 byte order mark and reads CRLF files", () => {
    const bytes = new TextEncoder().encode("\ufeffid,name\r\n1,Émilie\r\n2,Zoë\r\n");
    const { dataset, headers } = readCsvBytes(bytes, { idColumn: "id" });
    expect(headers).toEqual(["id", "name"]);
    expect(rowsOf(dataset)).toEqual([
      { id: "1", name: "Émilie" },
      { id: "2", name: "Zoë" },
    ]);
  });

  it("reads Latin-1 / Windows-1252 bytes (é is 0xE9, œ is 0x9C)", () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode("id;nom\n1;H"),
      0xe9,
      ...new TextEncoder().encode("l"),
      0xe8,
      ...new TextEncoder().encode("ne\n2;C"),
      0x9c,
      ...new TextEncoder().encode("ur\n"),
    ]);
    const { dataset } = readCsvBytes(bytes, { idColumn: "id", delimiter: ";", encoding: "latin1" });
    expect(dataset.columns.get("nom")!.dictionary).toEqual(["Hélène", "Cœur"]);
  });

  it("matches null values written in Latin-1", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("id,a\n1,inconnu\n2,"), 0xe9, 0x0a]);
    const { dataset } = readCsvBytes(bytes, { idColumn: "id", encoding: "latin1", nullValues: ["é"] });
    expect(rowsOf(dataset).map((row) => row.a)).toEqual(["inconnu", null]);
  });
});

describe("chunk boundaries", () => {
  const text =
    '\ufeffid;name;note;city\r\n1;"Dupont; Jean";"said ""hi""";Saint-Étienne\r\n2;Zoé;"two\r\nlines";\n\n' +
    '3;Noël;NA;Paris\r4;"";x;Lyon\n5;Œdipe;😀;"Cœur"\n';
  const options: CsvReadOptions = { idColumn: "id", delimiter: "auto", trimFields: true };
  const bytes = new TextEncoder().encode(text);
  const whole = readCsvBytes(bytes, options);

  it("reads the reference text as expected", () => {
    expect(whole.delimiter).toBe(";");
    expect(rowsOf(whole.dataset)).toEqual([
      { id: "1", name: "Dupont; Jean", note: 'said "hi"', city: "Saint-Étienne" },
      { id: "2", name: "Zoé", note: "two\r\nlines", city: null },
      { id: "3", name: "Noël", note: null, city: "Paris" },
      { id: "4", name: null, note: "x", city: "Lyon" },
      { id: "5", name: "Œdipe", note: "😀", city: "Cœur" },
    ]);
  });

  it("gives identical results fed one byte at a time (multi-byte characters split across chunks)", () => {
    expect(readInChunks(bytes, [1], options)).toEqual(whole);
  });

  it("gives identical results at every split point and for random chunk sizes", () => {
    for (let split = 1; split < bytes.length; split++) {
      expect(readInChunks(bytes, [split, bytes.length], options).dataset).toEqual(whole.dataset);
    }
    const random = seedrandom("csv-chunks");
    for (let trial = 0; trial < 100; trial++) {
      const sizes = Array.from({ length: 5 }, () => 1 + Math.floor(random() * 20));
      expect(readInChunks(bytes, sizes, options)).toEqual(whole);
    }
  });

  it("reads the same from an async iterable of chunks, reporting progress", async () => {
    const progress: number[] = [];
    async function* chunks() {
      for (let offset = 0; offset < bytes.length; offset += 7) yield bytes.slice(offset, offset + 7);
    }
    const result = await readCsvChunks(
      chunks(),
      { ...options, onProgress: (read) => progress.push(read) },
      bytes.length,
    );
    expect(result.dataset).toEqual(whole.dataset);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("matches a straightforward reference on a larger random file", () => {
    const random = seedrandom("random-file");
    const pieces = ["a", "é", "ß", ",", '"', "\n", " ", "x", "Œ", "1", "NA"];
    const records: string[][] = [];
    let file = "id,a,b\n";
    for (let row = 0; row < 300; row++) {
      const cells = [String(row)];
      for (let column = 0; column < 2; column++) {
        let value = "";
        const length = Math.floor(random() * 6);
        for (let index = 0; index < length; index++) value += pieces[Math.floor(random() * pieces.length)];
        cells.push(value);
      }
      records.push(cells);
      file += `${cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")}\n`;
    }
    const fileBytes = new TextEncoder().encode(file);
    const expected = records.map(([id, a, b]) => ({
      id: id!,
      a: a === "" || a === "NA" ? null : a!,
      b: b === "" || b === "NA" ? null : b!,
    }));
    expect(rowsOf(readInChunks(fileBytes, [13, 1, 64, 3], { idColumn: "id" }).dataset)).toEqual(expected);
  });
});

describe("skipBadRows", () => {
  it("skips and reports ragged rows, empty and duplicate ids, and undecodable cells, keeping the rest", () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode("id,a\n1,x\n1,y\n,z\n3,w,extra\n4\n5,"),
      0xff,
      ...new TextEncoder().encode("\n6,v\n"),
    ]);
    const result = readCsvBytes(bytes, { idColumn: "id", skipBadRows: true });
    expect(rowsOf(result.dataset)).toEqual([
      { id: "1", a: "x" },
      { id: "6", a: "v" },
    ]);
    expect(result.skippedRowCount).toBe(5);
    expect(result.skippedRows.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 3, code: "DATA_DUPLICATE_ID" },
      { line: 4, code: "DATA_EMPTY_ID" },
      { line: 5, code: "DATA_RAGGED_ROW" },
      { line: 6, code: "DATA_RAGGED_ROW" },
      { line: 7, code: "DATA_INVALID_ENCODING" },
    ]);
    // Values of skipped rows do not enter dictionaries.
    expect(result.dataset.columns.get("a")!.dictionary).toEqual(["x", "v"]);
    expect(result.warnings.every((warning) => warning.code === "DATA_ROWS_SKIPPED")).toBe(true);
    expect(result.warnings.reduce((total, warning) => total + warning.count, 0)).toBe(5);
  });

  it("keeps a later row whose id was first seen in a skipped row", () => {
    const result = readCsvString("id,a\n1,x,extra\n1,y\n", { idColumn: "id", skipBadRows: true });
    expect(rowsOf(result.dataset)).toEqual([{ id: "1", a: "y" }]);
  });

  it("counts every skipped row but lists only the first maxReportedSkippedRows", () => {
    const text = `id,a\n${Array.from({ length: 50 }, (_, index) => `${index},x,extra`).join("\n")}\n99,ok\n`;
    const result = readCsvString(text, { idColumn: "id", skipBadRows: true, maxReportedSkippedRows: 3 });
    expect(result.skippedRowCount).toBe(50);
    expect(result.skippedRows.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(result.dataset.ids).toEqual(["99"]);
  });
});
