import { describe, expect, it } from "vitest";
import { formatDayNumber } from "../calendar/day-number.js";
import { ColumnEncoder } from "../data/dataset.js";
import { DataError } from "../errors.js";
import {
  buildStaysFromColumn,
  buildStaysFromEvents,
  EstablishmentCodes,
  type HospitalStays,
  type StayEvent,
} from "./hospital-stays.js";

function staysOf(stays: HospitalStays, record: number): string[] {
  const result: string[] = [];
  for (let stay = stays.offsets[record]!; stay < stays.offsets[record + 1]!; stay++) {
    const finess = stays.establishmentDictionary[stays.establishments[stay]!];
    result.push(
      `${finess}|${formatDayNumber(stays.admissionDays[stay]!)}|${formatDayNumber(stays.dischargeDays[stay]!)}`,
    );
  }
  return result;
}

const events: StayEvent[] = [
  { id: "b", finess: "690781810", admission: "2021-03-04", discharge: "2021-03-04" },
  { id: "a", finess: "750100042", admission: "2020-01-02", discharge: "2020-01-05" },
  { id: "a", finess: "750100042", admission: "02/01/2019", discharge: "20190110" },
  { id: "x", finess: "750100042", admission: "2020-01-02", discharge: "2020-01-05" },
  { id: "a", finess: " 750100042 ", admission: "02JAN2020", discharge: "2020-01-05" },
];

describe("buildStaysFromEvents", () => {
  it("groups events by record, sorts them by admission and drops exact duplicates", () => {
    const stays = buildStaysFromEvents(["a", "b", "c"], events);
    expect(stays.recordCount).toBe(3);
    expect([...stays.offsets]).toEqual([0, 2, 3, 3]);
    expect(staysOf(stays, 0)).toEqual(["750100042|2019-01-02|2019-01-10", "750100042|2020-01-02|2020-01-05"]);
    expect(staysOf(stays, 1)).toEqual(["690781810|2021-03-04|2021-03-04"]);
    expect(staysOf(stays, 2)).toEqual([]);
    expect(stays.unknownRecordEventCount).toBe(1);
    expect(stays.skippedEventCount).toBe(0);
  });

  it("shares establishment codes between two builds given the same EstablishmentCodes", () => {
    const establishments = new EstablishmentCodes();
    const left = buildStaysFromEvents(["a"], events, { establishments });
    const right = buildStaysFromEvents(["b"], events, { establishments });
    expect(left.establishmentDictionary).toBe(right.establishmentDictionary);
    expect(establishments.dictionary).toEqual(["750100042", "690781810"]);
  });

  it("reports an invalid event by position, without its values", () => {
    const bad = [
      ...events,
      { id: "a", finess: "750100042", admission: "2020-01-09", discharge: "2020-01-02" },
    ];
    try {
      buildStaysFromEvents(["a"], bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe("STAY_EVENT_INVALID");
      expect((error as DataError).message).toBe(
        "Stay event 6 has a discharge date before its admission date.",
      );
    }
    expect(() =>
      buildStaysFromEvents(["a"], [{ id: "a", finess: "", admission: "", discharge: "" }]),
    ).toThrow("empty FINESS");
  });

  it("skips invalid events when asked and counts them", () => {
    const bad: StayEvent[] = [
      ...events,
      { id: "a", finess: "750100042", admission: "2020-13-01", discharge: "2020-01-02" },
      { id: "b", finess: "750100042", admission: "2020-01-01", discharge: "soon" },
    ];
    const stays = buildStaysFromEvents(["a", "b"], bad, { invalidEvents: "skip" });
    expect(stays.skippedEventCount).toBe(2);
    expect(staysOf(stays, 0)).toHaveLength(2);
  });
});

describe("buildStaysFromColumn", () => {
  function column(values: (string | null)[]) {
    const encoder = new ColumnEncoder("stays");
    for (const value of values) encoder.push(value);
    return encoder.finish();
  }

  it("reads FINESS|admission|discharge items separated by semicolons", () => {
    const list = "750100042|2020-01-02|2020-01-05; 690781810|2021-03-04|2021-03-04;";
    const stays = buildStaysFromColumn(column([list, null, "", list]));
    expect(staysOf(stays, 0)).toEqual(["750100042|2020-01-02|2020-01-05", "690781810|2021-03-04|2021-03-04"]);
    expect(staysOf(stays, 1)).toEqual([]);
    expect(staysOf(stays, 2)).toEqual([]);
    expect(staysOf(stays, 3)).toEqual(staysOf(stays, 0));
  });

  it("names the row and item of a malformed stay", () => {
    const values = [
      "750100042|2020-01-02|2020-01-05",
      "750100042|2020-01-02|2020-01-05;750100042|2020-01-02",
    ];
    expect(() => buildStaysFromColumn(column(values))).toThrow(
      'Row 2 of column "stays": a stay (item 2) does not have three fields FINESS|admission|discharge.',
    );
  });

  it("skips malformed items when asked, once per row holding them", () => {
    const value = "750100042|2020-01-02|2020-01-05;750100042|2020-01-02";
    const stays = buildStaysFromColumn(column([value, value]), { invalidEvents: "skip" });
    expect(stays.skippedEventCount).toBe(2);
    expect(staysOf(stays, 1)).toEqual(["750100042|2020-01-02|2020-01-05"]);
  });
});
