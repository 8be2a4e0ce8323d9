import { describe, expect, it } from "vitest";
import { classifySex, standardiseSex } from "./sex-code.js";

describe("standardiseSex", () => {
  it.each(["1", "M", "m", "H", "Homme", "MASCULIN", "male", " M. "])("reads %j as male", (value) => {
    expect(standardiseSex(value)).toBe("1");
  });

  it.each(["2", "F", "f", "Femme", "Féminin", "FEMININ", "female"])("reads %j as female", (value) => {
    expect(standardiseSex(value)).toBe("2");
  });

  it("tells explicit unknown codes from unrecognised ones; both give null", () => {
    expect(["0", "9", "I", "inconnu", "Indéterminé"].map(classifySex)).toEqual(Array(5).fill("unknown"));
    expect(["3", "X1", "yes"].map(classifySex)).toEqual(Array(3).fill("unrecognised"));
    expect(standardiseSex("9")).toBeNull();
    expect(standardiseSex("yes")).toBeNull();
  });
});
