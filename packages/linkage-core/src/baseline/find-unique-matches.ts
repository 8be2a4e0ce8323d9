// One step of the baseline: among still-unlinked rows, the pairs that agree on every criterion of the step and
// are one-to-one (each the other's only agreeing record). The smaller source's composite keys go into a hash
// table; the larger source only probes it, so a national extract is scanned once per step without building
// anything for the records that agree with nobody.
import type { ColumnKeys, CriterionKeys, KeySetKeys } from "./criterion-keys.js";
import { TupleTable } from "./tuple-table.js";

/** Per-row working arrays, allocated once per run and left clean after each step. */
export interface MatchScratch {
  /** The only agreeing row of the other source seen so far, or NO_PARTNER. */
  readonly partner: Int32Array;
  /** 1 when the row agrees with two or more rows of the other source. */
  readonly ambiguous: Uint8Array;
  /** 1 once the row has been linked or counted as ambiguous in this step. */
  readonly settled: Uint8Array;
}

const NO_PARTNER = -1;

export function createMatchScratch(rowCount: number): MatchScratch {
  return {
    partner: new Int32Array(rowCount).fill(NO_PARTNER),
    ambiguous: new Uint8Array(rowCount),
    settled: new Uint8Array(rowCount),
  };
}

export interface UniqueMatchInput {
  /** Source (0 or 1) of every row of the combined dataset. */
  readonly sourceOf: Uint8Array;
  /** Rows still unlinked, ascending. */
  readonly activeRows: Int32Array;
  /** Keys of the criteria of this step (at least one). */
  readonly keys: readonly CriterionKeys[];
}

export interface StepMatches {
  /** Linked rows of source 0, ascending, and their partners of source 1. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly ambiguousRecords: number;
}

/** Links of one step: two rows are linked when each is the only row of the other source agreeing with it. */
export function findUniqueMatches(input: UniqueMatchInput, scratch: MatchScratch): StepMatches {
  const { sourceOf, activeRows } = input;
  let leftActive = 0;
  for (let index = 0; index < activeRows.length; index++) {
    if (sourceOf[activeRows[index]!] === 0) leftActive++;
  }
  // The smaller source (usually the registry) fills the table; the larger one only looks its keys up.
  const buildSource = leftActive <= activeRows.length - leftActive ? 0 : 1;
  const buildCount = buildSource === 0 ? leftActive : activeRows.length - leftActive;

  const layout = tupleLayout(input.keys);
  const table = new TupleTable(layout.width, buildCount);
  const entries = new EntryBuffer(buildCount * 2);
  collectEntries({ rows: activeRows, sourceOf, source: buildSource, layout, table, intern: true }, entries);
  collectEntries(
    { rows: activeRows, sourceOf, source: 1 - buildSource, layout, table, intern: false },
    entries,
  );
  return resolveOneToOne(entries, table.size, sourceOf, scratch);
}

/** The tuple of a row: one code per column criterion, then one key of each key-set criterion. */
interface TupleLayout {
  readonly columns: readonly ColumnKeys[];
  readonly keySets: readonly KeySetKeys[];
  readonly width: number;
}

function tupleLayout(keys: readonly CriterionKeys[]): TupleLayout {
  const columns = keys.filter((key): key is ColumnKeys => key.kind === "columns");
  const keySets = keys.filter((key): key is KeySetKeys => key.kind === "keySets");
  return { columns, keySets, width: keys.length };
}

/** Rows in key groups: entry e puts row rows[e] in group codes[e]; a row is never twice in one group. */
class EntryBuffer {
  rows: Int32Array;
  codes: Int32Array;
  length = 0;

  constructor(initialCapacity: number) {
    this.rows = new Int32Array(Math.max(16, initialCapacity));
    this.codes = new Int32Array(this.rows.length);
  }

