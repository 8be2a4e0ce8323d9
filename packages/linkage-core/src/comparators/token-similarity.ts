// Jaccard and Dice similarities over the sets of whitespace-separated tokens of two strings, in [0, 1].
// Token order does not matter ("JEAN PIERRE" equals "PIERRE JEAN") and repeated tokens count once.
// Two strings without tokens (empty or blank) are identical (1); one without tokens against one with
// tokens shares nothing (0). Tokens are compared code unit by code unit, without allocating substrings.

/** |A ∩ B| / |A ∪ B| over the token sets of `a` and `b`. */
export function tokenJaccard(a: string, b: string): number {
  const countA = tokenise(a, 0);
  const countB = tokenise(b, 1);
  if (countA === 0 || countB === 0) return countA === countB ? 1 : 0;
  const shared = sharedTokens(a, countA, b, countB);
  return shared / (countA + countB - shared);
}

/** 2 |A ∩ B| / (|A| + |B|) over the token sets of `a` and `b`. */
export function tokenDice(a: string, b: string): number {
  const countA = tokenise(a, 0);
  const countB = tokenise(b, 1);
  if (countA === 0 || countB === 0) return countA === countB ? 1 : 0;
  return (2 * sharedTokens(a, countA, b, countB)) / (countA + countB);
}

// Token spans as (start, end) pairs; grown on demand.
let spansA: Int32Array = new Int32Array(64);
let spansB: Int32Array = new Int32Array(64);

/**
 * Writes the distinct tokens of `text` as (start, end) pairs into the spans of `side` (0 = a, 1 = b)
 * and returns how many there are.
 */
function tokenise(text: string, side: 0 | 1): number {
  let spans = side === 0 ? spansA : spansB;
  let count = 0;
  let start = -1;
  const length = text.length;
  for (let index = 0; index <= length; index++) {
    const separator = index === length || isWhitespace(text.charCodeAt(index));
    if (!separator) {
      if (start < 0) start = index;
      continue;
    }
    if (start < 0) continue;
    if (!containsToken(text, spans, count, start, index)) {
      if (2 * count + 2 > spans.length) spans = growSpans(side);
      spans[2 * count] = start;
      spans[2 * count + 1] = index;
      count++;
    }
    start = -1;
  }
  return count;
}

function growSpans(side: 0 | 1): Int32Array {
  const current = side === 0 ? spansA : spansB;
  const grown = new Int32Array(current.length * 2);
  grown.set(current);
  if (side === 0) spansA = grown;
  else spansB = grown;
  return grown;
}

function containsToken(text: string, spans: Int32Array, count: number, start: number, end: number): boolean {
  for (let token = 0; token < count; token++) {
    if (sameToken(text, spans[2 * token], spans[2 * token + 1], text, start, end)) return true;
  }
  return false;
}

function sharedTokens(a: string, countA: number, b: string, countB: number): number {
  // Tokens are already distinct on each side, so each token of a matches at most one of b.
  let shared = 0;
  for (let tokenA = 0; tokenA < countA; tokenA++) {
    const startA = spansA[2 * tokenA];
    const endA = spansA[2 * tokenA + 1];
    for (let tokenB = 0; tokenB < countB; tokenB++) {
      if (sameToken(a, startA, endA, b, spansB[2 * tokenB], spansB[2 * tokenB + 1])) {
        shared++;
        break;
      }
    }
  }
  return shared;
}

function sameToken(
  a: string,
  startA: number,
  endA: number,
  b: string,
  startB: number,
  endB: number,
): boolean {
  if (endA - startA !== endB - startB) return false;
  for (let offset = 0; startA + offset < endA; offset++) {
    if (a.charCodeAt(startA + offset) !== b.charCodeAt(startB + offset)) return false;
  }
  return true;
}

/** The separators of String.prototype.trim: ASCII whitespace, no-break and other Unicode spaces. */
function isWhitespace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}
