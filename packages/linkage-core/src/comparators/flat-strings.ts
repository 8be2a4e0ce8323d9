// Distinct string values packed into one UTF-16 code-unit buffer, so hot loops compare by index without
// touching JS strings.

/** Strings stored back to back: value `i` is `codeUnits[offsets[i] .. offsets[i + 1])`. */
export interface FlatStrings {
  readonly codeUnits: Uint16Array;
  /** Start of each value, plus one final entry holding the total length (length `count + 1`). */
  readonly offsets: Int32Array;
  readonly count: number;
}

/** Packs `values` into a {@link FlatStrings}; value `i` keeps index `i`. */
export function flattenStrings(values: readonly string[]): FlatStrings {
  const count = values.length;
  const offsets = new Int32Array(count + 1);
  let total = 0;
  for (let index = 0; index < count; index++) {
    offsets[index] = total;
    total += values[index].length;
  }
  offsets[count] = total;
  const codeUnits = new Uint16Array(total);
  for (let index = 0; index < count; index++) {
    const value = values[index];
    const start = offsets[index];
    for (let unit = 0; unit < value.length; unit++) codeUnits[start + unit] = value.charCodeAt(unit);
  }
  return { codeUnits, offsets, count };
}

/** The value at `index` as a JS string (for display and tests; allocates). */
export function flatStringAt(strings: FlatStrings, index: number): string {
  const end = strings.offsets[index + 1];
  let text = "";
  // Chunked so that very long values stay under the engine's argument-count limit.
  for (let start = strings.offsets[index]; start < end; start += 8192) {
    text += String.fromCharCode(...strings.codeUnits.subarray(start, Math.min(end, start + 8192)));
  }
  return text;
}
