// Behaviour of the Cnam deterministic baseline on hand-made registry → SNDS examples, through the public barrel.
import { describe, expect, it } from "vitest";
import {
  type CnamBaselineOptions,
  type ColumnCriterion,
  type DeterministicLinks,
  hospitalStayCriterion,
  linkDeterministically,
} from "../src/baseline/index.js";
import { type CombinedDataset, combineDatasets, datasetFromRecords } from "../src/data/dataset.js";
import { DataError, SpecError } from "../src/errors.js";
import { buildStaysFromEvents, EstablishmentCodes, type StayEvent } from "../src/french/index.js";

type Row = Readonly<Record<string, string | null>>;

const COLUMNS = ["sex", "birth", "commune", "death"];
const SEX: ColumnCriterion = { name: "sex", keys: [{ column: "sex" }] };
// Registries hold full birth dates, the SNDS only the year-month: compare on the year-month of both.
const BIRTH: ColumnCriterion = {
  name: "birth",
  keys: [{ column: "birth", transform: { kind: "yearMonth" } }],
};
const COMMUNE: ColumnCriterion = { name: "commune", keys: [{ column: "commune" }] };
const DEATH: ColumnCriterion = { name: "death", keys: [{ column: "death" }] };

function combine(registry: readonly Row[], snds: readonly Row[], columns = COLUMNS): CombinedDataset {
  return combineDatasets([
    datasetFromRecords("registry", registry, { idColumn: "id", columns }),
    datasetFromRecords("snds", snds, { idColumn: "id", columns }),
  ]);
}

/** Links as "registryId=sndsId@step". */
function describeLinks(dataset: CombinedDataset, links: DeterministicLinks): string[] {
  return [...links.left].map(
    (row, index) => `${dataset.ids[row]}=${dataset.ids[links.right[index]!]}@${links.step[index]}`,
  );
}

function run(registry: readonly Row[], snds: readonly Row[], options: CnamBaselineOptions) {
  const dataset = combine(registry, snds);
  const links = linkDeterministically(dataset, options);
  return { links, pairs: describeLinks(dataset, links), steps: links.steps };
}

const person = (id: string, sex: string, birth: string | null, commune: string | null, death = null) => ({
  id,
  sex,
  birth,
  commune,
  death,
});

describe("linkDeterministically: the exact join", () => {
  it("keeps a record that agrees on every criterion with exactly one record, and that record with it alone", () => {
    const { pairs, steps, links } = run(
      [person("R1", "1", "1980-05-17", "75056"), person("R2", "2", "1975-01-02", "69123")],
      [
        person("S1", "1", "1980-05", "75056"),
        person("S2", "2", "1975-01", "13055"),
        person("S3", "1", "1990-01", "75056"),
      ],
      { criteria: [SEX, BIRTH, COMMUNE], maxDroppedCriteria: 0 },
    );
    expect(pairs).toEqual(["R1=S1@0"]);
    expect(steps).toEqual([
      { criteria: ["sex", "birth", "commune"], dropped: [], links: 1, ambiguousRecords: 0 },
    ]);
    expect(links.left).toBeInstanceOf(Int32Array);
    expect(links.step).toBeInstanceOf(Uint16Array);
  });

  it("rejects two registry records agreeing with one SNDS record", () => {
    const { pairs, steps } = run(
      [person("R1", "1", "1980-05-17", "75056"), person("R2", "1", "1980-05-03", "75056")],
      [person("S1", "1", "1980-05", "75056")],
      { criteria: [SEX, BIRTH, COMMUNE], maxDroppedCriteria: 0 },
    );
    expect(pairs).toEqual([]);
    expect(steps[0]!.ambiguousRecords).toBe(3);
  });

  it("rejects one registry record agreeing with two SNDS records, such as twins", () => {
    const { pairs, steps } = run(
      [person("R1", "1", "1980-05-17", "75056")],
      [person("S1", "1", "1980-05", "75056"), person("S2", "1", "1980-05", "75056")],
      { criteria: [SEX, BIRTH, COMMUNE] },
    );
    // Dropping criteria only adds agreements, so an ambiguity of the exact join is never resolved here.
    expect(pairs).toEqual([]);
    expect(steps.map((step) => step.ambiguousRecords)).toEqual([3, 3, 3, 3]);
  });

  it("never lets two nulls agree", () => {
    const { pairs, steps } = run(
      [person("R1", "1", "1980-05-17", null), person("R2", "2", null, "69123")],
      [person("S1", "1", "1980-05", null), person("S2", "2", null, "69123")],
      { criteria: [SEX, BIRTH, COMMUNE] },
    );
    expect(steps[0]).toMatchObject({ links: 0, ambiguousRecords: 0 });
    // Dropping commune links R1, dropping birth links R2: the null criterion is no longer needed.
    expect(pairs).toEqual(["R1=S1@1", "R2=S2@2"]);
  });
});

