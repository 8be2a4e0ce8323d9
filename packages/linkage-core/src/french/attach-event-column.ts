// Hospital stays read from an events table (one row per stay, as the SNDS stores them) folded into one
// list-valued column of the records' dataset: "FINESS|admission|discharge;…", what stay levels and keys read.
import { formatDayNumber } from "../calendar/day-number.js";
import { ColumnEncoder, type Dataset, type EncodedColumn, NULL_CODE } from "../data/dataset.js";
import { DataError } from "../errors.js";
import { parseDayNumber } from "./french-dates.js";
import { STAY_FIELD_SEPARATOR, STAY_SEPARATOR } from "./hospital-stays.js";

export interface AttachEventColumnOptions {
  /** Column of the events holding the record id (matched against the dataset's ids). */
  readonly idColumn: string;
  readonly finessColumn: string;
  readonly admissionColumn: string;
  readonly dischargeColumn: string;
  /** Name of the list-valued column added to the dataset (default "stays"). */
  readonly column?: string;
  /** What to do with an event whose FINESS is empty or whose dates are unreadable or reversed. Default "error". */
  readonly invalidEvents?: "error" | "skip";
}

export interface AttachedEvents {
  /** The dataset with the stays column added (null for a record without stays). */
  readonly dataset: Dataset;
  /** Events whose record id is not in the dataset (normal when the events cover a wider population). */
  readonly unknownRecordEventCount: number;
  /** Invalid events left out, with `invalidEvents: "skip"`. */
  readonly skippedEventCount: number;
  /** Records holding at least one stay. */
  readonly recordsWithEvents: number;
}

/**
 * Adds to `dataset` a column listing each record's stays from `events` (one row per stay, keyed by record id):
 * "FINESS|YYYY-MM-DD|YYYY-MM-DD" items joined by ";", sorted by admission day, then FINESS, then discharge day
 * (so the same stays always give the same text), exact repeats kept once. Dates are read in any full-date shape
 * parsePartialDate accepts and written as ISO dates. Throws DataError (`EVENTS_COLUMN_MISSING`,
 * `EVENTS_COLUMN_EXISTS`, `STAY_EVENT_INVALID` with the event's row) rather than guess.
 */
export function attachEventColumn(
  dataset: Dataset,
  events: Dataset,
  options: AttachEventColumnOptions,
): AttachedEvents {
  const target = options.column ?? "stays";
  if (dataset.columns.has(target)) {
    throw new DataError(
      "EVENTS_COLUMN_EXISTS",
      `dataset "${dataset.name}" already has a column "${target}", which the events would replace.`,
      { hint: 'Name the stays column otherwise with the events\' "column" option.' },
    );
  }
  const [ids, finess, admissions, discharges] = [
    options.idColumn,
    options.finessColumn,
    options.admissionColumn,
    options.dischargeColumn,
  ].map((name) => eventColumn(events, name));
  const recordOfId = recordOfEventId(dataset, ids!);
  const days = new DayReader(admissions!, discharges!);
  const collected = collectStays(events.rowCount, {
    recordOfId,
    ids: ids!,
    finess: finess!,
    days,
    skipInvalid: options.invalidEvents === "skip",
    eventsName: events.name,
  });
  const column = encodeStayLists(target, dataset.rowCount, collected, finess!.dictionary);
  const columns = new Map(dataset.columns);
  columns.set(target, column.encoded);
  return {
    dataset: { ...dataset, columns },
    unknownRecordEventCount: collected.unknownRecordEventCount,
    skippedEventCount: collected.skippedEventCount,
    recordsWithEvents: column.recordsWithEvents,
  };
}

function eventColumn(events: Dataset, name: string): EncodedColumn {
  const column = events.columns.get(name);
  if (column === undefined) {
    throw new DataError(
      "EVENTS_COLUMN_MISSING",
      `the events "${events.name}" have no column "${name}" (columns: ${[...events.columns.keys()].join(", ")}).`,
      {
        hint: "Check the column names given for the events file (idColumn, finessColumn, admissionColumn, dischargeColumn).",
      },
    );
  }
  return column;
}

/** For each distinct id of the events, the dataset row with that id, or -1: one map lookup per distinct id. */
function recordOfEventId(dataset: Dataset, ids: EncodedColumn): Int32Array {
  const rowOfId = new Map<string, number>();
  dataset.ids.forEach((id, row) => {
    rowOfId.set(id, row);
  });
  return Int32Array.from(ids.dictionary, (id) => rowOfId.get(id) ?? -1);
}

/** Day numbers of the distinct admission and discharge values, each parsed once (NaN when unreadable). */
class DayReader {
  readonly admissionDays: Float64Array;
  readonly dischargeDays: Float64Array;