  push(row: number, code: number): void {
    if (this.length === this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      const codes = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      codes.set(this.codes);
      this.rows = rows;
      this.codes = codes;
    }
    this.rows[this.length] = row;
    this.codes[this.length++] = code;
  }
}

interface CollectInput {
  readonly rows: Int32Array;
  readonly sourceOf: Uint8Array;
  readonly source: number;
  readonly layout: TupleLayout;
  readonly table: TupleTable;
  /** True for the building side (new tuples get codes), false for the probing side (unknown tuples are skipped). */
  readonly intern: boolean;
}

/**
 * One entry per tuple of each row of `source`: with key-set criteria a row has one tuple per combination of
 * its keys (all distinct, as each row's keys are), so that sharing a group means agreeing on every criterion.
 * A null code or an empty key set gives the row no tuple at all.
 */
function collectEntries(input: CollectInput, entries: EntryBuffer): void {
  const { rows, sourceOf, source, table, intern } = input;
  const { columns, keySets, width } = input.layout;
  const columnCount = columns.length;
  const tuple = new Int32Array(width);
  // position[s] = index into keySets[s].codes of the key in the tuple: an odometer over the key combinations.
  const position = new Int32Array(keySets.length);
  rowLoop: for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (sourceOf[row] !== source) continue;
    for (let column = 0; column < columnCount; column++) {
      const code = columns[column]!.codes[row]!;
      if (code < 0) continue rowLoop;
      tuple[column] = code;
    }
    for (let set = 0; set < keySets.length; set++) {
      const start = keySets[set]!.offsets[row]!;
      if (start === keySets[set]!.offsets[row + 1]) continue rowLoop;
      position[set] = start;
      tuple[columnCount + set] = keySets[set]!.codes[start]!;
    }
    for (;;) {
      const code = intern ? table.intern(tuple) : table.find(tuple);
      if (code >= 0) entries.push(row, code);
      let set = keySets.length - 1;
      for (; set >= 0; set--) {
        const keys = keySets[set]!;
        const next = position[set]! + 1;
        if (next < keys.offsets[row + 1]!) {
          position[set] = next;
          tuple[columnCount + set] = keys.codes[next]!;
          break;
        }
        position[set] = keys.offsets[row]!;
        tuple[columnCount + set] = keys.codes[position[set]!]!;
      }
      if (set < 0) break;
    }
  }
}

/** From the groups, each row's agreeing rows of the other source; then the mutual unique pairs. */
function resolveOneToOne(
  entries: EntryBuffer,
  groupCount: number,
  sourceOf: Uint8Array,
  scratch: MatchScratch,
): StepMatches {
  const { rows, codes, length } = entries;
  const { partner, ambiguous, settled } = scratch;
  // Per group, the number of rows of each source and one of them (the only one when the number is 1).
  const leftCount = new Int32Array(groupCount);
  const rightCount = new Int32Array(groupCount);
  const leftRow = new Int32Array(groupCount);
  const rightRow = new Int32Array(groupCount);
  let leftEntries = 0;
  for (let entry = 0; entry < length; entry++) {
    const row = rows[entry]!;
    const code = codes[entry]!;
    if (sourceOf[row] === 0) {
      leftCount[code]++;
      leftRow[code] = row;
      leftEntries++;
    } else {
      rightCount[code]++;
      rightRow[code] = row;
    }
  }

  // A row may sit in several groups (key sets): it is unambiguous only if all of them name the same partner.
  for (let entry = 0; entry < length; entry++) {
    const row = rows[entry]!;
    const code = codes[entry]!;
    const isLeft = sourceOf[row] === 0;
    const others = isLeft ? rightCount[code]! : leftCount[code]!;
    if (others === 0) continue;
    const other = isLeft ? rightRow[code]! : leftRow[code]!;
    const known = partner[row]!;
    if (others >= 2 || (known !== NO_PARTNER && known !== other)) ambiguous[row] = 1;
    else partner[row] = other;
  }

  const left = new Int32Array(leftEntries);
  const right = new Int32Array(leftEntries);
  let links = 0;
  for (let entry = 0; entry < length; entry++) {
    const row = rows[entry]!;
    if (sourceOf[row] !== 0 || settled[row] === 1 || ambiguous[row] === 1) continue;
    const other = partner[row]!;
    // An unambiguous partner agrees with this row alone, so its partner is this row; checked all the same
    // so that a broken invariant shows as a missing link rather than a wrong one.
    if (other === NO_PARTNER || ambiguous[other] === 1 || partner[other] !== row) continue;
    left[links] = row;
    right[links++] = other;
    settled[row] = 1;
    settled[other] = 1;
  }

  // Rows that agreed with someone but were not linked.
  let ambiguousRecords = 0;
  for (let entry = 0; entry < length; entry++) {
    const row = rows[entry]!;
    if (settled[row] === 0 && (ambiguous[row] === 1 || partner[row] !== NO_PARTNER)) {
      settled[row] = 1;
      ambiguousRecords++;
    }
  }
  // Leave the scratch clean for the next step: only rows with entries were touched.
  for (let entry = 0; entry < length; entry++) {
    const row = rows[entry]!;
    partner[row] = NO_PARTNER;
    ambiguous[row] = 0;
    settled[row] = 0;
  }
  return { left: left.slice(0, links), right: right.slice(0, links), ambiguousRecords };
}
