// Guesses what each column of a file holds (id, first name, surname, birth date, sex, commune…) from its
// header and a sample of its values, so that `linkage init` can propose comparisons and blocking rules.
import {
  classifySex,
  type DatePrecision,
  defaultDateFormats,
  type EncodedColumn,
  foldAccents,
  NULL_CODE,
  parseDate,
  standardiseCommuneCode,
} from "linkage-core";

export type ColumnRole =
  | "id"
  | "socialSecurityNumber"
  | "firstName"
  | "surname"
  | "usageName"
  | "birthDate"
  | "sex"
  | "deathDate"
  | "commune"
  | "postalCode"
  | "city"
  | "address"
  | "streetNumber"
  | "area"
  | "finess"
  | "email"
  | "phone"
  | "truth";

/** Header names (folded: lower case, no accents, `_` between words) that say which role a column has. */
const roleNames: Readonly<Record<ColumnRole, readonly string[]>> = {
  id: [
    "id",
    "rec_id",
    "record_id",
    "unique_id",
    "identifiant",
    "ident",
    "id_patient",
    "patient_id",
    "person_id",
    "id_personne",
    "subject_id",
    "num_inclusion",
    "numero_inclusion",
    "registry_id",
    "snds_id",
  ],
  socialSecurityNumber: [
    "nir",
    "nir_ano",
    "num_secu",
    "numero_securite_sociale",
    "nss",
    "ssn",
    "soc_sec_id",
    "social_security_number",
  ],
  firstName: [
    "prenom",
    "prenoms",
    "premier_prenom",
    "prenom_1",
    "first_name",
    "firstname",
    "given_name",
    "givenname",
    "forename",
    "forenames",
  ],
  surname: [
    "nom",
    "nom_famille",
    "nom_de_famille",
    "nom_naissance",
    "nom_de_naissance",
    "nom_patronymique",
    "patronyme",
    "surname",
    "last_name",
    "lastname",
    "family_name",
    "birth_name",
  ],
  usageName: ["nom_usage", "nom_d_usage", "nom_marital", "usage_name", "married_name"],
  birthDate: [
    "date_naissance",
    "date_de_naissance",
    "datenaiss",
    "date_naiss",
    "ddn",
    "naissance",
    "dob",
    "date_of_birth",
    "birth_date",
    "birthdate",
    "birth_month",
    "mois_naissance",
    "annee_naissance",
    "birth_year",
  ],
  sex: ["sexe", "sex", "gender", "genre", "cod_sexe", "code_sexe", "ben_sex_cod"],
  deathDate: ["date_deces", "date_de_deces", "death_date", "date_of_death", "dod", "date_dc", "ben_dcd_dte"],
  commune: [
    "commune",
    "code_commune",
    "code_insee",
    "insee",
    "cog",
    "depcom",
    "com",
    "commune_residence",
    "code_commune_insee",
    "code_geo",
  ],
  postalCode: ["code_postal", "cp", "postcode", "postal_code", "zip", "zipcode", "zip_code"],
  city: ["ville", "city", "suburb", "localite", "town", "libelle_commune", "nom_commune"],
  address: [
    "adresse",
    "adresse_1",
    "address",
    "address_1",
    "street",
    "rue",
    "voie",
    "libelle_voie",
    "street_name",
  ],
  streetNumber: ["street_number", "numero_voie", "num_voie", "no_voie", "house_number"],
  area: ["departement", "dept", "dep", "code_departement", "state", "region", "county"],
  finess: ["finess", "num_finess", "finess_et", "finess_geo", "eta_num", "etablissement"],
  email: ["email", "e_mail", "mail", "courriel", "adresse_mail"],
  phone: ["telephone", "tel", "phone", "phone_number", "portable", "mobile"],
  truth: ["cluster", "entity", "entity_id", "true_id", "truth", "true_match_id", "match_id"],
};

/** Roles checked in this order: specific names before the generic id patterns. */
const roleOrder = Object.keys(roleNames) as ColumnRole[];

/** Header names in French: they suggest French data, hence French phonetic codes. */
const frenchNames = new Set([
  "prenom",
  "prenoms",
  "nom",
  "nom_naissance",
  "nom_usage",
  "date_naissance",
  "date_de_naissance",
  "sexe",
  "commune",
  "code_postal",
  "ville",
  "date_deces",
  "adresse",
  "departement",
  "identifiant",
  "nir",
]);

export interface ColumnGuess {
  readonly header: string;
  readonly role: ColumnRole | undefined;
  /** Why: the header, the values, or both (one short sentence for the config's comments). */
  readonly reason: string;
  /** Share of sample rows with a value. */
  readonly completeness: number;
  /** Whether every sampled value is distinct. */
  readonly unique: boolean;
  /** For dates: the precision most sampled values have. */
  readonly datePrecision?: DatePrecision;
  /** For postal codes: whether the values are French (five digits). */
  readonly frenchPostalCodes?: boolean;
}

