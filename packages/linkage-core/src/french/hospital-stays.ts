// Hospital stays per record in columnar form (typed arrays, one slice per record), built from an events table
// with one row per stay, as the SNDS stores them, or from a list-valued column "FINESS|admission|discharge;…".
import { type EncodedColumn, NULL_CODE } from "../data/dataset.js";
import { DataError } from "../errors.js";
import { BoundedCache } from "./bounded-cache.js";
import { parseDayNumber } from "./french-dates.js";

// Stays fall on a few thousand distinct days: parse each date text once.
const parsedDays = new BoundedCache<number | null>();

/**
 * Stays of every record. The stays of record r are at indices offsets[r] … offsets[r + 1] - 1, sorted by
 * admission day, then discharge day, then establishment; exact duplicates are kept once.
 */
export interface HospitalStays {
  readonly recordCount: number;
  /** recordCount + 1 offsets into the stay arrays. */
  readonly offsets: Int32Array;
  /** Establishment of each stay, as an index into `establishmentDictionary`. */
  readonly establishments: Int32Array;
  /** FINESS numbers; shared between two builds that were given the same EstablishmentCodes. */
  readonly establishmentDictionary: readonly string[];
  /** Admission day of each stay, in days since 1970-01-01. */
  readonly admissionDays: Int32Array;
  /** Discharge day of each stay, in days since 1970-01-01 (same day as admission for a day case). */
  readonly dischargeDays: Int32Array;
  /** Events whose record id is not among the records (normal when the events cover a wider population). */
  readonly unknownRecordEventCount: number;
  /** Events left out because they were invalid, when `invalidEvents: "skip"` was asked for. */
  readonly skippedEventCount: number;
}

/** One stay of an events table: record id, FINESS of the establishment, admission and discharge dates. */
export interface StayEvent {
  readonly id: string;
  readonly finess: string;
  readonly admission: string;
  readonly discharge: string;
}

/** Interns FINESS numbers; pass one instance to both builds so that their establishment codes agree. */
export class EstablishmentCodes {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];

  intern(finess: string): number {
    let code = this.index.get(finess);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(finess);
      this.index.set(finess, code);
    }
    return code;
  }

  /** The FINESS numbers by code. The array grows as later builds intern new establishments. */
  get dictionary(): readonly string[] {
    return this.values;
  }
}

export interface BuildStaysOptions {
  /** Shared establishment codes (recommended when the two sides of a linkage are built separately). */
  readonly establishments?: EstablishmentCodes;
  /** What to do with an event whose FINESS is empty or whose dates are unreadable or reversed. Default "error". */
  readonly invalidEvents?: "error" | "skip";
}

/** Growable columns of stays tagged with their record, sorted and grouped by finish(). */
class StayCollector {
  records = new Int32Array(1024);
  establishments = new Int32Array(1024);
  admissions = new Int32Array(1024);
  discharges = new Int32Array(1024);
  length = 0;

  push(record: number, establishment: number, admission: number, discharge: number): void {
    if (this.length === this.records.length) this.grow();
    this.records[this.length] = record;
    this.establishments[this.length] = establishment;
    this.admissions[this.length] = admission;
    this.discharges[this.length] = discharge;
    this.length++;
  }

  private grow(): void {
    const size = this.records.length * 2;
    for (const name of ["records", "establishments", "admissions", "discharges"] as const) {
      const grown = new Int32Array(size);
      grown.set(this[name]);
      this[name] = grown;
    }
  }

  finish(
    recordCount: number,
    establishments: EstablishmentCodes,
    counts: { unknownRecordEventCount: number; skippedEventCount: number },
  ): HospitalStays {
    const order = Uint32Array.from({ length: this.length }, (_, index) => index);
    order.sort(
      (left, right) =>
        this.records[left]! - this.records[right]! ||
        this.admissions[left]! - this.admissions[right]! ||
        this.discharges[left]! - this.discharges[right]! ||
        this.establishments[left]! - this.establishments[right]!,
    );
    const offsets = new Int32Array(recordCount + 1);
    const stayEstablishments = new Int32Array(this.length);
    const admissionDays = new Int32Array(this.length);
    const dischargeDays = new Int32Array(this.length);
    let size = 0;
    for (const index of order) {
      const record = this.records[index]!;
      const previous = size - 1;
      const duplicate =
        size > 0 &&
        offsets[record + 1]! > 0 &&
        admissionDays[previous] === this.admissions[index] &&
        dischargeDays[previous] === this.discharges[index] &&
        stayEstablishments[previous] === this.establishments[index];
      if (duplicate) continue;
      stayEstablishments[size] = this.establishments[index]!;
      admissionDays[size] = this.admissions[index]!;
      dischargeDays[size] = this.discharges[index]!;
      size++;
      offsets[record + 1]++;
    }
    for (let record = 0; record < recordCount; record++) offsets[record + 1] += offsets[record]!;
    return {
      recordCount,
      offsets,
      establishments: stayEstablishments.slice(0, size),
      establishmentDictionary: establishments.dictionary,
      admissionDays: admissionDays.slice(0, size),
      dischargeDays: dischargeDays.slice(0, size),
      ...counts,
    };
  }
}

