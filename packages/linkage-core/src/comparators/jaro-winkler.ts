// Jaro and Jaro–Winkler similarities in [0, 1]. Match flags are bit masks when the shorter string fits
// in 32 code units (the usual case for names), else byte flags in reusable scratch; nothing allocates.
import { commonPrefixLength } from "./common-affixes.js";
import { checkFlatPair, invalidComparatorArgument } from "./comparator-errors.js";
import type { FlatStrings } from "./flat-strings.js";
import { loadPair, positionMasks } from "./kernel-scratch.js";

/** Winkler's prefix boost: defaults are Winkler's own (p = 0.1, threshold 0.7, at most 4 characters). */
export interface JaroWinklerOptions {
  /** Weight of each common leading character (default 0.1); `prefixScale × maxPrefixLength` must be ≤ 1. */
  readonly prefixScale?: number;
  /** Jaro similarity from which the prefix boost applies (default 0.7). */
  readonly boostThreshold?: number;
  /** Most leading characters that count towards the boost (default 4). */
  readonly maxPrefixLength?: number;
}

const DEFAULT_PREFIX_SCALE = 0.1;
const DEFAULT_BOOST_THRESHOLD = 0.7;
const DEFAULT_MAX_PREFIX_LENGTH = 4;

/**
 * Jaro similarity: characters match when equal and at most `floor(max(|a|, |b|) / 2) − 1` positions
 * apart (each used once, first come first served); with m matches and t half the number of matched
 * characters out of order (rounded down, as in Winkler's strcmp95), it is (m/|a| + m/|b| + (m − t)/m) / 3.
 * Two empty strings are identical (1); an empty string against a non-empty one shares nothing (0).
 */
export function jaro(a: string, b: string): number {
  return jaroKernel(loadPair(a, b), 0, a.length, a.length, b.length);
}

/**
 * Jaro–Winkler: Jaro similarity j, raised to j + ℓ·p·(1 − j) when j ≥ the boost threshold, where ℓ is the
 * length of the common prefix (at most `maxPrefixLength`) and p the prefix scale. Empty strings as {@link jaro}.
 */
export function jaroWinkler(a: string, b: string, options?: JaroWinklerOptions): number {
  const units = loadPair(a, b);
  if (options === undefined) {
    return jaroWinklerKernel(
      units,
      0,
      a.length,
      a.length,
      b.length,
      DEFAULT_PREFIX_SCALE,
      DEFAULT_BOOST_THRESHOLD,
      DEFAULT_MAX_PREFIX_LENGTH,
    );
  }
  const resolved = resolveOptions("jaroWinkler", options);
  return jaroWinklerKernel(units, 0, a.length, a.length, b.length, resolved[0], resolved[1], resolved[2]);
}

/** {@link jaro} between values `indexA` and `indexB` of `strings`. */
export function jaroFlat(strings: FlatStrings, indexA: number, indexB: number): number {
  checkFlatPair("jaroFlat", indexA, indexB, strings.count);
  const offsets = strings.offsets;
  const startA = offsets[indexA];
  const startB = offsets[indexB];
  return jaroKernel(
    strings.codeUnits,
    startA,
    offsets[indexA + 1] - startA,
    startB,
    offsets[indexB + 1] - startB,
  );
}

/** {@link jaroWinkler} between values `indexA` and `indexB` of `strings`; same result, no JS strings. */
export function jaroWinklerFlat(
  strings: FlatStrings,
  indexA: number,
  indexB: number,
  options?: JaroWinklerOptions,
): number {
  checkFlatPair("jaroWinklerFlat", indexA, indexB, strings.count);
  const offsets = strings.offsets;
  const startA = offsets[indexA];
  const startB = offsets[indexB];
  const lengthA = offsets[indexA + 1] - startA;
  const lengthB = offsets[indexB + 1] - startB;
  if (options === undefined) {
    return jaroWinklerKernel(
      strings.codeUnits,
      startA,
      lengthA,
      startB,
      lengthB,
      DEFAULT_PREFIX_SCALE,
      DEFAULT_BOOST_THRESHOLD,
      DEFAULT_MAX_PREFIX_LENGTH,
    );
  }
  const resolved = resolveOptions("jaroWinklerFlat", options);
  return jaroWinklerKernel(
    strings.codeUnits,
    startA,
    lengthA,
    startB,
    lengthB,
    resolved[0],
    resolved[1],
    resolved[2],
  );
}

// Reused by resolveOptions so that passing options does not allocate either.
const resolvedOptions = new Float64Array(3);

