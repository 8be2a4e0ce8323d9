// Interns byte slices into dense Int32 codes with an open-addressing hash table, so that a column of a
// million cells costs one hash and one byte comparison per cell, and one stored copy per distinct value.
import { decodeBytes, decodeSegment, type TextEncodingName, utf16Length } from "./text-decoding.js";

const EMPTY_SLOT = 0;
/** Bytes decoded per call in decodeAll: large enough to amortise the call, small enough for any string limit. */
const DECODE_SEGMENT_BYTES = 8 << 20;

/** Maps distinct byte sequences to codes 0, 1, 2… in order of first appearance. */
export class ByteInterner {
  /**
   * Open-addressing table with linear probing, kept at most half full. Slot s is the pair
   * (table[2s] = code + 1 or EMPTY_SLOT, table[2s + 1] = hash): a probe reads one cache line, and the bytes
   * are compared only when the hashes agree.
   */
  private table: Int32Array;
  private mask: number;
  /** Arena offsets: the bytes of code c are arena[starts[c], starts[c + 1]). */
  private starts: Int32Array;
  private arena: Uint8Array;
  private distinctCount = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.starts = new Int32Array(capacity / 2 + 1);
    this.arena = new Uint8Array(capacity * 8);
  }

  /** Number of distinct byte sequences interned so far; a new sequence receives this code. */
  get size(): number {
    return this.distinctCount;
  }

  /** Code of bytes[start, end): an existing one, or `size` (before the call) when the sequence is new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const table = this.table;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = table[slot * 2]!;
      if (entry === EMPTY_SLOT) return this.insert(slot, hash, bytes, start, end);
      if (table[slot * 2 + 1] === hash && this.equals(entry - 1, bytes, start, end)) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** A copy of the bytes of `code` (for tests and diagnostics, not for hot paths). */
  bytesOf(code: number): Uint8Array {
    return this.arena.slice(this.starts[code]!, this.starts[code + 1]!);
  }

  /** True when the bytes of `code` equal bytes[start, end). */
  equals(code: number, bytes: Uint8Array, start: number, end: number): boolean {
    const stored = this.starts[code]!;
    return (
      this.starts[code + 1]! - stored === end - start && this.sameBytes(stored, bytes, start, end - start)
    );
  }

  /**
   * Every interned value as a string, decoded in large segments and cut with substring: one decoder call
   * per megabytes instead of one per value, which matters for unique columns such as ids. Codes for which
   * `decodable` is false are left null (their bytes are not valid in `encoding`).
   */
  decodeAll(
    encoding: TextEncodingName,
    decodable: (code: number) => boolean = () => true,
  ): (string | null)[] {
    const values: (string | null)[] = new Array(this.distinctCount).fill(null);
    const starts = this.starts;
    let code = 0;
    while (code < this.distinctCount) {
      if (!decodable(code)) {
        code++;
        continue;
      }
      let segmentEnd = code + 1;
      while (
        segmentEnd < this.distinctCount &&
        decodable(segmentEnd) &&
        starts[segmentEnd + 1]! - starts[code]! <= DECODE_SEGMENT_BYTES
      ) {
        segmentEnd++;
      }
      const segmentStart = starts[code]!;
      const text = decodeSegment(this.arena, segmentStart, starts[segmentEnd]!, encoding);
      if (text.length === starts[segmentEnd]! - segmentStart) {
        // One UTF-16 unit per byte (ASCII, or any Windows-1252 text): byte offsets are string offsets.
        for (; code < segmentEnd; code++)
          values[code] = text.substring(starts[code]! - segmentStart, starts[code + 1]! - segmentStart);
      } else {
        let offset = 0;
        for (; code < segmentEnd; code++) {
          const length = utf16Length(this.arena, starts[code]!, starts[code + 1]!);
          values[code] = text.substring(offset, offset + length);
          offset += length;
        }
      }
    }
    return values;
  }

  /** The value of one code as a string, or null when its bytes are not valid in `encoding`. */
  decode(code: number, encoding: TextEncodingName): string | null {
    return decodeBytes(this.arena, this.starts[code]!, this.starts[code + 1]!, encoding);
  }

  private sameBytes(stored: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    for (let offset = 0; offset < length; offset++) {
      if (arena[stored + offset] !== bytes[start + offset]) return false;
    }
    return true;
  }

  private insert(slot: number, hash: number, bytes: Uint8Array, start: number, end: number): number {
    const code = this.distinctCount++;
    const arenaStart = this.starts[code]!;
    const arenaEnd = arenaStart + (end - start);
    if (arenaEnd > this.arena.length) this.arena = grow(this.arena, arenaEnd);
    this.arena.set(bytes.subarray(start, end), arenaStart);
    this.starts[code + 1] = arenaEnd;
    this.table[slot * 2] = code + 1;
    this.table[slot * 2 + 1] = hash;
    // Growing at half load keeps probe sequences short whatever the order of insertion.
    if (this.distinctCount * 2 >= this.mask + 1) this.rehash();
    return code;
  }

  private rehash(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    const table = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    for (let oldSlot = 0; oldSlot < old.length; oldSlot += 2) {
      const entry = old[oldSlot]!;
      if (entry === EMPTY_SLOT) continue;
      const hash = old[oldSlot + 1]!;
      let slot = hash & mask;
      while (table[slot * 2] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      table[slot * 2] = entry;
      table[slot * 2 + 1] = hash;
    }
    this.table = table;
    this.mask = mask;
    const starts = new Int32Array(capacity / 2 + 1);
    starts.set(this.starts);
    this.starts = starts;
  }
}

/** FNV-1a over the bytes, then a murmur finaliser so that the low bits used as slot index are well mixed. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ bytes[index]!, 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

function grow(array: Uint8Array, minimumLength: number): Uint8Array {
  let length = array.length * 2;
  while (length < minimumLength) length *= 2;
  const grown = new Uint8Array(length);
  grown.set(array);
  return grown;
}
