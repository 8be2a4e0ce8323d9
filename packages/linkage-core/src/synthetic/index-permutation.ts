// Seeded pseudo-random permutations of 0..size-1 that need O(1) memory: row orders and subject selections
// for tens of millions of rows without holding a shuffled array.
import type { RandomStream } from "./random-stream.js";

/** A bijection of [0, size) with its inverse. */
export interface IndexPermutation {
  readonly size: number;
  forward(index: number): number;
  inverse(index: number): number;
}

const ROUNDS = 4;

/** Avalanche mix of a 32-bit integer (the MurmurHash3 finaliser), used as the Feistel round function. */
function mix32(value: number): number {
  let mixed = value >>> 0;
  mixed ^= mixed >>> 16;
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return mixed >>> 0;
}

/**
 * A balanced Feistel network over the smallest even bit width covering `size`, with cycle walking: an
 * output outside [0, size) is encrypted again until it falls inside, which keeps the map a bijection.
 * Fewer than four passes are needed on average because the covering domain is at most four times `size`.
 */
export function createIndexPermutation(size: number, random: RandomStream): IndexPermutation {
  let halfBits = 1;
  while (2 ** (2 * halfBits) < size) halfBits++;
  const mask = 2 ** halfBits - 1;
  const keys = new Uint32Array(ROUNDS);
  for (let round = 0; round < ROUNDS; round++) keys[round] = Math.floor(random() * 0x100000000);
  const shift = 2 ** halfBits;

  const encrypt = (value: number): number => {
    let left = Math.floor(value / shift);
    let right = value % shift;
    for (let round = 0; round < ROUNDS; round++) {
      const next = (left ^ mix32(right ^ keys[round])) & mask;
      left = right;
      right = next;
    }
    return left * shift + right;
  };

  const decrypt = (value: number): number => {
    let left = Math.floor(value / shift);
    let right = value % shift;
    for (let round = ROUNDS - 1; round >= 0; round--) {
      const previous = (right ^ mix32(left ^ keys[round])) & mask;
      right = left;
      left = previous;
    }
    return left * shift + right;
  };

  const walk = (index: number, step: (value: number) => number): number => {
    if (!Number.isInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`Permutation index ${index} is outside [0, ${size}).`);
    }
    let value = step(index);
    while (value >= size) value = step(value);
    return value;
  };

  return {
    size,
    forward: (index) => walk(index, encrypt),
    inverse: (index) => walk(index, decrypt),
  };
}