describe("linkDeterministically: relaxation", () => {
  it("removes linked records before the next step", () => {
    const { pairs, steps } = run(
      [person("R1", "1", "1980-05-17", "75056"), person("R2", "1", "1980-05-03", "69123")],
      [person("S1", "1", "1980-05", "75056"), person("S2", "1", "1980-05", "13055")],
      { criteria: [SEX, BIRTH, COMMUNE] },
    );
    // Without commune, R2 would agree with both S1 and S2; S1 is already linked to R1, so R2–S2 is unique.
    expect(pairs).toEqual(["R1=S1@0", "R2=S2@1"]);
    expect(steps[1]).toEqual({
      criteria: ["sex", "birth"],
      dropped: ["commune"],
      links: 1,
      ambiguousRecords: 0,
    });
  });

  it("resolves an earlier ambiguity at a later step only when the agreement is unique then", () => {
    const columns = ["a", "b", "c"];
    const criteria = columns.map((column) => ({ name: column, keys: [{ column }] }));
    const registry = [
      { id: "A", a: "1", b: "1", c: "1" },
      { id: "B", a: "1", b: "1", c: "2" },
    ];
    const snds = [
      { id: "X", a: "1", b: "1", c: "3" },
      { id: "Z", a: "1", b: "2", c: "2" },
      { id: "Y", a: "1", b: "9", c: "9" },
    ];
    const dataset = combine(registry, snds, columns);
    const links = linkDeterministically(dataset, { criteria, maxDroppedCriteria: 2 });
    expect(links.steps.map((step) => step.criteria.join("+"))).toEqual([
      "a+b+c",
      "a+b",
      "a+c",
      "b+c",
      "a",
      "b",
      "c",
    ]);
    // Step 1 (a+b): A and B both agree with X. Step 2 (a+c): B–Z is unique and B leaves. Step 4 (a): A
    // agrees with X and Y, still ambiguous. Step 5 (b): A agrees with X alone.
    expect(describeLinks(dataset, links)).toEqual(["B=Z@2", "A=X@5"]);
    expect(links.steps.map((step) => step.ambiguousRecords)).toEqual([0, 3, 0, 0, 3, 0, 0]);
  });

  it("runs the steps in a documented order, so that the order of the criteria decides between candidates", () => {
    const registry = [{ id: "R1", sex: "1", birth: "1980-05-17", commune: "75056", death: "2021-03-04" }];
    const snds = [
      { id: "S1", sex: "1", birth: "1980-05", commune: "75056", death: "2021-03-05" },
      { id: "S2", sex: "1", birth: "1980-05", commune: "13055", death: "2021-03-04" },
    ];
    const trusted = run(registry, snds, { criteria: [SEX, BIRTH, COMMUNE, DEATH] });
    expect(trusted.steps.map((step) => step.dropped)).toEqual([
      [],
      ["death"],
      ["commune"],
      ["birth"],
      ["sex"],
    ]);
    // Death is dropped before commune: R1 agrees with S1 on sex, birth and commune.
    expect(trusted.pairs).toEqual(["R1=S1@1"]);
    const reordered = run(registry, snds, { criteria: [SEX, BIRTH, DEATH, COMMUNE] });
    expect(reordered.pairs).toEqual(["R1=S2@1"]);
    // The same input and options always give the same links.
    expect(run(registry, snds, { criteria: [SEX, BIRTH, COMMUNE, DEATH] }).pairs).toEqual(trusted.pairs);
  });

  it("never drops a required criterion", () => {
    const registry = [person("R1", "1", "1980-05-17", "75056")];
    const snds = [person("S1", "2", "1980-05", "75056")];
    expect(run(registry, snds, { criteria: [SEX, BIRTH, COMMUNE] }).pairs).toEqual(["R1=S1@3"]);
    const required = run(registry, snds, { criteria: [{ ...SEX, required: true }, BIRTH, COMMUNE] });
    expect(required.pairs).toEqual([]);
    expect(required.steps.map((step) => step.dropped)).toEqual([[], ["commune"], ["birth"]]);
  });

  it("reports progress after each step", () => {
    const calls: [number, number][] = [];
    run([person("R1", "1", "1980-05-17", "75056")], [person("S1", "1", "1980-05", "75056")], {
      criteria: [SEX, BIRTH, COMMUNE],
      onProgress: (step, steps) => calls.push([step, steps]),
    });
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it("gives left rows from source 0 and right rows from source 1, the registry given first or second", () => {
    const registry = [person("R1", "1", "1980-05-17", "75056"), person("R2", "2", "1975-01-02", "69123")];
    const snds = [person("S1", "2", "1975-01", "69123"), person("S2", "1", "1980-05", "75056")];
    const dataset = combine(snds, registry);
    const links = linkDeterministically(dataset, { criteria: [SEX, BIRTH, COMMUNE] });
    expect(describeLinks(dataset, links)).toEqual(["S1=R2@0", "S2=R1@0"]);
    for (const row of links.left) expect(dataset.sourceOf[row]).toBe(0);
    for (const row of links.right) expect(dataset.sourceOf[row]).toBe(1);
  });
});

describe("linkDeterministically: hospital stays", () => {
  const establishments = new EstablishmentCodes();
  const registry = [person("R1", "1", "1980-05-17", "75056"), person("R2", "1", "1980-05-29", "75056")];
  const snds = [person("T1", "1", "1980-05", "75056"), person("T2", "1", "1980-05", "75056")];
  const stay = (id: string, finess: string, admission: string, discharge: string): StayEvent => ({
    id,
    finess,
    admission,
    discharge,
  });
  // Twins: the same sex, birth month and commune; only their stays tell them apart.
  const registryStays = buildStaysFromEvents(
    ["R1", "R2"],
    [
      stay("R1", "750100042", "2020-01-02", "2020-01-05"),
      stay("R2", "690781810", "2021-03-04", "2021-03-04"),
    ],
    { establishments },
  );
  const sndsStays = buildStaysFromEvents(
    ["T1", "T2"],
    [
      stay("T1", "750100042", "2020-01-03", "2020-01-05"),
      stay("T1", "130786049", "2019-07-01", "2019-07-09"),
      stay("T2", "690781810", "2021-03-04", "2021-03-04"),
    ],
    { establishments },
  );

  it("links twins apart when a stay is shared, within the admission window", () => {
    const dataset = combine(registry, snds);
    const stays = hospitalStayCriterion({ left: registryStays, right: sndsStays, admissionWindowDays: 1 });
    const links = linkDeterministically(dataset, { criteria: [SEX, BIRTH, COMMUNE, stays] });
    expect(describeLinks(dataset, links)).toEqual(["R1=T1@0", "R2=T2@0"]);
    expect(links.steps[0]!.criteria).toEqual(["sex", "birth", "commune", "hospitalStay"]);
  });

  it("needs the same admission day without a window, and cannot tell twins apart without stays", () => {
    const dataset = combine(registry, snds);
    const stays = hospitalStayCriterion({ left: registryStays, right: sndsStays, name: "stay" });
    const links = linkDeterministically(dataset, { criteria: [SEX, BIRTH, COMMUNE, stays] });
    // R1's stay was admitted a day before T1's: only R2–T2 agrees at step 0; then R1–T1 is unique without
    // the stay criterion because T2 is already linked.
    expect(describeLinks(dataset, links)).toEqual(["R2=T2@0", "R1=T1@1"]);
    const withoutStays = linkDeterministically(dataset, { criteria: [SEX, BIRTH, COMMUNE] });
    expect(withoutStays.left).toHaveLength(0);
    expect(withoutStays.steps[0]!.ambiguousRecords).toBe(4);
  });
});

describe("linkDeterministically: bad input", () => {
  const dataset = combine(
    [person("R1", "1", "1980-05-17", "75056")],
    [person("S1", "1", "1980-05", "75056")],
  );

  it("reports a missing criteria list as a spec error", () => {
    const error = catchError(() => linkDeterministically(dataset, { criteria: [] }));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues.map((issue) => issue.jsonPath)).toEqual(["$.criteria"]);
  });

  it("lists every spec problem at once, with criterion paths", () => {
    const error = catchError(() =>
      linkDeterministically(dataset, {
        criteria: [
          SEX,
          { name: "sex", keys: [{ column: "birth", transform: { kind: "prefix", length: 0 } }] },
          { name: "empty", keys: [] },
        ],
        maxDroppedCriteria: 3,
      }),
    ) as SpecError;
    expect(error).toBeInstanceOf(SpecError);
    expect(error.code).toBe("SPEC_INVALID");
    expect(error.issues.map((issue) => issue.jsonPath)).toEqual([
      "$.criteria[1].name",
      "$.criteria[1].keys[0].transform.length",
      "$.criteria[2].keys",
      "$.maxDroppedCriteria",
    ]);
  });

  it("refuses a dataset without exactly two sources", () => {
    const three = combineDatasets([
      datasetFromRecords("a", [person("A1", "1", null, null)], { idColumn: "id", columns: COLUMNS }),
      datasetFromRecords("b", [person("B1", "1", null, null)], { idColumn: "id", columns: COLUMNS }),
      datasetFromRecords("c", [person("C1", "1", null, null)], { idColumn: "id", columns: COLUMNS }),
    ]);
    expect(codeOf(() => linkDeterministically(three, { criteria: [SEX] }))).toBe("BASELINE_SOURCE_COUNT");
    const single = datasetFromRecords("a", [person("A1", "1", null, null)], { idColumn: "id" });
    expect(codeOf(() => linkDeterministically(single as CombinedDataset, { criteria: [SEX] }))).toBe(
      "BASELINE_SOURCES_MISSING",
    );
  });

  it("names every unknown column with its criterion path", () => {
    const error = catchError(() =>
      linkDeterministically(dataset, {
        criteria: [SEX, { name: "name", keys: [{ column: "surname" }, { column: "first_name" }] }],
      }),
    );
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe("BASELINE_COLUMN_MISSING");
    expect((error as DataError).message).toContain("$.criteria[1].keys[0].column");
    expect((error as DataError).message).toContain("$.criteria[1].keys[1].column");
  });

  it("refuses key sets that do not cover every row", () => {
    expect(
      codeOf(() => linkDeterministically(dataset, { criteria: [SEX, { name: "stays", keySets: [["A"]] }] })),
    ).toBe("BASELINE_KEY_SETS_LENGTH");
    const offsets = Int32Array.from([0, 2, 1]);
    const keySets = { offsets, codes: Int32Array.from([5, 6]) };
    expect(
      codeOf(() => linkDeterministically(dataset, { criteria: [SEX, { name: "stays", keySets }] })),
    ).toBe("BASELINE_KEY_SETS_INVALID");
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

function codeOf(action: () => unknown): string | undefined {
  return (catchError(action) as { code?: string }).code;
}
