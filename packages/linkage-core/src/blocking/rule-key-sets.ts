// Key sets of a blocking rule whose records hold several keys (one per hospital stay): per row, the sorted
// integer codes of its own keys and of the keys it reaches within the admission window. No string per key.
import type { Dataset, EncodedColumn } from "../data/dataset.js";
import { NULL_CODE } from "../data/dataset.js";
import { buildStaysOfValues } from "../french/hospital-stays.js";
import { type BlockingKeyOptions, encodeBlockingKey, isSetValuedKey } from "./blocking-keys.js";
import { combineCodes, type DenseCodes } from "./dense-codes.js";
import type { BlockingKey, BlockingRuleSpec } from "./types.js";

/**
 * The keys of every row in columnar form. Row r holds `plainCodes[plainOffsets[r]] … [plainOffsets[r + 1] - 1]`
 * and reaches `probeCodes[probeOffsets[r]] …`, each ascending and distinct. Two rows are paired by the rule when
 * the probe keys of one meet the plain keys of the other, which is symmetric: a stay admitted within w days of
 * another is reached from either side. Without a window the probe arrays are the plain arrays.
 */
export interface RuleKeySets {
  readonly rowCount: number;
  /** Exclusive upper bound of the key codes. */
  readonly keyCount: number;
  readonly plainOffsets: Int32Array;
  readonly plainCodes: Int32Array;
  readonly probeOffsets: Int32Array;
  readonly probeCodes: Int32Array;
  /**
   * The rule's single-valued keys combined, one code per row (NULL_CODE when any is null): two rows are paired
   * only when their codes are equal and non-null. Kept apart from the sets rather than multiplied into them,
   * so that a stays key shared by several rules is keyed once.
   */
  readonly base?: Int32Array;
}

/** Key sets of a rule already checked by `checkBlockingRules` (single-valued keys give one key, or none). */
export function encodeRuleKeySets(
  dataset: Dataset,
  rule: BlockingRuleSpec,
  options: BlockingKeyOptions = {},
): RuleKeySets {
  let base: DenseCodes | undefined;
  for (const key of rule.keys) {
    if (isSetValuedKey(key)) continue;
    const encoded = encodeBlockingKey(dataset, key, options);
    base = base === undefined ? encoded : combineCodes(base.codes, encoded.codes);
  }
  let current: RuleKeySets | undefined;
  for (const key of rule.keys) {
    if (!isSetValuedKey(key)) continue;
    const sets = staySetsOfRows(dataset.columns.get(key.column)!, key);
    current = current === undefined ? sets : crossSets(current, sets);
  }
  // Only called for rules with a set-valued key, so the loop found one.
  return base === undefined ? current! : { ...current!, base: base.codes };
}

/**
 * Whether the rule pairs two rows: equal non-null base codes (when the rule has single-valued keys too), and the
 * probe keys of `left` meeting the plain keys of `right` (two sorted lists, merged).
 */
export function keySetsMeet(sets: RuleKeySets, left: number, right: number): boolean {
  const base = sets.base;
  if (base !== undefined && (base[left]! === NULL_CODE || base[left] !== base[right])) return false;
  return firstMeetingProbe(sets, left, sets.probeOffsets[left + 1]!, right) >= 0;
}

/**
 * Index (into probeCodes) of the first probe key of `left`, among those before `probeEnd`, found in the plain
 * keys of `right`; -1 when none is.
 */
export function firstMeetingProbe(sets: RuleKeySets, left: number, probeEnd: number, right: number): number {
  const { probeCodes, plainCodes } = sets;
  let probe = sets.probeOffsets[left]!;
  let plain = sets.plainOffsets[right]!;
  const plainEnd = sets.plainOffsets[right + 1]!;
  while (probe < probeEnd && plain < plainEnd) {
    const probeKey = probeCodes[probe]!;
    const plainKey = plainCodes[plain]!;
    if (probeKey === plainKey) return probe;
    if (probeKey < plainKey) probe++;
    else plain++;
  }
  return -1;
}

// Counting, generating and each training session encode the same stays rule: key it once while the column lives.
const staySetsOfColumns = new WeakMap<EncodedColumn, Map<number, RuleKeySets>>();

