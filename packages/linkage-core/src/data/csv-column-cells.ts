// One column while a CSV file is read: its distinct byte values (raw codes) and the dictionary of values
// used by kept rows (output codes). Strings are made only at the end, in bulk.
import { ByteInterner } from "./byte-interner.js";
import type { CsvEncoding } from "./csv-options.js";
import type { EncodedColumn } from "./dataset.js";

/** Raw-code states besides a dictionary code: not yet given an output code, or undecodable bytes. */
export const UNASSIGNED = -2;
export const UNDECODABLE = -3;

/**
 * One column being read: distinct byte values (raw codes, in order of first appearance in any row) and the
 * dictionary of values used by kept rows (output codes). Strings are only made at the end, in bulk.
 */
export class ColumnCells {
  readonly interner = new ByteInterner();
  /** Per raw code: NULL_CODE, UNASSIGNED, UNDECODABLE or its output code. */
  outputCodes = new Int32Array(1024);
  /** Per output code: its raw code. */
  dictionaryRawCodes = new Int32Array(1024);
  dictionarySize = 0;
  /** Output code of each kept row. */
  codes = new Int32Array(4096);
  rowCount = 0;

  constructor(readonly name: string) {}

  /** Raw codes below this one have an entry in `outputCodes`. */
  classifiedCount = 0;
  /** Some raw code is UNDECODABLE: only then is each cell checked for it. */
  hasUndecodable = false;

  /** Records what a new raw code stands for (codes arrive in order). */
  classify(rawCode: number, outputCode: number): void {
    if (rawCode >= this.outputCodes.length) this.outputCodes = growInt32(this.outputCodes);
    this.outputCodes[rawCode] = outputCode;
    this.classifiedCount = rawCode + 1;
  }

  /** Appends a kept row holding `rawCode`; the first kept use of a value gives it the next output code. */
  pushRaw(rawCode: number): void {
    let outputCode = this.outputCodes[rawCode]!;
    if (outputCode === UNASSIGNED) {
      outputCode = this.dictionarySize++;
      if (outputCode >= this.dictionaryRawCodes.length)
        this.dictionaryRawCodes = growInt32(this.dictionaryRawCodes);
      this.dictionaryRawCodes[outputCode] = rawCode;
      this.outputCodes[rawCode] = outputCode;
    }
    if (this.rowCount === this.codes.length) this.codes = growInt32(this.codes);
    this.codes[this.rowCount++] = outputCode;
  }

  finish(encoding: CsvEncoding): EncodedColumn {
    const strings = this.interner.decodeAll(encoding, (rawCode) => this.outputCodes[rawCode] !== UNDECODABLE);
    const dictionary: string[] = new Array(this.dictionarySize);
    for (let code = 0; code < this.dictionarySize; code++)
      dictionary[code] = strings[this.dictionaryRawCodes[code]!]!;
    return { name: this.name, dictionary, codes: this.codes.slice(0, this.rowCount) };
  }
}

export function growInt32(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
