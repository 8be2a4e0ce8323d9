import { parse } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { array, inline, inlineJson, object, renderJsonc } from "./jsonc-text.js";

describe("renderJsonc", () => {
  it("writes comments and notes that a JSON-with-comments parser skips, with strict commas", () => {
    const text = renderJsonc(
      object([
        { key: "linkType", value: inline("link"), note: "two files" },
        {
          key: "inputs",
          comments: ["the files"],
          value: array([
            { value: object([{ key: "path", value: inline("a.csv") }]) },
            { value: inline({ path: "b.csv" }) },
          ]),
        },
        { key: "truth", value: inline({ column: "cluster" }), disabled: true },
      ]),
      ["header line"],
    );
    const errors: unknown[] = [];
    const value = parse(text, errors as never, { allowTrailingComma: false });
    expect(errors).toEqual([]);
    expect(value).toEqual({ linkType: "link", inputs: [{ path: "a.csv" }, { path: "b.csv" }] });
    expect(text).toContain("// header line");
    expect(text).toContain('"linkType": "link", // two files');
    expect(text).toContain('// "truth": { "column": "cluster" }');
    // The last enabled member takes no comma even when a disabled one follows it.
    expect(text).toMatch(/\]\n\s+\/\/ "truth"/);
  });

  it("comments out every line of a disabled nested value", () => {
    const text = renderJsonc(
      object([
        { key: "a", value: inline(1) },
        { key: "b", value: object([{ key: "c", value: inline(2) }]), disabled: true },
      ]),
    );
    expect(
      text
        .split("\n")
        .filter((line) => line.includes('"c"'))[0]!
        .trimStart()
        .startsWith("//"),
    ).toBe(true);
    expect(parse(text)).toEqual({ a: 1 });
  });
});

describe("inlineJson", () => {
  it("writes one readable line", () => {
    expect(inlineJson({ column: "x", steps: ["trim", { kind: "date" }], skip: undefined })).toBe(
      '{ "column": "x", "steps": ["trim", { "kind": "date" }] }',
    );
    expect(inlineJson({})).toBe("{}");
  });
});
