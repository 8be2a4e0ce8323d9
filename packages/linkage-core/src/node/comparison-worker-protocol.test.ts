import { describe, expect, it } from "vitest";
import { DataError, LinkageError, SpecError } from "../errors.js";
import { describeFailure, reviveFailure } from "./comparison-worker-protocol.js";

describe("worker failures", () => {
  it("cross threads as data and come back with their class, code, hint and issues", () => {
    const data = reviveFailure(
      describeFailure(new DataError("SOME_CODE", "bad row", { hint: "fix it", line: 3 })),
    );
    expect(data).toBeInstanceOf(DataError);
    expect(data).toMatchObject({
      code: "SOME_CODE",
      message: "bad row",
      hint: "fix it",
      location: { line: 3 },
    });
    const issues = [{ jsonPath: "$.comparisons[0]", message: "wrong" }];
    const spec = reviveFailure(describeFailure(new SpecError(issues)));
    expect(spec).toBeInstanceOf(SpecError);
    expect((spec as SpecError).issues).toEqual(issues);
  });

  it("turn anything else into WORKER_FAILED, keeping the message", () => {
    const revived = reviveFailure(describeFailure(new TypeError("x is undefined")));
    expect(revived).toBeInstanceOf(LinkageError);
    expect(revived).toMatchObject({ code: "WORKER_FAILED" });
    expect(revived.message).toContain("x is undefined");
  });
});
