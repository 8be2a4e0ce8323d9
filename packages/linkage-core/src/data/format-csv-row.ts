// Formats rows of CSV output with RFC 4180 quoting: fields holding the delimiter, a quote or a line break
// are quoted, and quotes inside are doubled. Everything else is written as is, so the common case costs a test.

/** A cell to write: null and undefined become an empty field; numbers are written with String(). */
export type CsvCell = string | number | boolean | null | undefined;

const needsQuotingByDelimiter = new Map<string, RegExp>();

function quotingPattern(delimiter: string): RegExp {
  let pattern = needsQuotingByDelimiter.get(delimiter);
  if (!pattern) {
    pattern = new RegExp(`["\\r\\n${delimiter === "\t" ? "\\t" : `\\${delimiter}`}]`);
    needsQuotingByDelimiter.set(delimiter, pattern);
  }
  return pattern;
}

/** One field, quoted only when it must be. */
export function formatCsvField(cell: CsvCell, delimiter = ","): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell !== "string") return String(cell);
  if (!quotingPattern(delimiter).test(cell)) return cell;
  return `"${cell.replaceAll('"', '""')}"`;
}

/** One row, ending with "\n". */
export function formatCsvRow(cells: readonly CsvCell[], delimiter = ","): string {
  let line = "";
  for (let index = 0; index < cells.length; index++) {
    if (index > 0) line += delimiter;
    line += formatCsvField(cells[index], delimiter);
  }
  return `${line}\n`;
}
