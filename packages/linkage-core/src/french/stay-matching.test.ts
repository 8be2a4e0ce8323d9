import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { formatDayNumber } from "../calendar/day-number.js";
import { buildStaysFromEvents, EstablishmentCodes, type StayEvent } from "./hospital-stays.js";
import {
  compareHospitalStays,
  countMatchingStays,
  finessDepartement,
  stayBlockingKeys,
  stayCount,
} from "./stay-matching.js";

function stay(id: string, finess: string, admission: string, discharge: string): StayEvent {
  return { id, finess, admission, discharge };
}

describe("countMatchingStays", () => {
  const events = [
    stay("a", "F1", "2020-01-02", "2020-01-05"),
    stay("a", "F1", "2020-03-01", "2020-03-01"),
    stay("a", "F2", "2020-06-10", "2020-06-12"),
    stay("b", "F1", "2020-01-03", "2020-01-05"),
    stay("b", "F1", "2020-03-01", "2020-03-02"),
    stay("b", "F3", "2020-06-10", "2020-06-12"),
    stay("c", "F1", "2020-01-02", "2020-01-05"),
  ];
  const stays = buildStaysFromEvents(["a", "b", "c", "d"], events);

  it("counts stays in the same establishment with admission and discharge within the tolerance", () => {
    expect(countMatchingStays(stays, 0, stays, 1, { toleranceDays: 0 })).toBe(0);
    expect(countMatchingStays(stays, 0, stays, 1, { toleranceDays: 1 })).toBe(2);
    expect(countMatchingStays(stays, 0, stays, 0, { toleranceDays: 0 })).toBe(3);
    expect(countMatchingStays(stays, 0, stays, 2, { toleranceDays: 0 })).toBe(1);
    expect(countMatchingStays(stays, 0, stays, 3, { toleranceDays: 5 })).toBe(0);
  });

  it("never pairs one stay twice", () => {
    const twice = buildStaysFromEvents(
      ["one", "two"],
      [
        stay("one", "F1", "2020-01-02", "2020-01-02"),
        stay("two", "F1", "2020-01-01", "2020-01-01"),
        stay("two", "F1", "2020-01-03", "2020-01-03"),
      ],
    );
    expect(countMatchingStays(twice, 0, twice, 1, { toleranceDays: 1 })).toBe(1);
    expect(countMatchingStays(twice, 1, twice, 0, { toleranceDays: 1 })).toBe(1);
  });

  it("finds the maximum matching where greedy pairing would miss one", () => {
    // Greedy pairs left 1 with right 1 (first in admission order) and leaves left 2 without a partner;
    // the maximum pairs left 1 with right 2 and left 2 with right 1.
    const crossed = buildStaysFromEvents(
      ["left", "right"],
      [
        stay("left", "F1", "2020-01-01", "2020-01-03"),
        stay("left", "F1", "2020-01-02", "2020-01-02"),
        stay("right", "F1", "2020-01-02", "2020-01-02"),
        stay("right", "F1", "2020-01-03", "2020-01-03"),
      ],
    );
    expect(countMatchingStays(crossed, 0, crossed, 1, { toleranceDays: 1 })).toBe(2);
  });

  it("stops at stopAt", () => {
    expect(countMatchingStays(stays, 0, stays, 0, { toleranceDays: 0, stopAt: 2 })).toBe(2);
  });

  it("compares stays built with different establishment codes through their FINESS", () => {
    const left = buildStaysFromEvents(["a"], [stay("a", "F9", "2020-01-01", "2020-01-02"), ...events]);
    const right = buildStaysFromEvents(["b"], events);
    expect(left.establishmentDictionary).not.toBe(right.establishmentDictionary);
    expect(countMatchingStays(left, 0, right, 0, { toleranceDays: 1 })).toBe(2);
  });

  it("equals a brute-force maximum matching on random records", () => {
    const random = seedrandom("stay-matching");
    const establishments = new EstablishmentCodes();
    for (let trial = 0; trial < 300; trial++) {
      const randomEvents = (id: string) =>
        Array.from({ length: Math.floor(random() * 7) }, () => {
          const admission = Math.floor(random() * 20);
          const length = Math.floor(random() * 3);
          const day = (offset: number) => formatDayNumber(18_262 + offset);
          return stay(id, `F${Math.floor(random() * 2)}`, day(admission), day(admission + length));
        });
      const left = buildStaysFromEvents(["l"], randomEvents("l"), { establishments });
      const right = buildStaysFromEvents(["r"], randomEvents("r"), { establishments });
      const toleranceDays = Math.floor(random() * 3);
      expect(countMatchingStays(left, 0, right, 0, { toleranceDays })).toBe(
        bruteForceMaximum(left, right, toleranceDays),
      );
    }
  });
});

