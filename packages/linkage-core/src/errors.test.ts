import { describe, expect, it } from "vitest";
import { jsonPathOf, SpecError, summariseIssues } from "./errors.js";
import { ModelFileError } from "./model/model-file-error.js";

describe("jsonPathOf", () => {
  it("appends identifier keys with a dot, positions in brackets and other keys quoted", () => {
    expect(jsonPathOf("$", [])).toBe("$");
    expect(jsonPathOf("$", ["comparisons", 2, "levels", 0, "threshold"])).toBe(
      "$.comparisons[2].levels[0].threshold",
    );
    expect(jsonPathOf("$.tables", ["first name", "$ref", "_x1", "2"])).toBe(
      '$.tables["first name"].$ref._x1["2"]',
    );
    expect(jsonPathOf("$", [Symbol("hidden")])).toBe('$["Symbol(hidden)"]');
  });
});

describe("summariseIssues", () => {
  const issues = [
    { jsonPath: "$.a", message: "first." },
    { jsonPath: "$.b[0]", message: "second." },
  ];

  it("gives a lone issue as it is and several as a counted list", () => {
    expect(summariseIssues(issues.slice(0, 1), "the spec")).toBe("$.a: first.");
    expect(summariseIssues(issues, "the spec")).toBe(
      "2 problems in the spec:\n  - $.a: first.\n  - $.b[0]: second.",
    );
  });

  it("is the message of both spec and model file errors, located at the first issue", () => {
    const spec = new SpecError(issues);
    const model = new ModelFileError(issues);
    expect(spec.message).toBe(summariseIssues(issues, "the linkage spec"));
    expect(model.message).toBe(summariseIssues(issues, "the model file"));
    expect([spec.location.jsonPath, model.location.jsonPath]).toEqual(["$.a", "$.a"]);
    expect([spec.code, model.code]).toEqual(["SPEC_INVALID", "MODEL_INVALID"]);
  });
});
