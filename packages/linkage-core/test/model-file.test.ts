import { describe, expect, it } from "vitest";
import type { LinkageError } from "../src/errors.js";
import { ModelError } from "../src/errors.js";
import type { ModelParameters } from "../src/estimation/types.js";
import { checkModelFitsData } from "../src/model/check-model-fits-data.js";
import { createModelFile, type ModelFile, type TrainingSummary } from "../src/model/model-file.js";
import { ModelFileError } from "../src/model/model-file-error.js";
import { parseModelFile } from "../src/model/parse-model-file.js";
import { serializeModel } from "../src/model/serialize-model.js";
import type { LinkageSpec } from "../src/spec/types.js";

const spec: LinkageSpec = {
  linkType: "link",
  comparisons: [
    {
      name: "surname",
      columns: ["nom"],
      levels: [
        { kind: "null" },
        { kind: "exact", termFrequency: true },
        { kind: "similarity", comparator: "jaroWinkler", threshold: 0.9 },
        { kind: "else" },
      ],
    },
    {
      name: "birth date",
      columns: ["date_naissance"],
      levels: [{ kind: "null" }, { kind: "exact" }, { kind: "dayMonthSwap" }, { kind: "else" }],
    },
  ],
  blockingRules: [{ keys: [{ column: "commune" }] }],
  training: {
    seed: 1,
    uSamplePairs: 100_000,
    maxIterations: 100,
    tolerance: 1e-6,
    estimateU: false,
    monotonic: true,
    deterministicRules: [{ keys: [{ column: "nir" }] }],
    deterministicRecall: 0.8,
  },
  threshold: { kind: "matchProbability", value: 0.9 },
  oneToOne: { method: "bestFirst", probability: "oneToOne" },
  maxCandidatePairs: 50_000_000,
};

const parameters: ModelParameters = {
  priorMatchProbability: 0.0004,
  comparisons: [
    {
      name: "surname",
      levelLabels: ["else", "jaro-winkler ≥ 0.9", "exact"],
      m: [0.05, 0.1, 0.85],
      u: [0.97, 0.02, 0.01],
    },
    {
      name: "birth date",
      levelLabels: ["else", "day/month swapped", "exact"],
      m: [0.04, 0.01, 0.95],
      u: [0.998, 0.0005, 0.0015],
    },
  ],
};

const training: TrainingSummary = {
  sessions: [
    {
      name: "commune",
      fixedComparisons: [],
      pairCount: 120_000,
      iterations: 14,
      converged: true,
      logLikelihood: -2.5e5,
    },
    {
      name: "date_naissance",
      fixedComparisons: ["birth date"],
      pairCount: 80_000,
      iterations: 100,
      converged: false,
    },
  ],
  uSampleSize: 100_000,
  priorSource: "deterministicRules",
  counts: { recordCount: 2000, candidatePairCount: 120_000, deterministicMatchCount: 640 },
  warnings: [{ code: "EM_NOT_CONVERGED", message: "EM stopped after 100 iterations without converging." }],
};

function errorOf(action: () => unknown): LinkageError {
  try {
    action();
  } catch (error) {
    return error as LinkageError;
  }
  throw new Error("expected an error");
}

