import { describe, expect, it } from "vitest";
import {
  departementFromCommuneCode,
  standardiseCommuneCode,
  standardiseDepartement,
  standardisePostalCode,
} from "./insee-commune.js";

describe("standardiseCommuneCode", () => {
  it("restores the leading zero a spreadsheet dropped", () => {
    expect(standardiseCommuneCode("1001")).toBe("01001");
    expect(standardiseCommuneCode("1001.0")).toBe("01001");
    expect(standardiseCommuneCode(" 75056 ")).toBe("75056");
    expect(standardiseCommuneCode(" 01001 ")).toBe("01001");
  });

  it("accepts Corsican 2A/2B codes in any case, and old 20xxx codes as they are", () => {
    expect(standardiseCommuneCode("2a004")).toBe("2A004");
    expect(standardiseCommuneCode("2B033")).toBe("2B033");
    expect(standardiseCommuneCode("20004")).toBe("20004");
  });

  it("accepts overseas and abroad codes", () => {
    expect(standardiseCommuneCode("97105")).toBe("97105");
    expect(standardiseCommuneCode("97611")).toBe("97611");
    expect(standardiseCommuneCode("99134")).toBe("99134");
  });

  it.each(["", "123", "0123", "00123", "96001", "2C004", "750560", "ABCDE"])("rejects %j", (value) => {
    expect(standardiseCommuneCode(value)).toBeNull();
  });
});

describe("departementFromCommuneCode", () => {
  it("takes two characters in metropolitan France and three overseas", () => {
    expect(departementFromCommuneCode("01001")).toBe("01");
    expect(departementFromCommuneCode("75056")).toBe("75");
    expect(departementFromCommuneCode("97105")).toBe("971");
    expect(departementFromCommuneCode("97611")).toBe("976");
    expect(departementFromCommuneCode("98735")).toBe("987");
  });

  it("maps Corsica, old codes included: Ajaccio 20004 → 2A, Bastia 20033 → 2B", () => {
    expect(departementFromCommuneCode("2A004")).toBe("2A");
    expect(departementFromCommuneCode("2B033")).toBe("2B");
    expect(departementFromCommuneCode("20004")).toBe("2A");
    expect(departementFromCommuneCode("20033")).toBe("2B");
    expect(departementFromCommuneCode("20247")).toBe("2A");
    expect(departementFromCommuneCode("20096")).toBe("2B");
  });

  it('keeps "20" when an old number belongs to no current commune', () => {
    expect(departementFromCommuneCode("20044")).toBe("20");
    expect(departementFromCommuneCode("20999")).toBe("20");
  });

  it('reads "99" for a foreign country', () => {
    expect(departementFromCommuneCode("99134")).toBe("99");
  });

  it("returns null for what is not a standardised commune code", () => {
    expect(departementFromCommuneCode("1001")).toBeNull();
  });
});

describe("standardiseDepartement and standardisePostalCode", () => {
  it("reads département codes or commune codes", () => {
    expect(
      ["1", "01", "2a", "2B", "971", "75", "75056", "1001", "20004"].map(standardiseDepartement),
    ).toEqual(["01", "01", "2A", "2B", "971", "75", "75", "01", "2A"]);
    expect(["00", "96", "2C", "abc"].map(standardiseDepartement)).toEqual([null, null, null, null]);
  });

  it("restores the leading zero of postal codes", () => {
    expect(["1000", "01000", "75001", "1000.0"].map(standardisePostalCode)).toEqual([
      "01000",
      "01000",
      "75001",
      "01000",
    ]);
    expect(["100", "00100", "750011", "7500A"].map(standardisePostalCode)).toEqual([null, null, null, null]);
  });
});
