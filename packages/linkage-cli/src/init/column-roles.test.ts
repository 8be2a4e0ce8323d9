import { datasetFromRecords } from "linkage-core";
import { describe, expect, it } from "vitest";
import { foldHeader, guessColumnRole, isFrenchHeader } from "./column-roles.js";

function guess(header: string, values: readonly (string | null)[]) {
  const dataset = datasetFromRecords(
    "sample",
    values.map((value, row) => ({ row: String(row), [header]: value })),
    { idColumn: "row", columns: [header] },
  );
  return guessColumnRole(dataset.columns.get(header)!, dataset.rowCount);
}

describe("foldHeader", () => {
  it("folds case, accents and separators so that French and English spellings meet", () => {
    expect(foldHeader("Date de naissance")).toBe("date_de_naissance");
    expect(foldHeader("  Prénom ")).toBe("prenom");
    expect(foldHeader("NOM-USAGE")).toBe("nom_usage");
  });

  it("tells French headers apart", () => {
    expect(isFrenchHeader("Prénom")).toBe(true);
    expect(isFrenchHeader("given_name")).toBe(false);
  });
});

describe("guessColumnRole", () => {
  it("recognises names from French and English headers", () => {
    expect(guess("prénom", ["Anne", "Luc"]).role).toBe("firstName");
    expect(guess("given_name", ["anne", "luc"]).role).toBe("firstName");
    expect(guess("NOM", ["MARTIN", "DURAND"]).role).toBe("surname");
    expect(guess("nom_usage", ["MARTIN", null]).role).toBe("usageName");
  });

  it("confirms dates by their values and keeps their precision", () => {
    const full = guess("date_naissance", ["12/03/1975", "1980-02-30", "19800229"]);
    expect(full.role).toBe("birthDate");
    expect(full.datePrecision).toBe("day");
    expect(guess("birth_month", ["1950-06", "1948-05", "1600-01"]).datePrecision).toBe("month");
    expect(guess("dob", ["yes", "no", "maybe"]).role).toBeUndefined();
  });

  it("confirms sex codes and refuses a column named sex that holds something else", () => {
    expect(guess("sexe", ["M", "F", "2", "homme"]).role).toBe("sex");
    expect(guess("sexe", ["blue", "green", "red"]).role).toBeUndefined();
  });

  it("takes a commune column of names for a city", () => {
    expect(guess("commune", ["75115", "01018", "2A004"]).role).toBe("commune");
    expect(guess("commune", ["Paris", "Lyon", "Nice"]).role).toBe("city");
  });

  it("says whether postal codes are French", () => {
    expect(guess("code_postal", ["75015", "01000"]).frenchPostalCodes).toBe(true);
    expect(guess("postcode", ["4223", "2640"]).frenchPostalCodes).toBe(false);
  });

  it("marks an id column unique only when every sampled value is distinct and present", () => {
    expect(guess("rec_id", ["a", "b", "c"])).toMatchObject({ role: "id", unique: true, completeness: 1 });
    expect(guess("patient_id", ["a", "a", "c"])).toMatchObject({ role: "id", unique: false });
    expect(guess("id", ["a", null, "c"]).unique).toBe(false);
  });

  it("leaves unknown headers without a role", () => {
    expect(guess("address_2", ["flat 3", "unit 2"]).role).toBeUndefined();
  });
});

describe("guessColumnRole from words of the header", () => {
  it("recognises compound headers by their words, still checked by the values", () => {
    expect(guess("commune_code", ["75115", "01018"]).role).toBe("commune");
    expect(guess("Prénom du patient", ["Anne"]).role).toBe("firstName");
    expect(guess("date_of_death", ["2021-11-02"]).role).toBe("deathDate");
    expect(guess("birth_day", ["1960-01-01"]).role).toBe("birthDate");
    expect(guess("sexe_patient", ["1", "2"]).role).toBe("sex");
    expect(guess("source_a_id", ["A1", "A2"]).role).toBe("id");
    expect(guess("comment", ["x"]).role).toBeUndefined();
  });
});
