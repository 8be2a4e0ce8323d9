import { describe, expect, it } from "vitest";
import { cellValue, datasetFromRecords } from "../data/dataset.js";
import { DataError } from "../errors.js";
import { attachEventColumn } from "./attach-event-column.js";
import { buildStaysFromColumn } from "./hospital-stays.js";

const persons = datasetFromRecords(
  "persons",
  [
    { id: "A", sex: "1" },
    { id: "B", sex: "2" },
    { id: "C", sex: "2" },
  ],
  { idColumn: "id" },
);

function events(rows: readonly (readonly [string, string, string, string])[]) {
  return datasetFromRecords(
    "stays",
    rows.map(([id, finess, admission, discharge], index) => ({
      row: String(index + 1),
      id,
      finess,
      admission,
      discharge,
    })),
    { idColumn: "row" },
  );
}

const columns = {
  idColumn: "id",
  finessColumn: "finess",
  admissionColumn: "admission",
  dischargeColumn: "discharge",
} as const;

describe("attachEventColumn", () => {
  it("folds one row per stay into a sorted list per record, nulls for records without stays", () => {
    const result = attachEventColumn(
      persons,
      events([
        ["B", "690000002", "2021-03-04", "2021-03-09"],
        ["A", "750000001", "2020-01-02", "2020-01-05"],
        ["B", "130000003", "04/03/2021", "04/03/2021"],
        ["B", "130000003", "2019-12-31", "2020-01-01"],
        ["Z", "750000001", "2020-01-02", "2020-01-05"],
        ["A", "750000001", "20200102", "20200105"],
      ]),
      columns,
    );
    const stays = result.dataset.columns.get("stays")!;
    expect([0, 1, 2].map((row) => cellValue(stays, row))).toEqual([
      "750000001|2020-01-02|2020-01-05",
      "130000003|2019-12-31|2020-01-01;130000003|2021-03-04|2021-03-04;690000002|2021-03-04|2021-03-09",
      null,
    ]);
    expect(result.unknownRecordEventCount).toBe(1);
    expect(result.skippedEventCount).toBe(0);
    expect(result.recordsWithEvents).toBe(2);
    // The other columns and ids are kept, and the list parses back into the same stays.
    expect(result.dataset.columns.get("sex")).toBe(persons.columns.get("sex"));
    expect(result.dataset.ids).toEqual(persons.ids);
    const parsed = buildStaysFromColumn(stays);
    expect(parsed.offsets[2]! - parsed.offsets[1]!).toBe(3);
  });

  it("names the column as asked", () => {
    const result = attachEventColumn(persons, events([["C", "750000001", "2020-01-02", "2020-01-02"]]), {
      ...columns,
      column: "hospital_stays",
    });
    expect(cellValue(result.dataset.columns.get("hospital_stays")!, 2)).toBe(
      "750000001|2020-01-02|2020-01-02",
    );
  });

  it("reports an invalid event by its row, or skips it when asked", () => {
    const bad = events([
      ["A", "750000001", "2020-01-02", "2020-01-05"],
      ["A", "750000001", "2020-01-09", "2020-01-05"],
      ["B", "", "2020-01-02", "2020-01-05"],
      ["C", "750000001", "not a date", "2020-01-05"],
    ]);
    expect(() => attachEventColumn(persons, bad, columns)).toThrow(
      /Row 2 of the events "stays" has a discharge date before/,
    );
    const skipped = attachEventColumn(persons, bad, { ...columns, invalidEvents: "skip" });
    expect(skipped.skippedEventCount).toBe(3);
    expect(skipped.recordsWithEvents).toBe(1);
  });

  it("refuses a missing events column and an existing target column", () => {
    const stays = events([["A", "750000001", "2020-01-02", "2020-01-05"]]);
    try {
      attachEventColumn(persons, stays, { ...columns, finessColumn: "establishment" });
      expect.unreachable();
    } catch (error) {
      expect((error as DataError).code).toBe("EVENTS_COLUMN_MISSING");
    }
    expect(() => attachEventColumn(persons, stays, { ...columns, column: "sex" })).toThrow(DataError);
  });
});