/** Key sets of a stays column: each distinct list is parsed and keyed once, rows then point at their value. */
function staySetsOfRows(column: EncodedColumn, key: BlockingKey): RuleKeySets {
  const window = key.transform?.kind === "hospitalStays" ? (key.transform.admissionWindowDays ?? 0) : 0;
  let byWindow = staySetsOfColumns.get(column);
  if (byWindow === undefined) staySetsOfColumns.set(column, (byWindow = new Map()));
  let sets = byWindow.get(window);
  if (sets === undefined) byWindow.set(window, (sets = keyStaysOfRows(column, window)));
  return sets;
}

function keyStaysOfRows(column: EncodedColumn, window: number): RuleKeySets {
  const stays = buildStaysOfValues(column);
  const interner = new PairInterner();
  const valueCount = column.dictionary.length;
  const plain = new SetBuilder(valueCount, stays.establishments.length);
  for (let value = 0; value < valueCount; value++) {
    for (let stay = stays.offsets[value]!; stay < stays.offsets[value + 1]!; stay++) {
      plain.add(interner.intern(stays.establishments[stay]!, stays.admissionDays[stay]!));
    }
    plain.endRow();
  }
  let probe = plain;
  if (window > 0) {
    // Probe keys that no value holds can never meet a plain key: only those found are kept.
    probe = new SetBuilder(valueCount, stays.establishments.length * (2 * window + 1));
    for (let value = 0; value < valueCount; value++) {
      for (let stay = stays.offsets[value]!; stay < stays.offsets[value + 1]!; stay++) {
        const establishment = stays.establishments[stay]!;
        const admission = stays.admissionDays[stay]!;
        for (let day = admission - window; day <= admission + window; day++) {
          const code = interner.find(establishment, day);
          if (code >= 0) probe.add(code);
        }
      }
      probe.endRow();
    }
  }
  const valuePlain = plain.finish();
  const valueProbe = probe === plain ? valuePlain : probe.finish();
  const rowPlain = rowsFromValues(column.codes, valuePlain);
  const rowProbe = probe === plain ? rowPlain : rowsFromValues(column.codes, valueProbe);
  return {
    rowCount: column.codes.length,
    keyCount: interner.size,
    plainOffsets: rowPlain.offsets,
    plainCodes: rowPlain.codes,
    probeOffsets: rowProbe.offsets,
    probeCodes: rowProbe.codes,
  };
}

interface Csr {
  readonly offsets: Int32Array;
  readonly codes: Int32Array;
}

/** Per-row sets from per-value sets, through each row's value code (null rows hold no key). */
function rowsFromValues(valueCodes: Int32Array, values: Csr): Csr {
  const rowCount = valueCodes.length;
  const offsets = new Int32Array(rowCount + 1);
  for (let row = 0; row < rowCount; row++) {
    const value = valueCodes[row]!;
    const size = value === NULL_CODE ? 0 : values.offsets[value + 1]! - values.offsets[value]!;
    offsets[row + 1] = offsets[row]! + size;
  }
  const codes = new Int32Array(offsets[rowCount]!);
  for (let row = 0; row < rowCount; row++) {
    const value = valueCodes[row]!;
    if (value === NULL_CODE) continue;
    codes.set(values.codes.subarray(values.offsets[value]!, values.offsets[value + 1]!), offsets[row]!);
  }
  return { offsets, codes };
}

/**
 * Row by row, the sets of (key of `first`, key of `second`) tuples: plain × plain and probe × probe. A probe
 * tuple meets a plain tuple exactly when each component does, so the product keeps the rule's meaning.
 */
