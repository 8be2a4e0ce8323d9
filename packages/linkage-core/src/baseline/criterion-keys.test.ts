import { describe, expect, it } from "vitest";
import { datasetFromRecords, NULL_CODE } from "../data/dataset.js";
import { encodeCriterion } from "./criterion-keys.js";

const people = datasetFromRecords(
  "people",
  [
    { id: "1", sex: "1", birth: "1980-05-17" },
    { id: "2", sex: "2", birth: "1980-05" },
    { id: "3", sex: "1", birth: null },
  ],
  { idColumn: "id" },
);

describe("encodeCriterion", () => {
  it("gives a column criterion one code per row, null when any key is null", () => {
    const keys = encodeCriterion(people, {
      name: "birth",
      keys: [{ column: "birth", transform: { kind: "yearMonth" } }],
    });
    if (keys.kind !== "columns") throw new Error("expected column keys");
    expect(keys.codes[0]).toBe(keys.codes[1]);
    expect(keys.codes[2]).toBe(NULL_CODE);
  });

  it("combines several keys exactly", () => {
    const keys = encodeCriterion(people, {
      name: "sexAndBirth",
      keys: [{ column: "sex" }, { column: "birth", transform: { kind: "yearMonth" } }],
    });
    if (keys.kind !== "columns") throw new Error("expected column keys");
    expect(keys.codes[0]).not.toBe(keys.codes[1]);
    expect(keys.codes[2]).toBe(NULL_CODE);
  });

  it("renumbers integer key sets densely, keeping each key of a row once", () => {
    const keys = encodeCriterion(people, {
      name: "stays",
      keySets: { offsets: Int32Array.from([0, 3, 3, 5]), codes: Int32Array.from([-40, 900, -40, 7, 900]) },
    });
    if (keys.kind !== "keySets") throw new Error("expected key sets");
    expect([...keys.offsets]).toEqual([0, 2, 2, 4]);
    expect([...keys.codes]).toEqual([0, 1, 2, 1]);
  });

  it("interns key sets, keeping each key of a row once and ignoring empty keys", () => {
    const keys = encodeCriterion(people, {
      name: "stays",
      keySets: [["A|2020-01-01", "B|2020-02-02", "A|2020-01-01"], [], ["", "B|2020-02-02"]],
    });
    if (keys.kind !== "keySets") throw new Error("expected key sets");
    expect([...keys.offsets]).toEqual([0, 2, 2, 3]);
    expect([...keys.codes]).toEqual([0, 1, 1]);
  });
});
