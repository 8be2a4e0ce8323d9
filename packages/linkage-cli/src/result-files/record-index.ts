// Records named in result and truth files, each given a dense index: by (source, id) when sources tell
// records apart, by id alone otherwise. Ids are interned once per distinct value, so rows cost number lookups.
import { DataError } from "linkage-core";

/** Most sources a file may name: one-to-one assignment and evaluation keep sources in a Uint8Array. */
export const MAX_SOURCES = 255;

/** `sourceOf` value of a record whose source no file said. */
export const UNKNOWN_SOURCE = 255;

export class RecordIndex {
  readonly ids: string[] = [];
  readonly sourceNames: string[] = [];
  private readonly idCodes = new Map<string, number>();
  private readonly sourceCodes = new Map<string, number>();
  private readonly recordOfKey = new Map<number, number>();
  private readonly idOfRecord: number[] = [];
  private sources = new Uint8Array(1024);

  /** With `keyBySource`, the same id in two sources is two records; without, one record. */
  constructor(readonly keyBySource: boolean) {}

  get count(): number {
    return this.idOfRecord.length;
  }

  /** The code of an id value (interned). */
  idCode(id: string): number {
    let code = this.idCodes.get(id);
    if (code === undefined) {
      code = this.ids.length;
      this.ids.push(id);
      this.idCodes.set(id, code);
    }
    return code;
  }

  /** The code of a source name (interned); a DataError past MAX_SOURCES. */
  sourceCode(name: string): number {
    let code = this.sourceCodes.get(name);
    if (code === undefined) {
      code = this.sourceNames.length;
      if (code >= MAX_SOURCES) {
        throw new DataError("RESULT_TOO_MANY_SOURCES", `more than ${MAX_SOURCES} sources are named.`, {
          hint: "Check the source columns: they should hold the names of the linked inputs.",
        });
      }
      this.sourceNames.push(name);
      this.sourceCodes.set(name, code);
    }
    return code;
  }

  /**
   * The record of an id (code) in a source (code, or UNKNOWN_SOURCE), created on first sight. Keyed by id
   * alone, a record seen with two different sources is an error: the files cannot be matched by id.
   */
  record(idCode: number, sourceCode: number): number {
    const key = this.keyBySource ? idCode * 256 + sourceCode : idCode;
    let record = this.recordOfKey.get(key);
    if (record === undefined) {
      record = this.idOfRecord.length;
      this.idOfRecord.push(idCode);
      this.recordOfKey.set(key, record);
      if (record >= this.sources.length) {
        const grown = new Uint8Array(this.sources.length * 2);
        grown.set(this.sources);
        this.sources = grown;
      }
      this.sources[record] = sourceCode;
      return record;
    }
    if (sourceCode !== UNKNOWN_SOURCE) {
      const known = this.sources[record]!;
      if (known === UNKNOWN_SOURCE) this.sources[record] = sourceCode;
      else if (known !== sourceCode) {
        throw new DataError(
          "RESULT_ID_IN_TWO_SOURCES",
          `a record id appears in sources "${this.sourceNames[known]}" and "${this.sourceNames[sourceCode]}", but records are matched by id alone.`,
          {
            hint: "Give the truth file a source column (--source-column) so that records are matched by source and id.",
          },
        );
      }
    }
    return record;
  }

  /** The record of an id in a source, or -1 when never seen (nothing is created). */
  find(id: string, sourceName: string | undefined): number {
    const idCode = this.idCodes.get(id);
    if (idCode === undefined) return -1;
    const sourceCode = sourceName === undefined ? UNKNOWN_SOURCE : this.sourceCodes.get(sourceName);
    if (sourceCode === undefined) return -1;
    return this.recordOfKey.get(this.keyBySource ? idCode * 256 + sourceCode : idCode) ?? -1;
  }

  idOf(record: number): string {
    return this.ids[this.idOfRecord[record]!]!;
  }

  /** Source code of every record (UNKNOWN_SOURCE where no file said). */
  sourceOf(): Uint8Array {
    return this.sources.slice(0, this.count);
  }

  sourceNameOf(record: number): string | undefined {
    const source = this.sources[record]!;
    return source === UNKNOWN_SOURCE ? undefined : this.sourceNames[source];
  }
}
