// A key-set criterion from hospital stays: two records agree when they share a stay in the same establishment
// (FINESS) admitted on the same day, or within a window of days. Keys are integer (establishment, day) codes,
// so that millions of stays cost no string.
import { SpecError } from "../errors.js";
import type { HospitalStays } from "../french/hospital-stays.js";
import { TupleTable } from "./tuple-table.js";
import type { KeySetCriterion } from "./types.js";

export interface HospitalStayCriterionOptions {
  /** Criterion name; default "hospitalStay". */
  readonly name?: string;
  /** Stays of the source-0 records: record r is row r of the combined dataset. */
  readonly left: HospitalStays;
  /** Stays of the source-1 records: record r is row left.recordCount + r of the combined dataset. */
  readonly right: HospitalStays;
  /**
   * Admission days may differ by up to this many days (a transfer noted the next day, a date typed wrong).
   * Default 0: the same day. Only the left side's keys are widened, so that a pair of stays shares one key.
   */
  readonly admissionWindowDays?: number;
  readonly required?: boolean;
}

/**
 * A criterion on the (FINESS, admission day) of every stay of each record, for `linkDeterministically`: the
 * same keys as `stayBlockingKeys`, as integers. Discharge days are not compared.
 */
export function hospitalStayCriterion(options: HospitalStayCriterionOptions): KeySetCriterion {
  const { left, right } = options;
  const window = options.admissionWindowDays ?? 0;
  if (!Number.isInteger(window) || window < 0) {
    throw new SpecError([
      {
        jsonPath: "$.admissionWindowDays",
        message: `admissionWindowDays must be a non-negative integer number of days, not ${window}.`,
      },
    ]);
  }
  // The two sides may have been built with different establishment codes: share them through the FINESS.
  const finessCodes = new Map<string, number>();
  const sharedCodes = (dictionary: readonly string[]) =>
    Int32Array.from(dictionary, (finess) => {
      if (!finessCodes.has(finess)) finessCodes.set(finess, finessCodes.size);
      return finessCodes.get(finess)!;
    });
  const leftEstablishments = sharedCodes(left.establishmentDictionary);
  const rightEstablishments = sharedCodes(right.establishmentDictionary);

  const leftKeyCount = left.establishments.length * (2 * window + 1);
  const table = new TupleTable(2, leftKeyCount);
  const offsets = new Int32Array(left.recordCount + right.recordCount + 1);
  const codes = new Int32Array(leftKeyCount + right.establishments.length);
  const key = new Int32Array(2);
  let size = 0;
  for (let record = 0; record < left.recordCount; record++) {
    for (let stay = left.offsets[record]!; stay < left.offsets[record + 1]!; stay++) {
      key[0] = leftEstablishments[left.establishments[stay]!]!;
      const admission = left.admissionDays[stay]!;
      for (let day = admission - window; day <= admission + window; day++) {
        key[1] = day;
        codes[size++] = table.intern(key);
      }
    }
    offsets[record + 1] = size;
  }
  // A right stay whose key no left stay has can agree with nobody: leave it out.
  for (let record = 0; record < right.recordCount; record++) {
    for (let stay = right.offsets[record]!; stay < right.offsets[record + 1]!; stay++) {
      key[0] = rightEstablishments[right.establishments[stay]!]!;
      key[1] = right.admissionDays[stay]!;
      const code = table.find(key);
      if (code >= 0) codes[size++] = code;
    }
    offsets[left.recordCount + record + 1] = size;
  }
  return {
    name: options.name ?? "hospitalStay",
    keySets: { offsets, codes: codes.slice(0, size) },
    ...(options.required === undefined ? {} : { required: options.required }),
  };
}
