// For each column role `linkage init` recognises: how to standardise it, how to compare it (a comparison
// template of the core) and why, in one table so that every role is handled the same way.
import type { DatePrecision } from "linkage-core";
import type { ColumnRole } from "./column-roles.js";

/** Roles that are compared (the id identifies records, the truth is only for evaluation). */
export type ComparedRole = Exclude<ColumnRole, "id" | "truth">;

export interface RoleContext {
  /** French headers were found: French phonetic codes suit the names. */
  readonly french: boolean;
  /** The coarsest date precision among the inputs (the SNDS keeps only year and month of birth). */
  readonly datePrecision: DatePrecision;
  /** Every input holds five-digit postal codes. */
  readonly frenchPostalCodes: boolean;
}

export interface RolePlan {
  /** Column name used when the inputs' headers differ and the first input's name cannot be kept. */
  readonly standardName: string;
  /** What the column holds, for comments. */
  readonly label: string;
  readonly steps: (context: RoleContext) => readonly unknown[];
  readonly stepsWhy: (context: RoleContext) => string;
  /** The comparison, as a template entry of the config. */
  readonly comparison: (column: string, context: RoleContext) => Record<string, unknown>;
  readonly comparisonWhy: (context: RoleContext) => string;
}

const NAME_STEPS = ["trim", "upper", "foldAccents", "punctuationToSpace", "collapseWhitespace"] as const;
const nameStepsWhy = () =>
  'upper case, accents folded, hyphens and apostrophes as spaces: "Jean-Pierre" = "JEAN PIERRE"';

/** Phonetic code of name comparisons: French codes for French data. */
export const namePhonetic = (context: RoleContext) => (context.french ? "phonex" : "doubleMetaphone");
/** Coarser code for blocking, where recall matters more than precision. */
export const blockingPhonetic = (context: RoleContext) => (context.french ? "soundexFr" : "doubleMetaphone");

function nameComparison(column: string, context: RoleContext) {
  return {
    template: "nameComparison",
    column,
    phonetic: namePhonetic(context),
    thresholds: [0.92, 0.88],
    termFrequency: true,
  };
}
const nameComparisonWhy = (context: RoleContext) =>
  `exact, then same ${namePhonetic(context)} code, then Jaro–Winkler ≥ 0.92 / 0.88; rare names weigh more (termFrequency)`;

function dateSteps(context: RoleContext) {
  return context.datePrecision === "day"
    ? [{ kind: "date" }]
    : [{ kind: "date", precision: context.datePrecision }];
}

function dateThresholds(precision: DatePrecision) {
  if (precision === "day") return undefined;
  if (precision === "month")
    return [
      { unit: "months", threshold: 1 },
      { unit: "years", threshold: 1 },
    ];
  return [{ unit: "years", threshold: 1 }];
}