/** Lower case, accents folded, every run of other characters one `_`. */
export function foldHeader(header: string): string {
  return foldAccents(header.toLowerCase())
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export function isFrenchHeader(header: string): boolean {
  return frenchNames.has(foldHeader(header));
}

/** Share of values needed for a value check to confirm a role. */
const CONFIRMING_SHARE = 0.8;

/** The role of one column of a sample, from its header, confirmed (or refused) by its values. */
export function guessColumnRole(column: EncodedColumn, rowCount: number): ColumnGuess {
  const folded = foldHeader(column.name);
  const values = sampleValues(column);
  const completeness = rowCount === 0 ? 0 : values.length / rowCount;
  const unique = values.length === rowCount && column.dictionary.length === rowCount;
  const base = { header: column.name, completeness, unique };
  const named = roleOrder.find((role) => roleNames[role].includes(folded)) ?? patternRole(folded);
  if (named === undefined) return { ...base, role: undefined, reason: "no role recognised from the header" };
  const share = (test: (value: string) => boolean) =>
    values.length === 0 ? 0 : values.filter(test).length / values.length;
  switch (named) {
    case "birthDate":
    case "deathDate": {
      const precision = datePrecision(values);
      if (values.length > 0 && precision === undefined) {
        return {
          ...base,
          role: undefined,
          reason: `named like a ${named === "birthDate" ? "birth" : "death"} date, but its values are not dates`,
        };
      }
      return {
        ...base,
        role: named,
        reason: `header "${column.name}"${precision ? `, ${precision}-precision dates` : ""}`,
        ...(precision ? { datePrecision: precision } : {}),
      };
    }
    case "sex": {
      if (values.length > 0 && share((value) => classifySex(value) !== "unrecognised") < CONFIRMING_SHARE) {
        return { ...base, role: undefined, reason: "named like sex, but its values are not sex codes" };
      }
      return { ...base, role: named, reason: `header "${column.name}", sex codes` };
    }
    case "commune": {
      if (values.length > 0 && share((value) => standardiseCommuneCode(value) !== null) < CONFIRMING_SHARE) {
        return {
          ...base,
          role: "city",
          reason: `header "${column.name}", but its values are names, not INSEE codes`,
        };
      }
      return { ...base, role: named, reason: `header "${column.name}", INSEE commune codes` };
    }
    case "postalCode": {
      const french = values.length > 0 && share((value) => /^\d{5}$/.test(value.trim())) >= CONFIRMING_SHARE;
      return {
        ...base,
        role: named,
        reason: `header "${column.name}"${french ? ", French postal codes" : ""}`,
        frenchPostalCodes: french,
      };
    }
    case "id":
      return {
        ...base,
        role: named,
        reason: unique ? `header "${column.name}", unique in the sample` : `header "${column.name}"`,
      };
    default:
      return { ...base, role: named, reason: `header "${column.name}"` };
  }
}

/**
 * Words that give a header's role when no whole name matched (`commune_code`, `prenom_patient`…), checked in
 * order; then generic id headers: `*_id`, `id_*`.
 */
const roleWords: readonly (readonly [RegExp, ColumnRole])[] = [
  [/(^|_)(deces|death)(_|$)/, "deathDate"],
  [/(^|_)(naissance|birth|dob)(_|$)/, "birthDate"],
  [/(^|_)(prenoms?|firstname|forename)(_|$)/, "firstName"],
  [/(^|_)(surname|lastname|patronyme)(_|$)/, "surname"],
  [/(^|_)(sexe|sex|gender)(_|$)/, "sex"],
  [/(^|_)(postal|postcode|zip)(_|$)/, "postalCode"],
  [/(^|_)(commune|insee)(_|$)/, "commune"],
  [/(^|_)finess(_|$)/, "finess"],
  [/(^|_)(e_?mail|courriel)(_|$)/, "email"],
];

function patternRole(folded: string): ColumnRole | undefined {
  for (const [pattern, role] of roleWords) if (pattern.test(folded)) return role;
  if (/(^|_)id$/.test(folded) || /^id_/.test(folded)) return "id";
  return undefined;
}

function sampleValues(column: EncodedColumn): string[] {
  const values: string[] = [];
  for (const code of column.codes) if (code !== NULL_CODE) values.push(column.dictionary[code]!);
  return values;
}

/** The precision most values parse at, or undefined when fewer than CONFIRMING_SHARE are shaped like dates. */
function datePrecision(values: readonly string[]): DatePrecision | undefined {
  const counts: Record<DatePrecision, number> = { day: 0, month: 0, year: 0 };
  let dates = 0;
  for (const value of values) {
    const parsed = parseDate(value, defaultDateFormats);
    // Shaped like a date but impossible (30 February) is still a date column, with a typo.
    if (parsed.kind === "unrecognised") continue;
    dates++;
    if (parsed.kind === "date") counts[parsed.precision]++;
  }
  if (values.length === 0 || dates / values.length < CONFIRMING_SHARE) return undefined;
  return (Object.keys(counts) as DatePrecision[]).reduce((best, precision) =>
    counts[precision] > counts[best] ? precision : best,
  );
}
