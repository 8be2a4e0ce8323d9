// The header line of a CSV file: where it ends as bytes arrive, and which delimiter it uses.
import { type CsvDelimiter, csvDelimiters } from "./csv-options.js";
import { CARRIAGE_RETURN, LINE_FEED, QUOTE } from "./csv-tokenizer.js";

/** Finds the end of the first line (a line break outside quotes) as bytes arrive, scanning each byte once. */
export class FirstLineScan {
  private scanned = 0;
  private quoted = false;

  /** `bytes` extends the bytes of the previous call. */
  lineEnds(bytes: Uint8Array): boolean {
    for (let index = this.scanned; index < bytes.length; index++) {
      const byte = bytes[index]!;
      if (byte === QUOTE) this.quoted = !this.quoted;
      else if (!this.quoted && (byte === LINE_FEED || byte === CARRIAGE_RETURN)) return true;
    }
    this.scanned = bytes.length;
    return false;
  }
}

/** The candidate delimiter found most often outside quotes on the first line; "," when none is found. */
export function detectDelimiter(bytes: Uint8Array): CsvDelimiter {
  const counts = csvDelimiters.map(() => 0);
  const codes = csvDelimiters.map((delimiter) => delimiter.charCodeAt(0));
  let quoted = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (byte === LINE_FEED || byte === CARRIAGE_RETURN) break;
      const candidate = codes.indexOf(byte);
      if (candidate >= 0) counts[candidate]!++;
    }
  }
  let best = 0;
  counts.forEach((count, candidate) => {
    if (count > counts[best]!) best = candidate;
  });
  return csvDelimiters[best]!;
}
