// Standardisation declared per column as JSON data, compiled once, and applied per distinct value: a column
// of a million rows with ten thousand distinct names costs ten thousand clean-ups and one pass over codes.
import { DataError, SpecError } from "../errors.js";
import type { DataWarning } from "./data-warning.js";
import type { Dataset, EncodedColumn } from "./dataset.js";
import { NULL_CODE } from "./dataset.js";
import {
  type DateFormat,
  type DatePrecision,
  dateFormats,
  defaultDateFormats,
  defaultDateSentinels,
  parseDate,
  truncateDate,
} from "./dates.js";
import { standardiseCommuneCode, standardiseDepartement, standardisePostalCode } from "./insee-commune.js";
import { classifySex } from "./sex-code.js";
import {
  collapseWhitespace,
  foldAccents,
  normalisePunctuation,
  punctuationToSpace,
  removePunctuation,
} from "./text-normalise.js";

/** Steps that only rewrite text. */
export type TextStep =
  | "trim"
  | "upper"
  | "lower"
  | "foldAccents"
  | "normalisePunctuation"
  | "punctuationToSpace"
  | "removePunctuation"
  | "collapseWhitespace";

/** Steps that parse a code and output its canonical form, or null (with a counted warning) when invalid. */
export type CodeStep = "sex" | "inseeCommune" | "departement" | "postalCode";

export type NamedStep = TextStep | CodeStep;

/** Values that mean "missing" in this column, compared exactly with the value at this point of the steps. */
export interface NullValuesStep {
  readonly kind: "nullValues";
  readonly values: readonly string[];
}

/** Parse a date and output it as YYYY-MM-DD, YYYY-MM or YYYY, keeping the precision of the input. */
export interface DateStep {
  readonly kind: "date";
  /** Accepted formats, tried in order. Default: all but MM/DD/YYYY. */
  readonly formats?: readonly DateFormat[];
  /** Values meaning "unknown date", set to null silently. Default: defaultDateSentinels (SNDS 1600-01-01…). */
  readonly sentinels?: readonly string[];
  /** Cut dates to at most this precision (for example "month" when one source only has year and month). */
  readonly precision?: DatePrecision;
}

export type StandardiseStep = NamedStep | NullValuesStep | DateStep;

/** The steps applied, in order, to one column. */
export interface ColumnStandardisation {
  readonly column: string;
  /** Write the result to this column instead of replacing `column` (for example a département from a commune). */
  readonly output?: string;
  readonly steps: readonly StandardiseStep[];
}

export const textSteps: readonly TextStep[] = [
  "trim",
  "upper",
  "lower",
  "foldAccents",
  "normalisePunctuation",
  "punctuationToSpace",
  "removePunctuation",
  "collapseWhitespace",
];
export const codeSteps: readonly CodeStep[] = ["sex", "inseeCommune", "departement", "postalCode"];
export const namedSteps: readonly NamedStep[] = [...textSteps, ...codeSteps];

/** Why a value became null, counted per column and reported as a warning. */
export type StandardiseIssue =
  | "invalidDate"
  | "unrecognisedDate"
  | "unknownSex"
  | "invalidCommune"
  | "invalidDepartement"
  | "invalidPostalCode";

/** Receives the issue found while standardising one value. */
type IssueSink = (issue: StandardiseIssue) => void;
type CompiledStep = (value: string, report: IssueSink) => string | null;

const namedStepFunctions: Readonly<Record<NamedStep, CompiledStep>> = {
  trim: (value) => value.trim(),
  upper: (value) => value.toUpperCase(),
  lower: (value) => value.toLowerCase(),
  foldAccents,
  normalisePunctuation,
  punctuationToSpace,
  removePunctuation,
  collapseWhitespace,
  sex: (value, report) => {
    const sex = classifySex(value);
    if (sex === "1" || sex === "2") return sex;
    if (sex === "unrecognised") report("unknownSex");
    return null;
  },
  inseeCommune: (value, report) => reportNull(standardiseCommuneCode(value), "invalidCommune", report),
  departement: (value, report) => reportNull(standardiseDepartement(value), "invalidDepartement", report),
  postalCode: (value, report) => reportNull(standardisePostalCode(value), "invalidPostalCode", report),
};