function resolveOptions(comparator: string, options: JaroWinklerOptions): Float64Array {
  const prefixScale = options.prefixScale ?? DEFAULT_PREFIX_SCALE;
  const boostThreshold = options.boostThreshold ?? DEFAULT_BOOST_THRESHOLD;
  const maxPrefixLength = options.maxPrefixLength ?? DEFAULT_MAX_PREFIX_LENGTH;
  if (!(maxPrefixLength >= 0) || !Number.isInteger(maxPrefixLength)) {
    throw invalidComparatorArgument(comparator, "maxPrefixLength", maxPrefixLength, "an integer ≥ 0");
  }
  // Above 1 the boost could push the similarity past 1.
  if (!(prefixScale >= 0) || prefixScale * maxPrefixLength > 1) {
    throw invalidComparatorArgument(
      comparator,
      "prefixScale",
      prefixScale,
      `a number ≥ 0 with prefixScale × maxPrefixLength ≤ 1 (maxPrefixLength is ${maxPrefixLength})`,
    );
  }
  if (!(boostThreshold >= 0 && boostThreshold <= 1)) {
    throw invalidComparatorArgument(comparator, "boostThreshold", boostThreshold, "a number in [0, 1]");
  }
  resolvedOptions[0] = prefixScale;
  resolvedOptions[1] = boostThreshold;
  resolvedOptions[2] = maxPrefixLength;
  return resolvedOptions;
}

/** Jaro–Winkler between two spans of `units`. */
export function jaroWinklerKernel(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
  prefixScale: number,
  boostThreshold: number,
  maxPrefixLength: number,
): number {
  const similarity = jaroKernel(units, startA, lengthA, startB, lengthB);
  if (similarity < boostThreshold) return similarity;
  const prefix = commonPrefixLength(units, startA, startB, Math.min(lengthA, lengthB, maxPrefixLength));
  return similarity + prefix * prefixScale * (1 - similarity);
}

// Code units of the longer string's matched characters, in order (at most 32 on the bit-mask path).
let matchedUnits = new Uint16Array(64);
let matchedFlags = new Uint8Array(64);

/** Jaro similarity between two spans of `units`. */
export function jaroKernel(
  units: Uint16Array,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
): number {
  if (lengthA === 0 || lengthB === 0) return lengthA === lengthB ? 1 : 0;
  // Jaro is symmetric, so the shorter string takes the bit masks and the longer one is scanned.
  let longStart = startA;
  let longLength = lengthA;
  let shortStart = startB;
  let shortLength = lengthB;
  if (lengthA < lengthB) {
    longStart = startB;
    longLength = lengthB;
    shortStart = startA;
    shortLength = lengthA;
  }
  if (shortLength > 32) return flaggedJaro(units, longStart, longLength, shortStart, shortLength);
  const window = longLength >= 4 ? (longLength >> 1) - 1 : 0;
  const masks = positionMasks;
  for (let index = 0; index < shortLength; index++) masks[units[shortStart + index]] |= 1 << index;
  const matched = matchedUnits;
  let matchedShort = 0;
  let matches = 0;
  // Past shortLength + window the window holds no position of the shorter string.
  const scanEnd = Math.min(longLength, shortLength + window);
  for (let index = 0; index < scanEnd; index++) {
    const unit = units[longStart + index];
    let candidates = masks[unit] & ~matchedShort;
    if (candidates === 0) continue;
    const low = index - window;
    if (low > 0) candidates &= -1 << low;
    const high = index + window;
    if (high < 31) candidates &= (1 << (high + 1)) - 1;
    if (candidates === 0) continue;
    // The lowest set bit is the first unmatched equal character inside the window.
    matchedShort |= candidates & -candidates;
    matched[matches++] = unit;
  }
  for (let index = 0; index < shortLength; index++) masks[units[shortStart + index]] = 0;
  if (matches === 0) return 0;
  let outOfOrder = 0;
  let remaining = matchedShort;
  for (let order = 0; remaining !== 0; order++) {
    const bit = remaining & -remaining;
    if (units[shortStart + 31 - Math.clz32(bit)] !== matched[order]) outOfOrder++;
    remaining ^= bit;
  }
  return (matches / longLength + matches / shortLength + (matches - (outOfOrder >> 1)) / matches) / 3;
}

/** The textbook algorithm with byte flags, for pairs whose shorter string exceeds 32 code units. */
function flaggedJaro(
  units: Uint16Array,
  longStart: number,
  longLength: number,
  shortStart: number,
  shortLength: number,
): number {
  if (shortLength > matchedFlags.length) {
    const size = Math.max(shortLength, matchedFlags.length * 2);
    matchedFlags = new Uint8Array(size);
    matchedUnits = new Uint16Array(size);
  }
  const flags = matchedFlags;
  const matched = matchedUnits;
  flags.fill(0, 0, shortLength);
  const window = (longLength >> 1) - 1;
  let matches = 0;
  const scanEnd = Math.min(longLength, shortLength + window);
  for (let index = 0; index < scanEnd; index++) {
    const unit = units[longStart + index];
    const low = index > window ? index - window : 0;
    const high = Math.min(index + window, shortLength - 1);
    for (let position = low; position <= high; position++) {
      if (flags[position] === 0 && units[shortStart + position] === unit) {
        flags[position] = 1;
        matched[matches++] = unit;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let outOfOrder = 0;
  let order = 0;
  for (let position = 0; position < shortLength; position++) {
    if (flags[position] === 0) continue;
    if (units[shortStart + position] !== matched[order++]) outOfOrder++;
  }
  return (matches / longLength + matches / shortLength + (matches - (outOfOrder >> 1)) / matches) / 3;
}