describe("finessDepartement", () => {
  it("reads the département of metropolitan, Corsican and overseas FINESS numbers", () => {
    expect(finessDepartement("750100042")).toBe("75");
    expect(finessDepartement("010780054")).toBe("01");
    expect(finessDepartement("2A0000022")).toBe("2A");
    expect(finessDepartement("2b0000046")).toBe("2B");
    // Real overseas numbers: "970", then the département digit.
    expect(finessDepartement("970100228")).toBe("971");
    expect(finessDepartement("970211207")).toBe("972");
    expect(finessDepartement("970408589")).toBe("974");
    // Synthetic overseas numbers (buildEstablishmentPool): the INSEE code, then "0".
    expect(finessDepartement("971012345")).toBe("971");
    expect(finessDepartement("976054321")).toBe("976");
    expect(finessDepartement("F1")).toBe("F1");
  });
});

describe("countMatchingStays in the same département", () => {
  const sameDepartement = { toleranceDays: 1, establishment: "sameDepartement" } as const;
  const count = (left: readonly StayEvent[], right: readonly StayEvent[]) => {
    const stays = buildStaysFromEvents(["left", "right"], [...left, ...right]);
    return [
      countMatchingStays(stays, 0, stays, 1, { toleranceDays: 1 }),
      countMatchingStays(stays, 0, stays, 1, sameDepartement),
      countMatchingStays(stays, 1, stays, 0, sameDepartement),
    ];
  };

  it("pairs stays of two establishments of one département, where the same-FINESS rule pairs none", () => {
    // The legal entity (750712184, AP-HP) in one source and a site (750100042) in the other.
    expect(
      count(
        [stay("left", "750712184", "2020-01-02", "2020-01-05")],
        [stay("right", "750100042", "2020-01-03", "2020-01-05")],
      ),
    ).toEqual([0, 1, 1]);
    expect(
      count(
        [stay("left", "750712184", "2020-01-02", "2020-01-05")],
        [stay("right", "690781810", "2020-01-02", "2020-01-05")],
      ),
    ).toEqual([0, 0, 0]);
  });

  it("keeps the day tolerance and the one-to-one pairing", () => {
    expect(
      count(
        [stay("left", "750712184", "2020-01-02", "2020-01-05")],
        [stay("right", "750100042", "2020-01-02", "2020-01-07")],
      ),
    ).toEqual([0, 0, 0]);
    expect(
      count(
        [stay("left", "750712184", "2020-01-02", "2020-01-02")],
        [
          stay("right", "750100042", "2020-01-02", "2020-01-02"),
          stay("right", "750100059", "2020-01-03", "2020-01-03"),
        ],
      ),
    ).toEqual([0, 1, 1]);
  });

  it("tells Corse-du-Sud (2A) from Haute-Corse (2B)", () => {
    const ajaccio = stay("left", "2A0000022", "2020-01-02", "2020-01-05");
    expect(count([ajaccio], [stay("right", "2A0000071", "2020-01-02", "2020-01-05")])).toEqual([0, 1, 1]);
    expect(count([ajaccio], [stay("right", "2B0000046", "2020-01-02", "2020-01-05")])).toEqual([0, 0, 0]);
  });

  it("tells overseas départements apart, in real and synthetic numbering", () => {
    const guadeloupe = stay("left", "970100228", "2020-01-02", "2020-01-05");
    expect(count([guadeloupe], [stay("right", "970107015", "2020-01-02", "2020-01-05")])).toEqual([0, 1, 1]);
    expect(count([guadeloupe], [stay("right", "970211207", "2020-01-02", "2020-01-05")])).toEqual([0, 0, 0]);
    const synthetic = stay("left", "971012345", "2020-01-02", "2020-01-05");
    expect(count([synthetic], [stay("right", "971098765", "2020-01-02", "2020-01-05")])).toEqual([0, 1, 1]);
    expect(count([synthetic], [stay("right", "972012345", "2020-01-02", "2020-01-05")])).toEqual([0, 0, 0]);
  });

  it("compares stays built with different establishment dictionaries, which grow between calls", () => {
    const left = buildStaysFromEvents(
      ["a"],
      [
        stay("a", "690781810", "2020-01-01", "2020-01-01"),
        stay("a", "750712184", "2020-02-01", "2020-02-03"),
      ],
    );
    const establishments = new EstablishmentCodes();
    const right = buildStaysFromEvents(
      ["b"],
      [
        stay("b", "130783236", "2020-01-01", "2020-01-01"),
        stay("b", "750100042", "2020-02-01", "2020-02-03"),
      ],
      { establishments },
    );
    expect(left.establishmentDictionary).not.toBe(right.establishmentDictionary);
    expect(countMatchingStays(left, 0, right, 0, sameDepartement)).toBe(1);
    expect(countMatchingStays(right, 0, left, 0, sameDepartement)).toBe(1);
    // A later build interns a Lyon establishment into the right dictionary: its codes must be recomputed.
    const later = buildStaysFromEvents(["c"], [stay("c", "690000880", "2020-01-01", "2020-01-01")], {
      establishments,
    });
    expect(later.establishmentDictionary).toBe(right.establishmentDictionary);
    expect(countMatchingStays(left, 0, later, 0, sameDepartement)).toBe(1);
    expect(countMatchingStays(left, 0, later, 0, { toleranceDays: 1 })).toBe(0);
  });

  it("equals a brute-force maximum matching on random records", () => {
    const random = seedrandom("stay-matching-departement");
    const finessNumbers = ["750100042", "750712184", "690781810", "2A0000022", "2B0000046", "970100228"];
    for (let trial = 0; trial < 300; trial++) {
      const randomEvents = (id: string) =>
        Array.from({ length: Math.floor(random() * 7) }, () => {
          const admission = Math.floor(random() * 20);
          const day = (offset: number) => formatDayNumber(18_262 + offset);
          const finess = finessNumbers[Math.floor(random() * finessNumbers.length)]!;
          return stay(id, finess, day(admission), day(admission + Math.floor(random() * 3)));
        });
      const left = buildStaysFromEvents(["l"], randomEvents("l"));
      const right = buildStaysFromEvents(["r"], randomEvents("r"));
      const toleranceDays = Math.floor(random() * 3);
      const sameDepartementOf = (leftStay: number, rightStay: number) =>
        finessDepartement(left.establishmentDictionary[left.establishments[leftStay]!]!) ===
        finessDepartement(right.establishmentDictionary[right.establishments[rightStay]!]!);
      const matched = countMatchingStays(left, 0, right, 0, {
        toleranceDays,
        establishment: "sameDepartement",
      });
      expect(matched).toBe(bruteForceMaximum(left, right, toleranceDays, sameDepartementOf));
      expect(matched).toBeGreaterThanOrEqual(countMatchingStays(left, 0, right, 0, { toleranceDays }));
    }
  });
});

