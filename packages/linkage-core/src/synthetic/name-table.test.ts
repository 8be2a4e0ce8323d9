import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors.js";
import { drawFirstName, drawSurname, OTHER_NAMES_ROW, parseInseeNameTables } from "./name-table.js";
import { createRandomStream } from "./random-stream.js";

const texts = {
  firstNames: [
    "sex\tname\t1900\t1910",
    "1\tJEAN\t90\t0",
    "1\tKEVIN\t0\t90",
    `1\t${OTHER_NAMES_ROW}\t10\t10`,
    "2\tMARIE\t100\t100",
    `2\t${OTHER_NAMES_ROW}\t0\t0`,
  ].join("\n"),
  rareFirstNames: ["sex\tname\tbirths", "1\tANATOLE\t3", "1\tZÉPHIRIN\t1", "2\tAPOLLINE\t5"].join("\n"),
  surnames: ["name\t1891\t1901", "MARTIN\t50\t50", `${OTHER_NAMES_ROW}\t50\t50`].join("\n"),
  rareSurnames: ["name\tbirths", "QUESNEL\t1"].join("\n"),
};

describe("parseInseeNameTables and drawing", () => {
  it("draws first names by sex and birth decade, with the unlisted mass going to rare names", () => {
    const table = parseInseeNameTables(texts);
    const random = createRandomStream("names");
    const counts = new Map<string, number>();
    for (let draw = 0; draw < 10_000; draw++) {
      const name = drawFirstName(table, 1, 1905, random);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect(counts.get("KEVIN")).toBeUndefined();
    expect((counts.get("JEAN") ?? 0) / 10_000).toBeCloseTo(0.9, 1);
    // The 10 % unlisted mass is shared 3:1 by the rare names.
    expect((counts.get("ANATOLE") ?? 0) / 10_000).toBeCloseTo(0.075, 1);
    expect(counts.has(OTHER_NAMES_ROW)).toBe(false);
    // Years after the last decade use the last decade.
    expect(drawFirstName(table, 1, 2022, createRandomStream("late"))).not.toBe("JEAN");
    expect(drawFirstName(table, 2, 1950, random)).toBe("MARIE");
  });

  it("draws surnames, spreading the AUTRES NOMS-like mass over rare surnames", () => {
    const table = parseInseeNameTables(texts);
    const random = createRandomStream("surnames");
    let rare = 0;
    for (let draw = 0; draw < 4_000; draw++) if (drawSurname(table, 1880, random) === "QUESNEL") rare++;
    expect(rare / 4_000).toBeCloseTo(0.5, 1);
  });

  it("rejects a ragged table with its line number", () => {
    const broken = { ...texts, surnames: "name\t1891\t1901\nMARTIN\t50" };
    try {
      parseInseeNameTables(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LinkageError);
      expect((error as LinkageError).code).toBe("NAME_TABLE_INVALID");
      expect((error as LinkageError).location.line).toBe(2);
    }
  });
});
