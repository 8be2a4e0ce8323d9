import { describe, expect, it } from "vitest";
import { formatCsvField, formatCsvRow } from "./format-csv-row.js";
import { readCsvString } from "./read-csv.js";

describe("formatCsvRow", () => {
  it("quotes only fields that need it, doubling quotes", () => {
    expect(formatCsvRow(["plain", "a,b", 'say "hi"', "two\nlines", "cr\r", 1.5, null, undefined, true])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\r",1.5,,,true\n',
    );
  });

  it("quotes for the delimiter in use", () => {
    expect(formatCsvField("a;b", ";")).toBe('"a;b"');
    expect(formatCsvField("a,b", ";")).toBe("a,b");
    expect(formatCsvField("a\tb", "\t")).toBe('"a\tb"');
  });

  it("round-trips through the reader", () => {
    const values = ["x", 'He said "no, never"', "multi\r\nline", " spaced ", "é"];
    const text =
      formatCsvRow(["id", "value"]) + values.map((value, index) => formatCsvRow([index, value])).join("");
    const { dataset } = readCsvString(text, { idColumn: "id" });
    expect(dataset.columns.get("value")!.dictionary).toEqual(values);
  });
});
