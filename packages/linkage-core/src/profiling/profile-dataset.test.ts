import { describe, expect, it } from "vitest";
import { datasetFromRecords } from "../data/dataset.js";
import { profileDataset } from "./profile-dataset.js";

const dataset = datasetFromRecords(
  "people",
  [
    { id: "1", name: "MARIE", sex: "2" },
    { id: "2", name: "MARIE", sex: "2" },
    { id: "3", name: "JEAN", sex: null },
    { id: "4", name: null, sex: "1" },
  ],
  { idColumn: "id" },
);

describe("profileDataset", () => {
  it("counts completeness, distinct and most frequent values", () => {
    const [name, sex] = profileDataset(dataset, { topValues: 1 });
    expect(name).toMatchObject({
      column: "name",
      rows: 4,
      nonNull: 3,
      completeness: 0.75,
      distinctValues: 2,
    });
    expect(name!.topValues).toEqual([{ value: "MARIE", count: 2 }]);
    expect(name!.minLength).toBe(4);
    expect(name!.maxLength).toBe(5);
    expect(name!.meanLength).toBeCloseTo(14 / 3);
    expect(sex!.topCount).toBe(2);
  });

  it("hides values on request but keeps the counts", () => {
    const [name] = profileDataset(dataset, { hideValues: true });
    expect(name!.topValues).toEqual([]);
    expect(name!.topCount).toBe(2);
  });
});
