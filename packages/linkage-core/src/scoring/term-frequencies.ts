// Term-frequency adjustment (Splink): agreeing on a rare value is stronger evidence than agreeing on a common one.
import { EstimationError } from "../errors.js";

/**
 * Relative frequency of each key among the non-null rows: frequencies[key] = rows with that key / non-null
 * rows. `rowKeys` holds one key per row (NULL_CODE = −1 for null), as CompiledComparison.rowKeys does.
 */
export function termFrequencies(rowKeys: Int32Array, keyCount: number): Float64Array {
  const counts = new Float64Array(keyCount);
  let nonNull = 0;
  for (const key of rowKeys) {
    if (key < 0) continue;
    if (key >= keyCount) {
      throw new EstimationError(
        "TERM_FREQUENCY_KEY_OUT_OF_RANGE",
        `row key ${key} is not below keyCount ${keyCount}.`,
      );
    }
    counts[key]!++;
    nonNull++;
  }
  if (nonNull > 0) for (let key = 0; key < keyCount; key++) counts[key]! /= nonNull;
  return counts;
}

/**
 * Frequencies of a column's dictionary values from a supplied table (value → relative frequency in (0, 1]),
 * for example national first-name frequencies; values missing from the table get `fallback`.
 */
export function termFrequenciesFromTable(
  dictionary: readonly string[],
  table: Readonly<Record<string, number>>,
  fallback: number,
): Float64Array {
  if (!(fallback > 0 && fallback <= 1)) {
    throw new EstimationError(
      "TERM_FREQUENCY_INVALID",
      `the fallback term frequency must be in (0, 1], got ${fallback}.`,
      { hint: "Use the frequency of a value seen once, such as 1 / (number of records)." },
    );
  }
  const frequencies = new Float64Array(dictionary.length);
  dictionary.forEach((value, code) => {
    const frequency = Object.hasOwn(table, value) ? table[value]! : fallback;
    if (!(frequency > 0 && frequency <= 1)) {
      throw new EstimationError(
        "TERM_FREQUENCY_INVALID",
        `the term-frequency table gives ${frequency} for dictionary entry ${code}; frequencies must be in (0, 1].`,
      );
    }
    frequencies[code] = frequency;
  });
  return frequencies;
}

/**
 * Splink's adjustment, in bits, for a pair at the TF-enabled level: weight × log2(u / max(tf(a), tf(b))).
 * The level's own partial weight already counts log2(m/u); adding this turns it into log2(m / tf): the
 * chance that two non-matching records share this value is its frequency, not the average u. Taking the
 * larger of the two frequencies is the conservative choice when the values differ (fuzzy levels).
 */
export function termFrequencyAdjustment(
  levelU: number,
  frequencyA: number,
  frequencyB: number,
  adjustmentWeight: number,
): number {
  const frequency = Math.max(frequencyA, frequencyB);
  if (!(frequency > 0)) return 0;
  return adjustmentWeight * (Math.log2(levelU) - Math.log2(frequency));
}