export const rolePlans: Readonly<Record<ComparedRole, RolePlan>> = {
  socialSecurityNumber: {
    standardName: "nir",
    label: "social security number",
    steps: () => ["trim", "upper"],
    stepsWhy: () => "spaces around removed, letters (Corsica 2A/2B) in upper case",
    comparison: (column) => ({ template: "damerauLevenshteinAtThresholds", column, thresholds: [1] }),
    comparisonWhy: () => "exact, then one typing error (edit or swap of two digits)",
  },
  firstName: {
    standardName: "first_name",
    label: "first name",
    steps: () => NAME_STEPS,
    stepsWhy: nameStepsWhy,
    comparison: nameComparison,
    comparisonWhy: nameComparisonWhy,
  },
  surname: {
    standardName: "surname",
    label: "surname",
    steps: () => NAME_STEPS,
    stepsWhy: nameStepsWhy,
    comparison: nameComparison,
    comparisonWhy: nameComparisonWhy,
  },
  usageName: {
    standardName: "usage_name",
    label: "usage (married) name",
    steps: () => NAME_STEPS,
    stepsWhy: nameStepsWhy,
    comparison: nameComparison,
    comparisonWhy: nameComparisonWhy,
  },
  birthDate: {
    standardName: "birth_date",
    label: "birth date",
    steps: dateSteps,
    stepsWhy: (context) =>
      context.datePrecision === "day"
        ? "parsed from any common format (DD/MM/YYYY, YYYYMMDD…) to YYYY-MM-DD; SNDS placeholders such as 1600-01-01 become missing"
        : `parsed and cut to ${context.datePrecision === "month" ? "year and month" : "the year"}, the precision one input has (the SNDS keeps year and month of birth)`,
    comparison: (column, context) => {
      const thresholds = dateThresholds(context.datePrecision);
      return {
        template: "dateDifferenceAtThresholds",
        column,
        ...(thresholds ? { thresholds } : {}),
        ...(context.datePrecision === "day" ? { dayMonthSwap: true } : {}),
      };
    },
    comparisonWhy: (context) =>
      context.datePrecision === "day"
        ? "exact, day and month swapped, within 1 day, 1 month, 1 year"
        : context.datePrecision === "month"
          ? "exact month, within 1 month, within 1 year"
          : "exact year, within 1 year",
  },
  sex: {
    standardName: "sex",
    label: "sex",
    steps: () => ["sex"],
    stepsWhy: () => "M/H/F, homme/femme, 1/2 … coded 1 (male) or 2 (female); unknown codes become missing",
    comparison: (column) => ({ template: "exactMatch", column }),
    comparisonWhy: () => "agree or not",
  },
  deathDate: {
    standardName: "death_date",
    label: "death date",
    steps: () => [{ kind: "date" }],
    stepsWhy: () =>
      "parsed to YYYY-MM-DD; 1600-01-01 and other placeholders become missing (alive or not known dead)",
    comparison: (column) => ({ template: "dateDifferenceAtThresholds", column }),
    comparisonWhy: () => "exact, within 1 day, 1 month, 1 year; a missing date on either side is neutral",
  },
  commune: {
    standardName: "commune",
    label: "commune (INSEE code)",
    steps: () => ["inseeCommune"],
    stepsWhy: () => "checked and padded INSEE codes (1018 → 01018, 2A/2B kept); invalid codes become missing",
    comparison: (column) => ({ template: "exactMatch", column, termFrequency: true }),
    comparisonWhy: () => "same commune; a small commune weighs more than Paris (termFrequency)",
  },
  postalCode: {
    standardName: "postal_code",
    label: "postal code",
    steps: (context) => (context.frenchPostalCodes ? ["postalCode"] : ["trim"]),
    stepsWhy: (context) =>
      context.frenchPostalCodes
        ? "checked five-digit French postal codes; invalid ones become missing"
        : "spaces around removed",
    comparison: (column) => ({
      template: "levenshteinAtThresholds",
      column,
      thresholds: [1],
      termFrequency: true,
    }),
    comparisonWhy: () => "exact, then one digit wrong; rare codes weigh more",
  },
  city: {
    standardName: "city",
    label: "city name",
    steps: () => NAME_STEPS,
    stepsWhy: () => 'upper case, accents and punctuation folded: "Saint-Étienne" = "SAINT ETIENNE"',
    comparison: (column) => ({
      template: "jaroWinklerAtThresholds",
      column,
      thresholds: [0.92, 0.88],
      termFrequency: true,
    }),
    comparisonWhy: () => "exact, then Jaro–Winkler ≥ 0.92 / 0.88; rare cities weigh more",
  },
  address: {
    standardName: "address",
    label: "address",
    steps: () => NAME_STEPS,
    stepsWhy: () => "upper case, accents and punctuation folded",
    comparison: (column) => ({ template: "jaroWinklerAtThresholds", column, thresholds: [0.94, 0.88] }),
    comparisonWhy: () => "exact, then Jaro–Winkler ≥ 0.94 / 0.88",
  },
  streetNumber: {
    standardName: "street_number",
    label: "street number",
    steps: () => ["trim", "upper"],
    stepsWhy: () => "spaces around removed",
    comparison: (column) => ({ template: "levenshteinAtThresholds", column, thresholds: [1] }),
    comparisonWhy: () => "exact, then one character wrong",
  },
  area: {
    standardName: "area",
    label: "département, region or state",
    steps: () => ["trim", "upper"],
    stepsWhy: () => "spaces removed, upper case",
    comparison: (column) => ({ template: "exactMatch", column }),
    comparisonWhy: () => "agree or not (weak evidence: many people share one)",
  },
  finess: {
    standardName: "finess",
    label: "FINESS establishment number",
    steps: () => ["trim", "upper"],
    stepsWhy: () => "spaces removed, upper case (2A/2B)",
    comparison: (column) => ({ template: "exactMatch", column, termFrequency: true }),
    comparisonWhy: () => "same establishment; a small one weighs more than a large hospital",
  },
  email: {
    standardName: "email",
    label: "e-mail address",
    steps: () => ["trim", "lower"],
    stepsWhy: () => "lower case",
    comparison: (column) => ({ template: "levenshteinAtThresholds", column, thresholds: [1, 2] }),
    comparisonWhy: () => "exact, then one or two characters wrong",
  },
  phone: {
    standardName: "phone",
    label: "phone number",
    steps: () => ["trim", "removePunctuation", "collapseWhitespace"],
    stepsWhy: () => "dots, dashes and extra spaces removed",
    comparison: (column) => ({ template: "levenshteinAtThresholds", column, thresholds: [1] }),
    comparisonWhy: () => "exact, then one digit wrong",
  },
};

/** Compared roles in the order their comparisons are listed (strongest identifiers first). */
export const comparedRoleOrder: readonly ComparedRole[] = [
  "socialSecurityNumber",
  "firstName",
  "surname",
  "usageName",
  "birthDate",
  "sex",
  "deathDate",
  "commune",
  "postalCode",
  "city",
  "address",
  "streetNumber",
  "area",
  "finess",
  "email",
  "phone",
];