  constructor(
    readonly admissions: EncodedColumn,
    readonly discharges: EncodedColumn,
  ) {
    const parse = (value: string) => parseDayNumber(value) ?? Number.NaN;
    this.admissionDays = Float64Array.from(admissions.dictionary, parse);
    this.dischargeDays = Float64Array.from(discharges.dictionary, parse);
  }
}

interface CollectInput {
  readonly recordOfId: Int32Array;
  readonly ids: EncodedColumn;
  readonly finess: EncodedColumn;
  readonly days: DayReader;
  readonly skipInvalid: boolean;
  readonly eventsName: string;
}

interface CollectedStays {
  readonly count: number;
  readonly records: Int32Array;
  readonly establishments: Int32Array;
  readonly admissionDays: Int32Array;
  readonly dischargeDays: Int32Array;
  readonly unknownRecordEventCount: number;
  readonly skippedEventCount: number;
}

function collectStays(eventCount: number, input: CollectInput): CollectedStays {
  const { recordOfId, ids, finess, days } = input;
  const records = new Int32Array(eventCount);
  const establishments = new Int32Array(eventCount);
  const admissionDays = new Int32Array(eventCount);
  const dischargeDays = new Int32Array(eventCount);
  let count = 0;
  let unknownRecordEventCount = 0;
  let skippedEventCount = 0;
  for (let event = 0; event < eventCount; event++) {
    const idCode = ids.codes[event]!;
    const record = idCode === NULL_CODE ? -1 : recordOfId[idCode]!;
    if (record < 0) {
      unknownRecordEventCount++;
      continue;
    }
    const problem = eventProblem(event, finess, days);
    if (problem !== null) {
      if (input.skipInvalid) {
        skippedEventCount++;
        continue;
      }
      throw new DataError(
        "STAY_EVENT_INVALID",
        `Row ${event + 1} of the events "${input.eventsName}" ${problem}.`,
        {
          hint: 'Fix or drop the event, or set invalidEvents to "skip" to leave invalid events out.',
        },
      );
    }
    records[count] = record;
    establishments[count] = finess.codes[event]!;
    admissionDays[count] = days.admissionDays[days.admissions.codes[event]!]!;
    dischargeDays[count] = days.dischargeDays[days.discharges.codes[event]!]!;
    count++;
  }
  return {
    count,
    records,
    establishments,
    admissionDays,
    dischargeDays,
    unknownRecordEventCount,
    skippedEventCount,
  };
}

function eventProblem(event: number, finess: EncodedColumn, days: DayReader): string | null {
  if (finess.codes[event] === NULL_CODE || finess.dictionary[finess.codes[event]!]!.trim() === "") {
    return "has an empty FINESS";
  }
  const admissionCode = days.admissions.codes[event]!;
  const dischargeCode = days.discharges.codes[event]!;
  const admission = admissionCode === NULL_CODE ? Number.NaN : days.admissionDays[admissionCode]!;
  const discharge = dischargeCode === NULL_CODE ? Number.NaN : days.dischargeDays[dischargeCode]!;
  if (Number.isNaN(admission)) return "has a missing or unreadable admission date";
  if (Number.isNaN(discharge)) return "has a missing or unreadable discharge date";
  if (discharge < admission) return "has a discharge date before its admission date";
  return null;
}

/** Each record's stays sorted and written as text, interned as a column (records without stays are null). */
function encodeStayLists(
  name: string,
  recordCount: number,
  stays: CollectedStays,
  finessValues: readonly string[],
): { encoded: EncodedColumn; recordsWithEvents: number } {
  const order = Uint32Array.from({ length: stays.count }, (_, index) => index);
  const finessText = finessValues.map((value) => value.trim().toUpperCase());
  const { records, establishments, admissionDays, dischargeDays } = stays;
  order.sort(
    (left, right) =>
      records[left]! - records[right]! ||
      admissionDays[left]! - admissionDays[right]! ||
      compareText(finessText[establishments[left]!]!, finessText[establishments[right]!]!) ||
      dischargeDays[left]! - dischargeDays[right]!,
  );
  const dayText = new Map<number, string>();
  const day = (value: number) => {
    let text = dayText.get(value);
    if (text === undefined) dayText.set(value, (text = formatDayNumber(value)));
    return text;
  };
  const encoder = new ColumnEncoder(name, recordCount);
  let position = 0;
  let recordsWithEvents = 0;
  for (let record = 0; record < recordCount; record++) {
    const items: string[] = [];
    let previous = "";
    while (position < order.length && records[order[position]!] === record) {
      const index = order[position++]!;
      const item = `${finessText[establishments[index]!]}${STAY_FIELD_SEPARATOR}${day(admissionDays[index]!)}${STAY_FIELD_SEPARATOR}${day(dischargeDays[index]!)}`;
      if (item !== previous) items.push(item);
      previous = item;
    }
    if (items.length > 0) recordsWithEvents++;
    encoder.push(items.length === 0 ? null : items.join(STAY_SEPARATOR));
  }
  return { encoded: encoder.finish(), recordsWithEvents };
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
