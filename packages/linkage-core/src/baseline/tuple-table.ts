// An open-addressing hash table on typed arrays that numbers fixed-width tuples of integer codes densely: how a
// step's composite key (one code per criterion) becomes a group number without building any string.

const EMPTY_SLOT = -1;

/** Numbers tuples of `width` non-negative codes 0, 1, 2… in order of first interning; grows as needed. */
export class TupleTable {
  private slots: Int32Array;
  private mask: number;
  private tuples: Int32Array;
  private count = 0;

  constructor(
    readonly width: number,
    expectedTuples = 16,
  ) {
    let capacity = 16;
    // Load factor at most 1/2 keeps probe chains short.
    while (capacity < expectedTuples * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(EMPTY_SLOT);
    this.mask = capacity - 1;
    this.tuples = new Int32Array(Math.max(1, expectedTuples) * width);
  }

  /** Number of distinct tuples interned: codes are 0 … size - 1. */
  get size(): number {
    return this.count;
  }

  /** The code of `tuple` (its first `width` elements), interning it when new. */
  intern(tuple: Int32Array): number {
    let slot = hashTuple(tuple, this.width) & this.mask;
    for (;;) {
      const code = this.slots[slot]!;
      if (code === EMPTY_SLOT) break;
      if (this.holds(code, tuple)) return code;
      slot = (slot + 1) & this.mask;
    }
    const code = this.count++;
    this.store(code, tuple);
    this.slots[slot] = code;
    if (this.count * 2 > this.slots.length) this.rehash();
    return code;
  }

  /** The code of `tuple`, or -1 when it was never interned. */
  find(tuple: Int32Array): number {
    let slot = hashTuple(tuple, this.width) & this.mask;
    for (;;) {
      const code = this.slots[slot]!;
      if (code === EMPTY_SLOT || this.holds(code, tuple)) return code;
      slot = (slot + 1) & this.mask;
    }
  }

  private holds(code: number, tuple: Int32Array): boolean {
    const start = code * this.width;
    for (let index = 0; index < this.width; index++) {
      if (this.tuples[start + index] !== tuple[index]) return false;
    }
    return true;
  }

  private store(code: number, tuple: Int32Array): void {
    const start = code * this.width;
    if (start + this.width > this.tuples.length) {
      const grown = new Int32Array(Math.max(this.tuples.length * 2, start + this.width));
      grown.set(this.tuples);
      this.tuples = grown;
    }
    for (let index = 0; index < this.width; index++) this.tuples[start + index] = tuple[index]!;
  }

  private rehash(): void {
    const capacity = this.slots.length * 2;
    this.slots = new Int32Array(capacity).fill(EMPTY_SLOT);
    this.mask = capacity - 1;
    for (let code = 0; code < this.count; code++) {
      let slot = hashTuple(this.tuples.subarray(code * this.width), this.width) & this.mask;
      while (this.slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & this.mask;
      this.slots[slot] = code;
    }
  }
}

/** 32-bit multiply–xorshift mix of the first `width` codes, so that neighbouring codes spread out. */
function hashTuple(tuple: Int32Array, width: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < width; index++) {
    hash = Math.imul(hash ^ tuple[index]!, 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash;
}
