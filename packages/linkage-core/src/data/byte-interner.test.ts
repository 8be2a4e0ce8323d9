import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { ByteInterner, hashBytes } from "./byte-interner.js";

const encoder = new TextEncoder();

function internText(interner: ByteInterner, text: string): number {
  const bytes = encoder.encode(`#${text}#`);
  // Interned from the middle of a larger buffer, as the CSV reader does.
  return interner.intern(bytes, 1, bytes.length - 1);
}

describe("ByteInterner", () => {
  it("gives codes in order of first appearance and the same code to equal bytes", () => {
    const interner = new ByteInterner(4);
    expect(["b", "a", "b", "", "a", "c", ""].map((text) => internText(interner, text))).toEqual([
      0, 1, 0, 2, 1, 3, 2,
    ]);
    expect(interner.size).toBe(4);
    expect(new TextDecoder().decode(interner.bytesOf(1))).toBe("a");
  });

  it("agrees with a Map over 200 000 random values across many rehashes", () => {
    const random = seedrandom("interner");
    const interner = new ByteInterner(4);
    const expected = new Map<string, number>();
    const expectedCodes: number[] = [];
    const codes: number[] = [];
    for (let index = 0; index < 200_000; index++) {
      const text = Math.floor(random() * 60_000).toString(36);
      let code = expected.get(text);
      if (code === undefined) {
        code = expected.size;
        expected.set(text, code);
      }
      expectedCodes.push(code);
      codes.push(internText(interner, text));
    }
    expect(codes).toEqual(expectedCodes);
    expect(interner.size).toBe(expected.size);
  });

  it("tells apart values whose hashes collide in the table's low bits", () => {
    const interner = new ByteInterner(2);
    const texts = Array.from({ length: 5000 }, (_, index) => `v${index}`);
    const codes = texts.map((text) => internText(interner, text));
    expect(new Set(codes).size).toBe(5000);
    expect(texts.map((text) => internText(interner, text))).toEqual(codes);
  });

  it("decodes every value in bulk, in UTF-8 with multi-byte and astral characters", () => {
    const interner = new ByteInterner();
    const texts = ["plain", "Hélène", "", "Œuvre 😀 x", "ÆØÅ", "z"];
    for (const text of texts) internText(interner, text);
    expect(interner.decodeAll("utf-8")).toEqual(texts);
  });

  it("decodes in bulk in Windows-1252, and leaves undecodable codes null", () => {
    const interner = new ByteInterner();
    interner.intern(Uint8Array.of(0x48, 0xe9), 0, 2);
    interner.intern(Uint8Array.of(0x80, 0x9c), 0, 2);
    interner.intern(Uint8Array.of(0x41), 0, 1);
    expect(interner.decodeAll("latin1")).toEqual(["Hé", "€œ", "A"]);
    expect(interner.decodeAll("latin1", (code) => code !== 1)).toEqual(["Hé", null, "A"]);
  });

  it("hashes equal bytes equally wherever they sit", () => {
    const bytes = encoder.encode("abcabc");
    expect(hashBytes(bytes, 0, 3)).toBe(hashBytes(bytes, 3, 6));
    expect(hashBytes(bytes, 0, 3)).not.toBe(hashBytes(bytes, 1, 4));
  });
});
