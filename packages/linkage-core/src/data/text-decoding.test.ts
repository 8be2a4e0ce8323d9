import { describe, expect, it } from "vitest";
import { decodeBytes, encodeText, firstInvalidUtf8Offset, utf16Length } from "./text-decoding.js";

describe("firstInvalidUtf8Offset", () => {
  it("accepts valid UTF-8 of every length", () => {
    const bytes = new TextEncoder().encode("aé€😀");
    expect(firstInvalidUtf8Offset(bytes, 0, bytes.length)).toBe(-1);
  });

  it.each([
    ["a Latin-1 é", [0x61, 0xe9, 0x62], 1],
    ["an overlong slash", [0xc0, 0xaf], 0],
    ["a surrogate", [0x61, 0xed, 0xa0, 0x80], 1],
    ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["a lone continuation byte", [0x61, 0x62, 0x80], 2],
    ["a truncated sequence", [0x61, 0xe2, 0x82], 1],
  ])("points at %s", (_name, bytes, offset) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes), 0, bytes.length)).toBe(offset);
  });
});

describe("decodeBytes", () => {
  it("returns null for invalid UTF-8 and decodes the same bytes as Windows-1252", () => {
    const bytes = Uint8Array.of(0x4e, 0x6f, 0xeb, 0x6c);
    expect(decodeBytes(bytes, 0, 4, "utf-8")).toBeNull();
    expect(decodeBytes(bytes, 0, 4, "latin1")).toBe("Noël");
  });

  it("maps the Windows-1252 range 0x80–0x9F to its typographic characters", () => {
    expect(decodeBytes(Uint8Array.of(0x80, 0x92, 0x96, 0x9c), 0, 4, "latin1")).toBe("€’–œ");
  });

  it("decodes long values", () => {
    const text = "é".repeat(20_000);
    const bytes = encodeText(text, "latin1")!;
    expect(decodeBytes(bytes, 0, bytes.length, "latin1")).toBe(text);
  });
});

describe("encodeText and utf16Length", () => {
  it("encodes to Windows-1252, or null when a character has no byte", () => {
    expect(Array.from(encodeText("é€", "latin1")!)).toEqual([0xe9, 0x80]);
    expect(encodeText("😀", "latin1")).toBeNull();
  });

  it("counts UTF-16 units of UTF-8 bytes", () => {
    const bytes = new TextEncoder().encode("aé€😀");
    expect(utf16Length(bytes, 0, bytes.length)).toBe("aé€😀".length);
  });
});