describe("model files", () => {
  const model = createModelFile({ spec, parameters, training });

  it("round-trips through text unchanged", () => {
    const text = serializeModel(model);
    const parsed = parseModelFile(text, "model.json");
    expect(parsed).toEqual(model);
    expect(serializeModel(parsed)).toBe(text);
  });

  it("records version, kind, totals over sessions, and no record values", () => {
    expect(model.formatVersion).toBe(1);
    expect(model.kind).toBe("linkage-model");
    expect(model.createdBy).toBe("linkage-core");
    expect(model.training.iterations).toBe(114);
    expect(model.training.converged).toBe(false);
    expect(model.termFrequencyTables).toBeUndefined();
    expect("createdAt" in model).toBe(false);
  });

  it("serialises the same model identically whatever the key order it was built with", () => {
    const reordered = JSON.parse(JSON.stringify(model), (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as ModelFile;
    expect(serializeModel(reordered)).toBe(serializeModel(model));
    const text = serializeModel(model);
    expect(text.indexOf('"formatVersion"')).toBeLessThan(text.indexOf('"kind"'));
    expect(text).toContain('"m": [0.05, 0.1, 0.85]');
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("stores term-frequency tables only when given, as value → frequency", () => {
    const withTables = createModelFile({
      spec,
      parameters,
      training,
      termFrequencyTables: [
        {
          comparison: "surname",
          column: "nom",
          dictionary: ["MARTIN", "DUPONT"],
          frequencies: Float64Array.of(0.6, 0.4),
        },
      ],
    });
    expect(withTables.termFrequencyTables).toEqual([
      { comparison: "surname", column: "nom", frequencies: { MARTIN: 0.6, DUPONT: 0.4 } },
    ]);
    expect(parseModelFile(serializeModel(withTables))).toEqual(withTables);
  });

  it("refuses to assemble parameters that do not match the spec", () => {
    expect(() =>
      createModelFile({
        spec,
        parameters: { ...parameters, comparisons: parameters.comparisons.slice(0, 1) },
        training,
      }),
    ).toThrow(expect.objectContaining({ code: "MODEL_INVALID" }));
  });
});

describe("parseModelFile rejections", () => {
  const valid = JSON.parse(serializeModel(createModelFile({ spec, parameters, training })));

  it("rejects text that is not JSON, giving the position but not the text", () => {
    const error = errorOf(() => parseModelFile('{"kind": "linkage-model", SECRET-NAME}', "model.json"));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.code).toBe("MODEL_INVALID");
    expect(error.location.file).toBe("model.json");
    expect(error.message).not.toContain("SECRET");
  });

  it("rejects an unknown format version, naming the supported ones", () => {
    const error = errorOf(() => parseModelFile(JSON.stringify({ ...valid, formatVersion: 2 })));
    expect(error.code).toBe("MODEL_VERSION_UNSUPPORTED");
    expect(error.message).toContain("formatVersion 2");
    expect(error.message).toContain("reads formatVersion 1");
  });

  it("rejects a file of another kind", () => {
    const error = errorOf(() => parseModelFile(JSON.stringify({ ...valid, kind: "splink-model" })));
    expect(error.code).toBe("MODEL_INVALID");
    expect(error.location.jsonPath).toBe("$.kind");
  });

  it("lists every shape problem with its JSON path", () => {
    const broken = structuredClone(valid);
    broken.parameters.priorMatchProbability = 1.5;
    broken.parameters.comparisons[0].m[1] = "high";
    delete broken.training.uSampleSize;
    const error = errorOf(() => parseModelFile(JSON.stringify(broken)));
    expect(error).toBeInstanceOf(ModelFileError);
    expect(error.code).toBe("MODEL_INVALID");
    const paths = (error as ModelFileError).issues.map((issue) => issue.jsonPath);
    expect(paths).toEqual(
      expect.arrayContaining([
        "$.parameters.priorMatchProbability",
        "$.parameters.comparisons[0].m[1]",
        "$.training.uSampleSize",
      ]),
    );
  });

  it("rejects inconsistent numbers: lengths, sums, names", () => {
    const broken = structuredClone(valid);
    broken.parameters.comparisons[0].u = [0.5, 0.2, 0.2];
    broken.parameters.comparisons[1].m = [0.5, 0.5];
    broken.parameters.comparisons[1].name = "date";
    const error = errorOf(() => parseModelFile(JSON.stringify(broken))) as ModelFileError;
    const paths = error.issues.map((issue) => issue.jsonPath);
    expect(paths).toEqual(
      expect.arrayContaining([
        "$.parameters.comparisons[0].u",
        "$.parameters.comparisons[1]",
        "$.parameters.comparisons[1].name",
      ]),
    );
  });

  it("rejects a spec without comparisons or link type, and masks table values in paths", () => {
    const broken = structuredClone(valid);
    delete broken.spec.linkType;
    broken.termFrequencyTables = [{ comparison: "surname", column: "nom", frequencies: { DUPONT: 3 } }];
    const error = errorOf(() => parseModelFile(JSON.stringify(broken))) as ModelFileError;
    const paths = error.issues.map((issue) => issue.jsonPath);
    expect(paths).toContain("$.spec.linkType");
    expect(paths).toContain("$.termFrequencyTables[0].frequencies[<value>]");
    expect(error.message).not.toContain("DUPONT");
  });
});

describe("checkModelFitsData", () => {
  const model = createModelFile({ spec, parameters, training });
  const columns = ["nom", "date_naissance", "commune", "nir"];

  it("accepts data with every column the spec reads and matching comparisons", () => {
    expect(() =>
      checkModelFitsData(model, columns, { comparisonNames: ["surname", "birth date"], levelCounts: [3, 3] }),
    ).not.toThrow();
  });

  it("names the missing columns and the comparison differences", () => {
    const error = errorOf(() =>
      checkModelFitsData(model, ["nom"], {
        comparisonNames: ["surname", "birth date"],
        levelCounts: [3, 4],
        source: "cohort.csv",
      }),
    );
    expect(error.code).toBe("MODEL_DATA_MISMATCH");
    expect(error.message).toContain('"commune", "date_naissance", "nir"');
    expect(error.message).toContain('comparison "birth date" has 3 levels in the model but 4 when compiled');
    expect(error.location.file).toBe("cohort.csv");
    const count = errorOf(() => checkModelFitsData(model, columns, { comparisonNames: ["surname"] }));
    expect(count.message).toContain("the model has 2 comparisons but 1 were compiled");
  });
});