type StayProblem = "finess" | "admission" | "discharge" | "reversed";

const PROBLEM_TEXT: Record<StayProblem, string> = {
  finess: "has an empty FINESS",
  admission: "has an unreadable admission date",
  discharge: "has an unreadable discharge date",
  reversed: "has a discharge date before its admission date",
};

/** Reads one stay; returns the problem instead of throwing so that callers can word the location. */
function readStay(
  finess: string,
  admission: string,
  discharge: string,
  establishments: EstablishmentCodes,
): { establishment: number; admissionDay: number; dischargeDay: number } | StayProblem {
  const code = finess.trim().toUpperCase();
  if (code === "") return "finess";
  const admissionDay = parsedDays.get(admission, parseDayNumber);
  if (admissionDay === null) return "admission";
  const dischargeDay = parsedDays.get(discharge, parseDayNumber);
  if (dischargeDay === null) return "discharge";
  if (dischargeDay < admissionDay) return "reversed";
  return { establishment: establishments.intern(code), admissionDay, dischargeDay };
}

/**
 * Stays of each record from an events table keyed by record id (one row per stay, as in the SNDS PMSI tables).
 * `recordIds[r]` is the id of record r; events of unknown ids are counted, not kept. Dates are any full-date
 * shape parsePartialDate reads (ISO, YYYYMMDD, DD/MM/YYYY, SAS DATE9).
 */
export function buildStaysFromEvents(
  recordIds: readonly string[],
  eventRows: Iterable<StayEvent>,
  options: BuildStaysOptions = {},
): HospitalStays {
  const establishments = options.establishments ?? new EstablishmentCodes();
  const recordOf = new Map<string, number>();
  for (let record = 0; record < recordIds.length; record++) recordOf.set(recordIds[record]!, record);
  const collector = new StayCollector();
  let unknownRecordEventCount = 0;
  let skippedEventCount = 0;
  let eventNumber = 0;
  for (const event of eventRows) {
    eventNumber++;
    const record = recordOf.get(event.id);
    if (record === undefined) {
      unknownRecordEventCount++;
      continue;
    }
    const stay = readStay(event.finess, event.admission, event.discharge, establishments);
    if (typeof stay === "string") {
      if (options.invalidEvents === "skip") {
        skippedEventCount++;
        continue;
      }
      throw new DataError("STAY_EVENT_INVALID", `Stay event ${eventNumber} ${PROBLEM_TEXT[stay]}.`, {
        hint: 'Fix or drop the event, or pass invalidEvents: "skip" to leave invalid events out.',
      });
    }
    collector.push(record, stay.establishment, stay.admissionDay, stay.dischargeDay);
  }
  return collector.finish(recordIds.length, establishments, { unknownRecordEventCount, skippedEventCount });
}

/** Separator between stays in a list-valued column, and between the three fields of a stay. */
export const STAY_SEPARATOR = ";";
export const STAY_FIELD_SEPARATOR = "|";

/**
 * Stays of each row from a list-valued column: "FINESS|admission|discharge" items separated by ";", e.g.
 * "750100042|2020-01-02|2020-01-05;690781810|2021-03-04|2021-03-04". Null or empty cells hold no stay. Each
 * distinct cell value is parsed once.
 */
