// Plain-text tables and number formats for the readable output of the commands (stdout, never logs).

export type Alignment = "left" | "right";

/** Columns padded to their widest cell; `align` per column (default: left for the first, right for others). */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { readonly align?: readonly Alignment[]; readonly indent?: string } = {},
): string[] {
  const indent = options.indent ?? "  ";
  const widths = header.map((cell, column) =>
    Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ""))),
  );
  const alignOf = (column: number): Alignment => options.align?.[column] ?? (column === 0 ? "left" : "right");
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, column) => pad(cell, widths[column]!, alignOf(column)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function pad(text: string, width: number, align: Alignment): string {
  const padding = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + padding : padding + text;
}

/** Characters as a terminal shows them (code points, not UTF-16 units). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const _ of text) width++;
  return width;
}

export const formatCount = (value: number): string => value.toLocaleString("en-US");

export function formatPercent(share: number, digits = 2): string {
  return Number.isFinite(share) ? `${(100 * share).toFixed(digits)} %` : "–";
}

/** A weight in bits with its sign, such as "+8.12" or "-3.50". */
export function formatWeight(weight: number): string {
  if (!Number.isFinite(weight)) return weight > 0 ? "+∞" : weight < 0 ? "-∞" : "NaN";
  return `${weight >= 0 ? "+" : ""}${weight.toFixed(2)}`;
}

/** A probability with six significant digits (enough to tell 0.9999 from 1), tiny ones in exponent form. */
export function formatProbability(value: number): string {
  if (value > 0 && value < 1e-4) return value.toExponential(2);
  return String(Number(value.toPrecision(6)));
}