/**
 * Tries every assignment of left stays to distinct right stays (small records only). Establishments agree by
 * code unless `sameEstablishment` says otherwise.
 */
function bruteForceMaximum(
  left: ReturnType<typeof buildStaysFromEvents>,
  right: ReturnType<typeof buildStaysFromEvents>,
  tolerance: number,
  sameEstablishment = (leftStay: number, rightStay: number) =>
    left.establishments[leftStay] === right.establishments[rightStay],
): number {
  const compatible = (leftStay: number, rightStay: number) =>
    sameEstablishment(leftStay, rightStay) &&
    Math.abs(left.admissionDays[leftStay]! - right.admissionDays[rightStay]!) <= tolerance &&
    Math.abs(left.dischargeDays[leftStay]! - right.dischargeDays[rightStay]!) <= tolerance;
  const used = new Array<boolean>(stayCount(right, 0)).fill(false);
  const best = (leftStay: number): number => {
    if (leftStay === stayCount(left, 0)) return 0;
    let result = best(leftStay + 1);
    for (let rightStay = 0; rightStay < used.length; rightStay++) {
      if (used[rightStay] || !compatible(leftStay, rightStay)) continue;
      used[rightStay] = true;
      result = Math.max(result, 1 + best(leftStay + 1));
      used[rightStay] = false;
    }
    return result;
  };
  return best(0);
}

describe("compareHospitalStays", () => {
  const stays = buildStaysFromEvents(
    ["a", "b", "c", "d", "e"],
    [
      stay("a", "F1", "2020-01-02", "2020-01-05"),
      stay("a", "F1", "2020-03-01", "2020-03-01"),
      stay("b", "F1", "2020-01-02", "2020-01-05"),
      stay("b", "F1", "2020-03-01", "2020-03-01"),
      stay("c", "F1", "2020-01-02", "2020-01-05"),
      stay("d", "F2", "2020-01-02", "2020-01-05"),
    ],
  );

  it("levels pairs by their number of matching stays", () => {
    expect(compareHospitalStays(stays, 0, stays, 1, { toleranceDays: 0 })).toBe("twoOrMore");
    expect(compareHospitalStays(stays, 0, stays, 2, { toleranceDays: 0 })).toBe("one");
    expect(compareHospitalStays(stays, 0, stays, 3, { toleranceDays: 0 })).toBe("zero");
    expect(compareHospitalStays(stays, 0, stays, 4, { toleranceDays: 0 })).toBe("noStays");
    expect(compareHospitalStays(stays, 4, stays, 4, { toleranceDays: 0 })).toBe("noStays");
  });
});

describe("stayBlockingKeys", () => {
  const stays = buildStaysFromEvents(
    ["a", "b", "c"],
    [
      stay("a", "750100042", "2020-01-02", "2020-01-05"),
      stay("a", "750100042", "2020-01-02", "2020-01-09"),
      stay("a", "690781810", "2021-03-04", "2021-03-04"),
      stay("b", "750100042", "2020-01-03", "2020-01-05"),
    ],
  );

  it("gives each record its distinct (FINESS, admission day) keys", () => {
    expect(stayBlockingKeys(stays)).toEqual([
      ["750100042|2020-01-02", "690781810|2021-03-04"],
      ["750100042|2020-01-03"],
      [],
    ]);
  });

  it("widens the admission day when asked, so that stays a day apart share a key", () => {
    const widened = stayBlockingKeys(stays, { admissionWindowDays: 1 });
    expect(widened[0]).toContain("750100042|2020-01-03");
    expect(widened[0]).toHaveLength(6);
    const exact = stayBlockingKeys(stays);
    expect(widened[0]!.filter((key) => exact[1]!.includes(key))).toEqual(["750100042|2020-01-03"]);
  });
});