export function buildStaysFromColumn(column: EncodedColumn, options: BuildStaysOptions = {}): HospitalStays {
  const establishments = options.establishments ?? new EstablishmentCodes();
  const parsed: (ParsedStayList | undefined)[] = new Array(column.dictionary.length);
  const collector = new StayCollector();
  let skippedEventCount = 0;
  for (let row = 0; row < column.codes.length; row++) {
    const code = column.codes[row]!;
    if (code === NULL_CODE) continue;
    let list = parsed[code];
    if (list === undefined) {
      const result = parseStayList(
        column.dictionary[code]!,
        establishments,
        options.invalidEvents === "skip",
      );
      if (typeof result === "string") {
        throw new DataError(
          "STAY_LIST_INVALID",
          `Row ${row + 1} of column "${column.name}": a stay ${result}.`,
          {
            hint: 'Write each stay as FINESS|YYYY-MM-DD|YYYY-MM-DD, separated by ";", or pass invalidEvents: "skip".',
          },
        );
      }
      parsed[code] = list = result;
    }
    for (const [establishment, admission, discharge] of list.stays) {
      collector.push(row, establishment, admission, discharge);
    }
    // Skipped items count once per row holding them, like skipped events.
    skippedEventCount += list.skipped;
  }
  return collector.finish(column.codes.length, establishments, {
    unknownRecordEventCount: 0,
    skippedEventCount,
  });
}

interface ParsedStayList {
  readonly stays: readonly (readonly [establishment: number, admissionDay: number, dischargeDay: number])[];
  readonly skipped: number;
}

function parseStayList(
  value: string,
  establishments: EstablishmentCodes,
  skipInvalid: boolean,
): ParsedStayList | string {
  const stays: (readonly [number, number, number])[] = [];
  let skipped = 0;
  const items = value.split(STAY_SEPARATOR);
  for (let item = 0; item < items.length; item++) {
    const text = items[item]!.trim();
    if (text === "") continue;
    const fields = text.split(STAY_FIELD_SEPARATOR);
    const stay =
      fields.length === 3
        ? readStay(fields[0]!, fields[1]!, fields[2]!, establishments)
        : ("fields" as const);
    if (typeof stay === "string") {
      if (skipInvalid) {
        skipped++;
        continue;
      }
      return stay === "fields"
        ? `(item ${item + 1}) does not have three fields FINESS|admission|discharge`
        : `(item ${item + 1}) ${PROBLEM_TEXT[stay]}`;
    }
    stays.push([stay.establishment, stay.admissionDay, stay.dischargeDay]);
  }
  return { stays, skipped };
}

/**
 * Stays of each distinct value of a list-valued column (same format as `buildStaysFromColumn`), indexed by the
 * value's code rather than by row: record c of the result holds the stays of `column.dictionary[c]`. This is
 * what a comparison needs, since it compares distinct values; each value is parsed once.
 */
export function buildStaysOfValues(column: EncodedColumn, options: BuildStaysOptions = {}): HospitalStays {
  // Blocking, counting and comparing all read the same column: parse it once while the column lives.
  const shareable = options.establishments === undefined && options.invalidEvents === undefined;
  const cached = shareable ? staysOfColumns.get(column) : undefined;
  if (cached !== undefined) return cached;
  const stays = parseStaysOfValues(column, options);
  if (shareable) staysOfColumns.set(column, stays);
  return stays;
}

const staysOfColumns = new WeakMap<EncodedColumn, HospitalStays>();

function parseStaysOfValues(column: EncodedColumn, options: BuildStaysOptions): HospitalStays {
  const establishments = options.establishments ?? new EstablishmentCodes();
  const collector = new StayCollector();
  let skippedEventCount = 0;
  column.dictionary.forEach((value, code) => {
    const result = parseStayList(value, establishments, options.invalidEvents === "skip");
    if (typeof result === "string") {
      const row = column.codes.indexOf(code);
      throw new DataError(
        "STAY_LIST_INVALID",
        `${row < 0 ? `A value of column "${column.name}"` : `Row ${row + 1} of column "${column.name}"`}: a stay ${result}.`,
        {
          hint: 'Write each stay as FINESS|YYYY-MM-DD|YYYY-MM-DD, separated by ";", or pass invalidEvents: "skip".',
        },
      );
    }
    for (const [establishment, admission, discharge] of result.stays) {
      collector.push(code, establishment, admission, discharge);
    }
    skippedEventCount += result.skipped;
  });
  return collector.finish(column.dictionary.length, establishments, {
    unknownRecordEventCount: 0,
    skippedEventCount,
  });
}
