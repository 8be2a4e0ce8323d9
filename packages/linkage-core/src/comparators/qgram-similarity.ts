// Jaccard and Dice similarities over the character q-grams of two strings, in [0, 1].
//
// Choices: q-grams are taken over UTF-16 code units, without padding (padding would make the first and
// last letters weigh more, which blocking and the Winkler prefix already reward), and compared as
// multisets, so "ANNA"/"ANA" differ where sets would call them equal: the intersection counts each
// q-gram min(count in a, count in b) times. A non-empty string shorter than q is one q-gram (itself);
// two empty strings are identical (1), an empty string against a non-empty one shares nothing (0).
import { invalidComparatorArgument } from "./comparator-errors.js";

/** |A ∩ B| / |A ∪ B| over the q-gram multisets of `a` and `b` (default q = 2). */
export function qgramJaccard(a: string, b: string, q = 2): number {
  checkQ("qgramJaccard", q);
  const countA = qgramCount(a.length, q);
  const countB = qgramCount(b.length, q);
  if (countA === 0 || countB === 0) return countA === countB ? 1 : 0;
  const shared = sharedQgrams(a, b, q);
  return shared / (countA + countB - shared);
}

/** 2 |A ∩ B| / (|A| + |B|) over the q-gram multisets of `a` and `b` (default q = 2). */
export function qgramDice(a: string, b: string, q = 2): number {
  checkQ("qgramDice", q);
  const countA = qgramCount(a.length, q);
  const countB = qgramCount(b.length, q);
  if (countA === 0 || countB === 0) return countA === countB ? 1 : 0;
  return (2 * sharedQgrams(a, b, q)) / (countA + countB);
}

function checkQ(comparator: string, q: number): void {
  if (!Number.isInteger(q) || q < 1) throw invalidComparatorArgument(comparator, "q", q, "an integer ≥ 1");
}

function qgramCount(length: number, q: number): number {
  if (length === 0) return 0;
  return length < q ? 1 : length - q + 1;
}

// Keys of q-grams for q ≤ 3: code units packed into one exact number (≤ 48 bits, below 2^53).
let keysA = new Float64Array(64);
let keysB = new Float64Array(64);
let usedB = new Uint8Array(64);

/** Size of the multiset intersection of the q-grams of `a` and `b` (both non-empty). */
function sharedQgrams(a: string, b: string, q: number): number {
  const countA = qgramCount(a.length, q);
  const countB = qgramCount(b.length, q);
  if (countA > keysA.length || countB > keysB.length) {
    const size = Math.max(countA, countB, keysA.length * 2);
    keysA = new Float64Array(size);
    keysB = new Float64Array(size);
    usedB = new Uint8Array(size);
  }
  const used = usedB;
  used.fill(0, 0, countB);
  // Strings shorter than q are a single q-gram compared as a whole.
  const gramA = Math.min(a.length, q);
  const gramB = Math.min(b.length, q);
  if (gramA !== gramB) return 0;
  let shared = 0;
  if (q <= 3) {
    fillKeys(a, countA, gramA, keysA);
    fillKeys(b, countB, gramB, keysB);
    for (let indexA = 0; indexA < countA; indexA++) {
      const key = keysA[indexA];
      for (let indexB = 0; indexB < countB; indexB++) {
        if (used[indexB] === 0 && keysB[indexB] === key) {
          used[indexB] = 1;
          shared++;
          break;
        }
      }
    }
    return shared;
  }
  for (let indexA = 0; indexA < countA; indexA++) {
    for (let indexB = 0; indexB < countB; indexB++) {
      if (used[indexB] === 0 && sameUnits(a, indexA, b, indexB, gramA)) {
        used[indexB] = 1;
        shared++;
        break;
      }
    }
  }
  return shared;
}

function fillKeys(text: string, count: number, gram: number, keys: Float64Array): void {
  for (let start = 0; start < count; start++) {
    let key = 0;
    for (let offset = 0; offset < gram; offset++) key = key * 65536 + text.charCodeAt(start + offset);
    keys[start] = key;
  }
}

function sameUnits(a: string, startA: number, b: string, startB: number, length: number): boolean {
  for (let offset = 0; offset < length; offset++) {
    if (a.charCodeAt(startA + offset) !== b.charCodeAt(startB + offset)) return false;
  }
  return true;
}
