// Maps the header row of a CSV file to the dataset: which field holds the id, which fields become
// which columns, and which are skipped; reports missing and duplicate names with the headers available.
import { DataError } from "../errors.js";
import type { ResolvedCsvOptions } from "./csv-options.js";

/** `slotOfField` value of a field that is not encoded. */
export const SKIPPED_FIELD = -1;

export interface CsvColumnLayout {
  /** Field index of the id column, or -1 when ids are row numbers. */
  readonly idField: number;
  /** For each field of a row: the index in `columnNames` it fills, or SKIPPED_FIELD. */
  readonly slotOfField: Int32Array;
  /** Dataset column names, in output order. */
  readonly columnNames: readonly string[];
  /** Field index feeding each column. */
  readonly fieldOfColumn: readonly number[];
}

export interface HeaderContext {
  readonly sourceName: string | undefined;
  readonly line: number;
  readonly delimiter: string;
}

export function resolveCsvHeader(
  headers: readonly string[],
  options: ResolvedCsvOptions,
  context: HeaderContext,
): CsvColumnLayout {
  for (const original of Object.keys(options.rename)) {
    if (!headers.includes(original)) throw missingColumn(original, "rename", headers, context);
  }
  const names = headers.map((header) => options.rename[header] ?? header);
  const fieldOfName = new Map<string, number>();
  names.forEach((name, field) => {
    const previous = fieldOfName.get(name);
    // Unnamed fields (a trailing delimiter) cannot be selected, so repeating them is harmless.
    if (previous !== undefined && name !== "") {
      throw new DataError(
        "DATA_DUPLICATE_HEADER",
        `Column "${name}" appears twice in the header, at fields ${previous + 1} and ${field + 1}.`,
        {
          file: context.sourceName,
          line: context.line,
          column: field + 1,
          hint: "Rename one of the columns in the file, or map the headers to distinct names with `rename`.",
        },
      );
    }
    if (previous === undefined) fieldOfName.set(name, field);
  });
  const fieldOf = (name: string, option: string): number => {
    const field = fieldOfName.get(name);
    if (field === undefined) throw missingColumn(name, option, names, context);
    return field;
  };
  const idField = options.idColumn === undefined ? -1 : fieldOf(options.idColumn, "idColumn");
  const columnNames =
    options.columns ??
    names.filter((name, field) => field !== idField && name !== "" && fieldOfName.get(name) === field);
  const fieldOfColumn = columnNames.map((name) => fieldOf(name, "columns"));
  const slotOfField = new Int32Array(headers.length).fill(SKIPPED_FIELD);
  fieldOfColumn.forEach((field, slot) => {
    slotOfField[field] = slot;
  });
  return { idField, slotOfField, columnNames, fieldOfColumn };
}

function missingColumn(
  name: string,
  option: string,
  available: readonly string[],
  context: HeaderContext,
): DataError {
  const listed = available.map((header) => `"${header}"`).join(", ");
  const delimiterHint =
    available.length === 1
      ? ` The header has a single column: is the delimiter right (read with ${JSON.stringify(context.delimiter)})?`
      : "";
  return new DataError(
    "DATA_MISSING_COLUMN",
    `Column "${name}" (from the \`${option}\` option) is not in the header. Available columns: ${listed}.`,
    {
      file: context.sourceName,
      line: context.line,
      hint: `Check the spelling and case of \`${option}\`, or map the header with \`rename\`.${delimiterHint}`,
    },
  );
}
