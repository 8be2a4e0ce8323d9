// Each criterion encoded once into integer keys per row: one code for a column criterion (the blocking-key
// code of its keys), a short list of codes for a key-set criterion (hospital stays).
import { computeBlockingKeys } from "../blocking/index.js";
import type { Dataset } from "../data/dataset.js";
import { TupleTable } from "./tuple-table.js";
import type { ColumnCriterion, DeterministicCriterion, EncodedKeySets, KeySetCriterion } from "./types.js";

/** One code per row, NULL_CODE (negative) when any key is null; equal codes are equal keys. */
export interface ColumnKeys {
  readonly kind: "columns";
  readonly codes: Int32Array;
}

/** The distinct keys of row r are codes[offsets[r]] … codes[offsets[r + 1] - 1], dense from 0. */
export interface KeySetKeys {
  readonly kind: "keySets";
  readonly offsets: Int32Array;
  readonly codes: Int32Array;
}

export type CriterionKeys = ColumnKeys | KeySetKeys;

export function isKeySetCriterion(criterion: DeterministicCriterion): criterion is KeySetCriterion {
  return "keySets" in criterion && criterion.keySets !== undefined;
}

/** Keys of a criterion already checked against the dataset. */
export function encodeCriterion(dataset: Dataset, criterion: DeterministicCriterion): CriterionKeys {
  return isKeySetCriterion(criterion) ? encodeKeySets(criterion) : encodeColumns(dataset, criterion);
}

function encodeColumns(dataset: Dataset, criterion: ColumnCriterion): ColumnKeys {
  return { kind: "columns", codes: computeBlockingKeys(dataset, { keys: criterion.keys }) };
}

function encodeKeySets(criterion: KeySetCriterion): KeySetKeys {
  const { keySets } = criterion;
  return isEncodedKeySets(keySets) ? densifyKeySets(keySets) : internKeySets(keySets);
}

export function isEncodedKeySets(keySets: KeySetCriterion["keySets"]): keySets is EncodedKeySets {
  return !Array.isArray(keySets);
}

/** Number of rows the key sets describe. */
export function keySetRowCount(keySets: KeySetCriterion["keySets"]): number {
  return isEncodedKeySets(keySets) ? keySets.offsets.length - 1 : keySets.length;
}

/** Interns the key strings once; duplicate keys of a row are kept once, empty keys are ignored. */
function internKeySets(keySets: readonly (readonly string[])[]): KeySetKeys {
  const codeOf = new Map<string, number>();
  let total = 0;
  for (const keys of keySets) {
    for (const key of keys) {
      if (key === "") continue;
      if (!codeOf.has(key)) codeOf.set(key, codeOf.size);
      total++;
    }
  }
  const offsets = new Int32Array(keySets.length + 1);
  const codes = new Int32Array(total);
  // lastRowOf[key] = last row that listed key, so that a row lists each key once without sorting.
  const lastRowOf = new Int32Array(codeOf.size).fill(-1);
  let size = 0;
  for (let row = 0; row < keySets.length; row++) {
    for (const key of keySets[row]!) {
      if (key === "") continue;
      const code = codeOf.get(key)!;
      if (lastRowOf[code] === row) continue;
      lastRowOf[code] = row;
      codes[size++] = code;
    }
    offsets[row + 1] = size;
  }
  return { kind: "keySets", offsets, codes: codes.slice(0, size) };
}

/** Renumbers integer keys densely from 0 (they may be sparse or negative), keeping each key of a row once. */
function densifyKeySets(keySets: EncodedKeySets): KeySetKeys {
  const rowCount = keySets.offsets.length - 1;
  const table = new TupleTable(1, Math.min(keySets.codes.length, 1 << 20));
  const key = new Int32Array(1);
  const offsets = new Int32Array(rowCount + 1);
  const codes = new Int32Array(keySets.offsets[rowCount]! - keySets.offsets[0]!);
  let lastRowOf = new Int32Array(1024).fill(-1);
  let size = 0;
  for (let row = 0; row < rowCount; row++) {
    for (let position = keySets.offsets[row]!; position < keySets.offsets[row + 1]!; position++) {
      key[0] = keySets.codes[position]!;
      const code = table.intern(key);
      if (code >= lastRowOf.length) {
        const grown = new Int32Array(lastRowOf.length * 2).fill(-1);
        grown.set(lastRowOf);
        lastRowOf = grown;
      }
      if (lastRowOf[code] === row) continue;
      lastRowOf[code] = row;
      codes[size++] = code;
    }
    offsets[row + 1] = size;
  }
  return { kind: "keySets", offsets, codes: codes.slice(0, size) };
}
