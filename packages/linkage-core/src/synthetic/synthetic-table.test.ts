import { describe, expect, it } from "vitest";
import { csvChunks, csvLine, lazyRows, type SyntheticTable, writeTableCsv } from "./synthetic-table.js";

function tableOf(rows: string[][]): SyntheticTable {
  return {
    name: "t",
    header: ["id", "name"],
    rows: lazyRows(function* () {
      yield* rows;
    }),
  };
}

describe("CSV serialisation", () => {
  it("quotes only fields that need it", () => {
    expect(csvLine(["1", "D'ARC", "A,B", 'say "hi"', ""])).toBe('1,D\'ARC,"A,B","say ""hi""",\n');
  });

  it("writes the header then every row through the sink, in chunks", () => {
    const rows = Array.from({ length: 100 }, (_, index) => [String(index), `NAME${index}`]);
    const pieces: string[] = [];
    const count = writeTableCsv(tableOf(rows), (chunk) => pieces.push(chunk), { chunkCharacters: 64 });
    expect(count).toBe(100);
    expect(pieces.length).toBeGreaterThan(5);
    const lines = pieces.join("").split("\n");
    expect(lines[0]).toBe("id,name");
    expect(lines[100]).toBe("99,NAME99");
    expect(lines).toHaveLength(102);
  });

  it("writes the header of an empty table", () => {
    expect([...csvChunks(tableOf([]))].map((chunk) => chunk.text)).toEqual(["id,name\n"]);
  });
});