function crossSets(first: RuleKeySets, second: RuleKeySets): RuleKeySets {
  const rowCount = first.rowCount;
  const interner = new PairInterner();
  const plain = new SetBuilder(rowCount, Math.max(first.plainCodes.length, second.plainCodes.length));
  for (let row = 0; row < rowCount; row++) {
    for (let a = first.plainOffsets[row]!; a < first.plainOffsets[row + 1]!; a++) {
      for (let b = second.plainOffsets[row]!; b < second.plainOffsets[row + 1]!; b++) {
        plain.add(interner.intern(first.plainCodes[a]!, second.plainCodes[b]!));
      }
    }
    plain.endRow();
  }
  const plainSets = plain.finish();
  const sharedProbe = first.probeCodes === first.plainCodes && second.probeCodes === second.plainCodes;
  let probeSets = plainSets;
  if (!sharedProbe) {
    const probe = new SetBuilder(rowCount, Math.max(first.probeCodes.length, second.probeCodes.length));
    for (let row = 0; row < rowCount; row++) {
      for (let a = first.probeOffsets[row]!; a < first.probeOffsets[row + 1]!; a++) {
        for (let b = second.probeOffsets[row]!; b < second.probeOffsets[row + 1]!; b++) {
          const code = interner.find(first.probeCodes[a]!, second.probeCodes[b]!);
          if (code >= 0) probe.add(code);
        }
      }
      probe.endRow();
    }
    probeSets = probe.finish();
  }
  return {
    rowCount,
    keyCount: interner.size,
    plainOffsets: plainSets.offsets,
    plainCodes: plainSets.codes,
    probeOffsets: probeSets.offsets,
    probeCodes: probeSets.codes,
  };
}

/** Builds per-row sets in columnar form, each row sorted and without repeats. */
class SetBuilder {
  private readonly offsets: Int32Array;
  private codes: Int32Array;
  private size = 0;
  private row = 0;

  constructor(rowCount: number, expectedCodes: number) {
    this.offsets = new Int32Array(rowCount + 1);
    this.codes = new Int32Array(Math.max(16, expectedCodes));
  }

  add(code: number): void {
    if (this.size === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.size++] = code;
  }

  endRow(): void {
    const start = this.offsets[this.row]!;
    const slice = this.codes.subarray(start, this.size);
    if (slice.length > 1) {
      slice.sort();
      let kept = 1;
      for (let index = 1; index < slice.length; index++) {
        if (slice[index] !== slice[kept - 1]) slice[kept++] = slice[index]!;
      }
      this.size = start + kept;
    }
    this.offsets[++this.row] = this.size;
  }

  finish(): Csr {
    return { offsets: this.offsets, codes: this.codes.slice(0, this.size) };
  }
}

const EMPTY_SLOT = -1;

/** Interns pairs of integers into dense codes: an open-addressing table on typed arrays. */
class PairInterner {
  private firsts = new Int32Array(1024);
  private seconds = new Int32Array(1024);
  private slotCodes = new Int32Array(1024).fill(EMPTY_SLOT);
  private mask = 1023;
  size = 0;

  intern(first: number, second: number): number {
    let slot = mix(first, second) & this.mask;
    for (;;) {
      const code = this.slotCodes[slot]!;
      if (code === EMPTY_SLOT) break;
      if (this.firsts[slot] === first && this.seconds[slot] === second) return code;
      slot = (slot + 1) & this.mask;
    }
    const code = this.size++;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.slotCodes[slot] = code;
    // Load factor at most 1/2 keeps probe sequences short.
    if (this.size * 2 > this.mask + 1) this.grow();
    return code;
  }

  /** The code of a pair already interned, or -1. */
  find(first: number, second: number): number {
    let slot = mix(first, second) & this.mask;
    for (;;) {
      const code = this.slotCodes[slot]!;
      if (code === EMPTY_SLOT) return -1;
      if (this.firsts[slot] === first && this.seconds[slot] === second) return code;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { firsts, seconds, slotCodes } = this;
    const capacity = (this.mask + 1) * 2;
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
    this.slotCodes = new Int32Array(capacity).fill(EMPTY_SLOT);
    this.mask = capacity - 1;
    for (let old = 0; old < slotCodes.length; old++) {
      const code = slotCodes[old]!;
      if (code === EMPTY_SLOT) continue;
      let slot = mix(firsts[old]!, seconds[old]!) & this.mask;
      while (this.slotCodes[slot] !== EMPTY_SLOT) slot = (slot + 1) & this.mask;
      this.firsts[slot] = firsts[old]!;
      this.seconds[slot] = seconds[old]!;
      this.slotCodes[slot] = code;
    }
  }
}

/** 32-bit mix of two integers (multiply–xorshift). Days may be negative (before 1970): fine for imul. */
function mix(first: number, second: number): number {
  let hash = Math.imul(first, 0x9e3779b1) ^ Math.imul(second ^ 0x7f4a7c15, 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash;
}