function reportNull(result: string | null, issue: StandardiseIssue, report: IssueSink): string | null {
  if (result === null) report(issue);
  return result;
}

type ObjectStep = Exclude<StandardiseStep, NamedStep>;
const objectStepCompilers: {
  readonly [Kind in ObjectStep["kind"]]: (step: Extract<ObjectStep, { kind: Kind }>) => CompiledStep;
} = {
  nullValues: (step) => {
    const values = new Set(step.values);
    return (value) => (values.has(value) ? null : value);
  },
  date: (step) => compileDateStep(step),
};

function compileDateStep(step: DateStep): CompiledStep {
  const formats = step.formats ?? defaultDateFormats;
  const sentinels = step.sentinels ?? defaultDateSentinels;
  const rawSentinels = new Set(sentinels.map((sentinel) => sentinel.trim()));
  // A sentinel also matches when written in another accepted format (01/01/1600 for 1600-01-01).
  const canonicalSentinels = new Set<string>();
  for (const sentinel of sentinels) {
    const parsed = parseDate(sentinel, dateFormats);
    if (parsed.kind === "date") canonicalSentinels.add(parsed.canonical);
  }
  return (value, report) => {
    const text = value.trim();
    if (rawSentinels.has(text)) return null;
    const parsed = parseDate(text, formats);
    if (parsed.kind === "invalid") {
      report("invalidDate");
      return null;
    }
    if (parsed.kind === "unrecognised") {
      report("unrecognisedDate");
      return null;
    }
    if (canonicalSentinels.has(parsed.canonical)) return null;
    return step.precision ? truncateDate(parsed.canonical, step.precision) : parsed.canonical;
  };
}

/** A compiled list of steps: `apply` returns the standardised value and the issue that nulled it, if any. */
export interface CompiledStandardisation {
  apply(value: string): { readonly value: string | null; readonly issue: StandardiseIssue | null };
}

/**
 * Compiles steps once. Throws SpecError (one issue per unknown step, with its JSON path relative to the
 * list, like `$[2]`) when a step is not one of the vocabulary.
 */
export function compileStandardisation(
  steps: readonly StandardiseStep[],
  jsonPath = "$",
): CompiledStandardisation {
  const issues: { jsonPath: string; message: string }[] = [];
  const compiled: CompiledStep[] = [];
  steps.forEach((step, index) => {
    const compiledStep = compileStep(step);
    if (compiledStep) compiled.push(compiledStep);
    else {
      issues.push({
        jsonPath: `${jsonPath}[${index}]`,
        message: `unknown standardisation step ${JSON.stringify(step)}; expected one of ${namedSteps.join(", ")}, or an object with kind "nullValues" or "date"`,
      });
    }
  });
  if (issues.length > 0) throw new SpecError(issues);
  return {
    apply(value) {
      let issue: StandardiseIssue | null = null;
      const report: IssueSink = (found) => {
        issue = found;
      };
      let current: string | null = value;
      for (const step of compiled) {
        current = step(current, report);
        // An empty value is a missing value: no later step could make it meaningful.
        if (current === null || current === "") return { value: null, issue };
      }
      return { value: current, issue };
    },
  };
}

function compileStep(step: StandardiseStep): CompiledStep | undefined {
  if (typeof step === "string")
    return Object.hasOwn(namedStepFunctions, step) ? namedStepFunctions[step] : undefined;
  if (step === null || typeof step !== "object" || !Object.hasOwn(objectStepCompilers, step.kind))
    return undefined;
  const compiler = objectStepCompilers[step.kind] as (step: ObjectStep) => CompiledStep;
  return compiler(step);
}

/** One value through the steps (null stays null). For tests and one-off use; datasets go through standardiseDataset. */
export function standardiseValue(value: string | null, steps: readonly StandardiseStep[]): string | null {
  if (value === null) return null;
  return compileStandardisation(steps).apply(value).value;
}

export interface StandardisedColumn {
  readonly column: EncodedColumn;
  /** Per issue: rows and distinct values nulled by it. */
  readonly issueCounts: ReadonlyMap<
    StandardiseIssue,
    { readonly rows: number; readonly distinctValues: number }
  >;
}

