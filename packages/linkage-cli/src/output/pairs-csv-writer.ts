// pairs.csv written as scored pairs arrive, chunk after chunk: the two record ids first, then match_weight,
// match_probability, and each comparison's level and partial weight. Lines are assembled as bytes in a reused
// buffer: a large linkage writes millions of them, and a string per line would keep the garbage collector busy.
import type { LinkageContext, ModelParameters, ScoredPairBatch } from "linkage-core";
import { csvField, csvRow } from "./csv-text.js";
import type { LineWriter, OutputFolder } from "./output-folder.js";

/** Significant digits kept for weights and probabilities in CSV outputs: enough to sort and threshold. */
const DIGITS = 6;

export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(DIGITS))) : String(value);
}

export const PAIRS_FILE = "pairs.csv";

/** Most formatted scores remembered before the memo starts afresh. */
const MAX_REMEMBERED_SCORES = 1 << 16;
/** Bytes gathered before they are handed to the file. */
const BUFFER_BYTES = 1 << 20;
/** Room kept free at the end of the buffer: more than any line's fixed cells. */
const LINE_RESERVE_BYTES = 4096;
/** Longer ids go through putBytes, which grows the buffer: the reserve holds two shorter ones. */
const MAX_INLINE_ID_CHARACTERS = 1024;
const COMMA = 44;
const NEWLINE = 10;

const encoder = new TextEncoder();

export class PairsCsvWriter {
  private written = 0;
  /**
   * `,weight,probability` as bytes, by match weight: pairs sharing a pattern (and term frequencies) share a
   * weight, and formatting two numbers costs more than a lookup.
   */
  private readonly scoreCells = new Map<number, Uint8Array>();
  private buffer = new Uint8Array(BUFFER_BYTES);
  private used = 0;

  private constructor(
    private readonly lines: LineWriter,
    private readonly context: LinkageContext,
    /** Per comparison, the bytes of `,level,weight` for each level, indexed by level + 1 (null first). */
    private readonly levelCells: readonly (readonly Uint8Array[])[],
  ) {}

  /** Opens pairs.csv in the folder and writes its header. */
  static open(folder: OutputFolder, context: LinkageContext, parameters: ModelParameters): PairsCsvWriter {
    const names = context.comparisons.map((comparison) => comparison.name);
    const withSources = context.dataset.sourceNames.length > 1;
    const lines = folder.openLines(PAIRS_FILE);
    void lines.emit(
      csvRow([
        "id_l",
        "id_r",
        ...(withSources ? ["source_l", "source_r"] : []),
        "match_weight",
        "match_probability",
        ...names.flatMap((name) => [`${name}_level`, `${name}_weight`]),
      ]),
    );
    // A level's cells are the same on every line: formatted once, not once per pair.
    const levelCells = parameters.comparisons.map((comparison) =>
      [
        ",-1,0",
        ...comparison.m.map((m, level) => `,${level},${formatNumber(Math.log2(m / comparison.u[level]!))}`),
      ].map((text) => encoder.encode(text)),
    );
    return new PairsCsvWriter(lines, context, levelCells);
  }

  /** Pairs written so far. */
  get pairCount(): number {
    return this.written;
  }

  /** Appends the batch's pairs whose match probability reaches `minimumProbability`, in order. */
  async write(batch: ScoredPairBatch, minimumProbability = 0): Promise<void> {
    const { ids, sourceNames, sourceOf } = this.context.dataset;
    const sourceCells =
      sourceNames.length > 1 ? sourceNames.map((name) => encoder.encode(`,${csvField(name)}`)) : undefined;
    const { levelCells } = this;
    for (let pair = 0; pair < batch.count; pair++) {
      const probability = batch.matchProbability[pair]!;
      if (probability < minimumProbability) continue;
      if (this.used > this.buffer.length - LINE_RESERVE_BYTES) await this.handOver();
      const a = batch.left[pair]!;
      const b = batch.right[pair]!;
      this.putId(ids[a]!);
      this.buffer[this.used++] = COMMA;
      this.putId(ids[b]!);
      if (sourceCells !== undefined) {
        this.putBytes(sourceCells[sourceOf[a]!]!);
        this.putBytes(sourceCells[sourceOf[b]!]!);
      }
      this.putBytes(this.scoreCell(batch.matchWeight[pair]!, probability));
      for (let comparison = 0; comparison < levelCells.length; comparison++) {
        this.putBytes(levelCells[comparison]![batch.levels[comparison]![pair]! + 1]!);
      }
      this.buffer[this.used++] = NEWLINE;
      this.written++;
    }
  }

  /** Writes what is buffered and closes the file; returns the number of pairs written. */
  async close(): Promise<number> {
    await this.handOver();
    await this.lines.close();
    return this.written;
  }

  private scoreCell(weight: number, probability: number): Uint8Array {
    let cell = this.scoreCells.get(weight);
    if (cell === undefined) {
      if (this.scoreCells.size >= MAX_REMEMBERED_SCORES) this.scoreCells.clear();
      cell = encoder.encode(`,${formatNumber(weight)},${formatNumber(probability)}`);
      this.scoreCells.set(weight, cell);
    }
    return cell;
  }

  /** An id as a CSV field: copied character by character when plain ASCII, else quoted and encoded. */
  private putId(id: string): void {
    if (id.length > MAX_INLINE_ID_CHARACTERS) {
      this.putBytes(encoder.encode(csvField(id)));
      return;
    }
    const buffer = this.buffer;
    const start = this.used;
    let at = start;
    for (let index = 0; index < id.length; index++) {
      const code = id.charCodeAt(index);
      // Beyond ASCII, or a character that needs quoting: the general path (rare for ids).
      if (code >= 0x80 || code === 0x22 || code === COMMA || code === NEWLINE || code === 0x0d) {
        this.used = start;
        this.putBytes(encoder.encode(csvField(id)));
        return;
      }
      buffer[at++] = code;
    }
    this.used = at;
  }

  private putBytes(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.buffer.length) {
      // A single very long cell: grow rather than split it.
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.used + bytes.length));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    const buffer = this.buffer;
    let at = this.used;
    // Cells are short: a loop beats TypedArray.set's call overhead.
    for (let index = 0; index < bytes.length; index++) buffer[at++] = bytes[index]!;
    this.used = at;
  }

  /** Hands the buffered bytes to the file and starts a new buffer (the file keeps the old one until written). */
  private async handOver(): Promise<void> {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.buffer = new Uint8Array(BUFFER_BYTES);
    this.used = 0;
    await this.lines.writeBytes(bytes);
  }
}
