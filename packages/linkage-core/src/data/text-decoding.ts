// Decodes cell bytes into strings: strict UTF-8 (invalid bytes are reported, never replaced) or
// Windows-1252, the superset of Latin-1 that French spreadsheet and SAS exports actually use.

export type TextEncodingName = "utf-8" | "latin1";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Windows-1252 code points of bytes 0x80–0x9F (the C1 range Latin-1 leaves to control characters). */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** Strings of short ASCII values are built directly: cheaper than a TextDecoder call per distinct value. */
const SHORT_ASCII_LENGTH = 16;

/**
 * Decodes bytes[start, end). Returns null when the bytes are not valid UTF-8 (Windows-1252 never fails);
 * use `firstInvalidUtf8Offset` to locate the problem.
 */
export function decodeBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  encoding: TextEncodingName,
): string | null {
  if (end - start <= SHORT_ASCII_LENGTH) {
    const ascii = decodeShortAscii(bytes, start, end);
    if (ascii !== null) return ascii;
  }
  if (encoding === "latin1") return decodeWindows1252(bytes, start, end);
  try {
    return strictUtf8.decode(bytes.subarray(start, end));
  } catch {
    return null;
  }
}

/**
 * Decodes a long run of bytes known to be valid in `encoding` (checked beforehand with
 * `firstInvalidUtf8Offset` for UTF-8).
 */
export function decodeSegment(
  bytes: Uint8Array,
  start: number,
  end: number,
  encoding: TextEncodingName,
): string {
  if (encoding === "latin1") return decodeWindows1252(bytes, start, end);
  return lenientUtf8.decode(bytes.subarray(start, end));
}

/** Number of UTF-16 code units of valid UTF-8 bytes: one per lead byte, two for four-byte sequences. */
export function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let length = 0;
  for (let index = start; index < end; index++) {
    const byte = bytes[index]!;
    if ((byte & 0xc0) !== 0x80) length += byte >= 0xf0 ? 2 : 1;
  }
  return length;
}

/** Bytes of `text` in `encoding`, or null when a character has no byte form in Windows-1252. */
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array | null {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const high = windows1252High.indexOf(unit);
    if (unit < 0x80 || (unit >= 0xa0 && unit <= 0xff)) bytes[index] = unit;
    else if (high >= 0) bytes[index] = 0x80 + high;
    else return null;
  }
  return bytes;
}

function decodeShortAscii(bytes: Uint8Array, start: number, end: number): string | null {
  let text = "";
  for (let index = start; index < end; index++) {
    const byte = bytes[index]!;
    if (byte >= 0x80) return null;
    text += String.fromCharCode(byte);
  }
  return text;
}

/**
 * Decoded by table rather than with TextDecoder("windows-1252"): some Node releases (20.x among them)
 * decode that label as ISO-8859-1, turning 0x80 into U+0080 instead of €.
 */
function decodeWindows1252(bytes: Uint8Array, start: number, end: number): string {
  const codeUnits = new Uint16Array(end - start);
  for (let index = start; index < end; index++) {
    const byte = bytes[index]!;
    codeUnits[index - start] = byte >= 0x80 && byte < 0xa0 ? windows1252High[byte - 0x80]! : byte;
  }
  let text = "";
  // Chunked so that very long cells do not exceed the engine's argument count limit.
  for (let offset = 0; offset < codeUnits.length; offset += 8192) {
    text += String.fromCharCode(...codeUnits.subarray(offset, offset + 8192));
  }
  return text;
}

/**
 * Index (relative to `start`) of the first byte that breaks UTF-8 in bytes[start, end), or -1 when the
 * slice is valid. Rejects overlong forms, surrogates and code points above U+10FFFF, like the decoder.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array, start: number, end: number): number {
  let index = start;
  while (index < end) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let continuationCount: number;
    let minimumSecond = 0x80;
    let maximumSecond = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) continuationCount = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuationCount = 2;
      if (lead === 0xe0) minimumSecond = 0xa0;
      if (lead === 0xed) maximumSecond = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuationCount = 3;
      if (lead === 0xf0) minimumSecond = 0x90;
      if (lead === 0xf4) maximumSecond = 0x8f;
    } else return index - start;
    for (let position = 1; position <= continuationCount; position++) {
      if (index + position >= end) return index - start;
      const byte = bytes[index + position]!;
      const minimum = position === 1 ? minimumSecond : 0x80;
      const maximum = position === 1 ? maximumSecond : 0xbf;
      if (byte < minimum || byte > maximum) return index - start;
    }
    index += continuationCount + 1;
  }
  return -1;
}