/** Standardises each distinct value once, merges values that became equal, and remaps the row codes. */
export function standardiseColumn(
  column: EncodedColumn,
  steps: readonly StandardiseStep[] | CompiledStandardisation,
  name: string = column.name,
): StandardisedColumn {
  const compiled = "apply" in steps ? steps : compileStandardisation(steps);
  const remap = new Int32Array(column.dictionary.length);
  const issueOfCode: (StandardiseIssue | null)[] = new Array(column.dictionary.length).fill(null);
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  column.dictionary.forEach((raw, code) => {
    const { value, issue } = compiled.apply(raw);
    issueOfCode[code] = issue;
    if (value === null) {
      remap[code] = NULL_CODE;
      return;
    }
    let newCode = codeOf.get(value);
    if (newCode === undefined) {
      newCode = dictionary.length;
      dictionary.push(value);
      codeOf.set(value, newCode);
    }
    remap[code] = newCode;
  });
  const rowsPerCode = new Int32Array(column.dictionary.length);
  const codes = new Int32Array(column.codes.length);
  for (let row = 0; row < codes.length; row++) {
    const code = column.codes[row]!;
    if (code === NULL_CODE) codes[row] = NULL_CODE;
    else {
      codes[row] = remap[code]!;
      rowsPerCode[code]!++;
    }
  }
  const issueCounts = new Map<StandardiseIssue, { rows: number; distinctValues: number }>();
  issueOfCode.forEach((issue, code) => {
    if (issue === null) return;
    const counts = issueCounts.get(issue) ?? { rows: 0, distinctValues: 0 };
    counts.rows += rowsPerCode[code]!;
    counts.distinctValues++;
    issueCounts.set(issue, counts);
  });
  return { column: { name, dictionary, codes }, issueCounts };
}

const issueWarnings: Readonly<Record<StandardiseIssue, { readonly code: string; readonly what: string }>> = {
  invalidDate: {
    code: "STANDARDISE_INVALID_DATE",
    what: "impossible dates (such as 30 February or month 13)",
  },
  unrecognisedDate: {
    code: "STANDARDISE_UNRECOGNISED_DATE",
    what: "values in none of the accepted date formats",
  },
  unknownSex: { code: "STANDARDISE_UNKNOWN_SEX", what: "unrecognised sex codes" },
  invalidCommune: { code: "STANDARDISE_INVALID_COMMUNE", what: "values that are not INSEE commune codes" },
  invalidDepartement: {
    code: "STANDARDISE_INVALID_DEPARTEMENT",
    what: "values that are not département codes",
  },
  invalidPostalCode: { code: "STANDARDISE_INVALID_POSTAL_CODE", what: "values that are not postal codes" },
};

/**
 * Applies each column's steps, in order (a later entry sees the result of an earlier one on the same
 * column). Returns a new Dataset and warnings counting the rows nulled per problem, never the values.
 * Throws DataError DATA_MISSING_COLUMN for an unknown column and SpecError for an unknown step.
 */
export function standardiseDataset(
  dataset: Dataset,
  standardisations: readonly ColumnStandardisation[],
): { readonly dataset: Dataset; readonly warnings: readonly DataWarning[] } {
  const columns = new Map(dataset.columns);
  const warnings: DataWarning[] = [];
  standardisations.forEach((standardisation, index) => {
    const column = columns.get(standardisation.column);
    if (!column) {
      throw new DataError(
        "DATA_MISSING_COLUMN",
        `Cannot standardise column "${standardisation.column}": dataset "${dataset.name}" has no such column. Available columns: ${[...columns.keys()].map((name) => `"${name}"`).join(", ")}.`,
        {
          jsonPath: `$[${index}].column`,
          hint: "Check the column name, and that it is read from the file (`columns`).",
        },
      );
    }
    const outputName = standardisation.output ?? standardisation.column;
    const compiled = compileStandardisation(standardisation.steps, `$[${index}].steps`);
    const result = standardiseColumn(column, compiled, outputName);
    columns.set(outputName, result.column);
    for (const [issue, counts] of result.issueCounts) {
      const { code, what } = issueWarnings[issue];
      warnings.push({
        code,
        column: standardisation.column,
        count: counts.rows,
        distinctValues: counts.distinctValues,
        message: `${counts.rows} row(s) (${counts.distinctValues} distinct value(s)) of column "${standardisation.column}" held ${what} and were set to null.`,
      });
    }
  });
  return { dataset: { ...dataset, columns }, warnings };
}
