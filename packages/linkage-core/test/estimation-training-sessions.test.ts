// Training with several EM sessions on awkward data: a session whose rule pairs nothing, a level no pair shows.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { type Dataset, datasetFromRecords } from "../src/data/dataset.js";
import { prepareLinkage } from "../src/pipeline/prepare-linkage.js";
import { trainModel } from "../src/pipeline/train-model.js";
import { parseSpec } from "../src/spec/parse-spec.js";

const firstNames = ["MARIE", "JEANNE", "ANNE", "CLAIRE", "JULIE", "EMMA", "LUCIE", "SARAH", "CHLOE", "LEA"];
const surnames = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY"];

/**
 * A cohort linked to a registry: B holds a noisy copy of A's first 150 people plus 50 others (names with
 * typos, birth dates exact). Only A knows nicknames, so blocking on them pairs nothing.
 */
function cohortSources(): { a: Dataset; b: Dataset } {
  const random = seedrandom("training-sessions");
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const people = Array.from({ length: 250 }, () => {
    const birthYear = `19${50 + Math.floor(random() * 50)}`;
    const dob = `${birthYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
    return { first: pick(firstNames), last: pick(surnames), dob, birthYear };
  });
  const typo = (value: string) => (random() < 0.1 ? `${value.slice(0, -1)}X` : value);
  const a = people
    .slice(0, 200)
    .map((person, index) => ({ id: `a${index}`, nickname: `N${index}`, ...person }));
  const b = [...people.slice(0, 150), ...people.slice(200)].map((person, index) => ({
    id: `b${index}`,
    nickname: null,
    first: typo(person.first),
    last: typo(person.last),
    dob: person.dob,
    birthYear: person.birthYear,
  }));
  return {
    a: datasetFromRecords("a", a, { idColumn: "id" }),
    b: datasetFromRecords("b", b, { idColumn: "id" }),
  };
}

function specWithSessions(sessionKeys: readonly (readonly string[])[]) {
  return parseSpec({
    linkType: "link",
    comparisons: [
      { template: "jaroWinklerAtThresholds", column: "first", thresholds: [0.9] },
      { template: "jaroWinklerAtThresholds", column: "last", thresholds: [0.9] },
      { template: "exactMatch", column: "dob" },
      { template: "exactMatch", column: "birthYear" },
    ],
    blockingRules: [{ keys: ["dob"] }, { keys: ["first", "last"] }],
    training: {
      uSamplePairs: 20_000,
      sessions: sessionKeys.map((keys) => ({ blockingRule: { keys: [...keys] } })),
    },
  });
}

describe("trainModel with several sessions", () => {
  const { a, b } = cohortSources();

  it("skips a session whose blocking rule produces no pair, with a warning, and trains on the others", () => {
    const context = prepareLinkage(specWithSessions([["nickname"], ["dob"], ["first", "last"]]), [a, b]);
    const trained = trainModel(context);
    expect(trained.summary.sessions.map((session) => session.name)).toEqual(["dob", "first & last"]);
    const skipped = trained.summary.warnings.filter(
      (warning) => warning.code === "TRAINING_SESSION_NO_PAIRS",
    );
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.message).toContain('"nickname"');
    // Every comparison was still learned: dob from the first names session, names from the dob session.
    const [first, , dob] = trained.parameters.comparisons;
    expect(first!.m[first!.m.length - 1]!).toBeGreaterThan(0.7);
    expect(dob!.m[dob!.m.length - 1]!).toBeGreaterThan(0.9);
  });

  it("fails with EM_NO_PAIRS only when no session produces a pair", () => {
    const context = prepareLinkage(specWithSessions([["nickname"]]), [a, b]);
    expect(() => trainModel(context)).toThrow(expect.objectContaining({ code: "EM_NO_PAIRS" }));
  });

  it("gives a level no training pair shows a small m derived from the expected matches, not a veto", () => {
    // Blocked on the full birth date, every pair agrees on the birth year: its "else" level is never seen.
    const context = prepareLinkage(specWithSessions([["dob"]]), [a, b]);
    const trained = trainModel(context);
    const birthYear = trained.parameters.comparisons[3]!;
    expect(birthYear.levelLabels[0]).toBe("else");
    // m(else) = 0.5 / E, E the session's expected matches: at most its pairs, about the 150 shared people.
    const [session] = trained.summary.sessions;
    expect(birthYear.m[0]!).toBeGreaterThanOrEqual(0.5 / session!.pairCount);
    expect(birthYear.m[0]!).toBeLessThan(0.5 / 100);
    // A birth-year typo now weighs about −8 bits against a link, not the −30 of a veto at the floor.
    const elseWeight = Math.log2(birthYear.m[0]! / birthYear.u[0]!);
    expect(elseWeight).toBeGreaterThan(-12);
    expect(elseWeight).toBeLessThan(-5);
    const neverObserved = trained.summary.warnings.filter(
      (warning) => warning.code === "LEVEL_NEVER_OBSERVED",
    );
    expect(neverObserved.map((warning) => warning.message)).toEqual([
      expect.stringContaining('comparison "birthYear"'),
    ]);
  });
});
