import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { DataError } from "../errors.js";
import { type CsvFieldSink, CsvTokenizer } from "./csv-tokenizer.js";

interface Tokenized {
  readonly rows: string[][];
  /** Line on which each row started. */
  readonly lines: number[];
}

/** Tokenizes `text` cut into chunks at the given sizes (cycled), returning rows of decoded fields. */
function tokenize(
  text: string,
  chunkSizes: readonly number[] = [1 << 20],
  skipLeadingSpaces = false,
): Tokenized {
  const rows: string[][] = [];
  const lines: number[] = [];
  let current: string[] = [];
  const decoder = new TextDecoder();
  const sink: CsvFieldSink = {
    field: (bytes, start, end) => current.push(decoder.decode(bytes.subarray(start, end))),
    endRow: () => {
      rows.push(current);
      lines.push(tokenizer.rowStartLine);
      current = [];
    },
  };
  const tokenizer = new CsvTokenizer(sink, { delimiter: 0x2c, skipLeadingSpaces });
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  for (let index = 0; offset < bytes.length; index++) {
    const size = chunkSizes[index % chunkSizes.length]!;
    // A fresh copy per chunk, overwritten afterwards: the tokenizer must not keep references to it.
    const chunk = bytes.slice(offset, offset + size);
    tokenizer.push(chunk);
    chunk.fill(0x3f);
    offset += size;
  }
  tokenizer.finish();
  return { rows, lines };
}

const tricky =
  'id,name,note\r\n1,"Dupont, Jean","said ""hi"""\r\n2,,"two\nlines"\n\n3,"",x\r4,"a""""b",\n5,"q"tail,"end"';

const trickyRows = [
  ["id", "name", "note"],
  ["1", "Dupont, Jean", 'said "hi"'],
  ["2", "", "two\nlines"],
  ["3", "", "x"],
  ["4", 'a""b', ""],
  ["5", "qtail", "end"],
];

describe("CsvTokenizer", () => {
  it("reads quoted fields, doubled quotes, line breaks in quotes, CRLF, CR and LF, and skips blank lines", () => {
    const { rows, lines } = tokenize(tricky);
    expect(rows).toEqual(trickyRows);
    expect(lines).toEqual([1, 2, 3, 6, 7, 8]);
  });

  it("gives the same rows whatever the chunk boundaries: every split point, 1-byte chunks, random sizes", () => {
    const length = new TextEncoder().encode(tricky).length;
    for (let split = 1; split < length; split++) {
      expect(tokenize(tricky, [split, length]).rows).toEqual(trickyRows);
    }
    expect(tokenize(tricky, [1])).toEqual(tokenize(tricky));
    const random = seedrandom("chunks");
    for (let trial = 0; trial < 50; trial++) {
      const sizes = Array.from({ length: 7 }, () => 1 + Math.floor(random() * 12));
      expect(tokenize(tricky, sizes)).toEqual(tokenize(tricky));
    }
  });

  it("keeps a CRLF split across chunks as one line break", () => {
    expect(tokenize("a\r\nb\r\n", [2, 1]).rows).toEqual([["a"], ["b"]]);
    expect(tokenize("a\r\nb\r\n", [2, 1]).lines).toEqual([1, 2]);
  });

  it("delivers the last row without a final line break, and an empty last field after a delimiter", () => {
    expect(tokenize("a,b\n1,").rows).toEqual([
      ["a", "b"],
      ["1", ""],
    ]);
    expect(tokenize("a,b\n1,2").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(tokenize('a\n"x"').rows).toEqual([["a"], ["x"]]);
  });

  it("skips spaces before a field on request, so that a quote after ', ' opens a quoted field", () => {
    expect(tokenize('a, "b, c" , d\n', [1 << 20], true).rows).toEqual([["a", "b, c ", "d"]]);
    expect(tokenize('a, "b, c"\n').rows).toEqual([["a", ' "b', ' c"']]);
  });

  it("reports an unterminated quote with the line where it opened", () => {
    const error = (() => {
      try {
        tokenize('a,b\n1,"open\n2,3\n');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe("DATA_UNTERMINATED_QUOTE");
    expect((error as DataError).location.line).toBe(2);
  });

  it("reads nothing from an empty input or blank lines only", () => {
    expect(tokenize("").rows).toEqual([]);
    expect(tokenize("\n\r\n\n").rows).toEqual([]);
  });
});
