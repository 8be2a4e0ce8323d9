import { describe, expect, it } from "vitest";
import { RecordIndex, UNKNOWN_SOURCE } from "./record-index.js";

describe("RecordIndex", () => {
  it("keeps the same id of two sources apart when keyed by source", () => {
    const records = new RecordIndex(true);
    const id = records.idCode("17");
    const a = records.record(id, records.sourceCode("cohort"));
    const b = records.record(id, records.sourceCode("snds"));
    expect(a).not.toBe(b);
    expect(records.find("17", "snds")).toBe(b);
    expect(records.find("17", "other")).toBe(-1);
    expect(records.sourceNameOf(a)).toBe("cohort");
  });

  it("matches by id alone, learning a record's source from whichever file names it", () => {
    const records = new RecordIndex(false);
    const id = records.idCode("rec-1");
    const first = records.record(id, UNKNOWN_SOURCE);
    expect(records.sourceOf()[first]).toBe(UNKNOWN_SOURCE);
    expect(records.record(id, records.sourceCode("febrl4a"))).toBe(first);
    expect(records.sourceNameOf(first)).toBe("febrl4a");
    expect(records.count).toBe(1);
  });

  it("refuses an id seen in two sources when records are matched by id alone", () => {
    const records = new RecordIndex(false);
    const id = records.idCode("1");
    records.record(id, records.sourceCode("a"));
    expect(() => records.record(id, records.sourceCode("b"))).toThrow(
      /RESULT_ID_IN_TWO_SOURCES|two sources|sources "a" and "b"/,
    );
  });

  it("grows past its first allocation", () => {
    const records = new RecordIndex(true);
    for (let index = 0; index < 3000; index++) records.record(records.idCode(String(index)), 0);
    expect(records.count).toBe(3000);
    expect(records.idOf(2999)).toBe("2999");
  });
});
