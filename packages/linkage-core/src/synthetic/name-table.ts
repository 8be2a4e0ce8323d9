// INSEE first-name and surname frequencies by birth decade (the compact tables in data/), and drawing
// names from them. Parsing is pure: the Node adapter reads the files, this module only sees their text.
import { DataError } from "../errors.js";
import { cumulativeSums, drawFromCumulative, type RandomStream } from "./random-stream.js";

/** Name of the row holding the mass of every name not listed (INSEE's rare names and the cut tail). */
export const OTHER_NAMES_ROW = "*OTHER*";

/** P(name | birth period): listed names with counts per decade, plus rare names carrying the remaining mass. */
export interface NameDistribution {
  /** Listed names, most frequent first. */
  readonly names: readonly string[];
  /** First birth year of period 0; period i covers `periodYears` years from `firstPeriodYear + i * periodYears`. */
  readonly firstPeriodYear: number;
  readonly periodYears: number;
  /**
   * Per period, running sums of the listed names' counts followed by one last element for the unlisted
   * mass: drawing that last index means "draw a rare name".
   */
  readonly cumulativeByPeriod: readonly Float64Array[];
  /** Rarer names, drawn in proportion to their total births whenever the unlisted mass is drawn. */
  readonly rareNames: readonly string[];
  readonly rareCumulative: Float64Array;
}

export interface NameTable {
  /** Index 0: boys (INSEE sex 1); index 1: girls (INSEE sex 2). */
  readonly firstNamesBySex: readonly [NameDistribution, NameDistribution];
  readonly surnames: NameDistribution;
}

/** The text of the four files written by scripts/derive-insee-names.mjs. */
export interface InseeNameTableTexts {
  readonly firstNames: string;
  readonly rareFirstNames: string;
  readonly surnames: string;
  readonly rareSurnames: string;
}

interface ParsedRows {
  readonly header: readonly string[];
  readonly rows: readonly string[][];
}

const REGENERATE_HINT = "Regenerate the table with `node scripts/derive-insee-names.mjs`.";

function parseTsv(text: string, file: string): ParsedRows {
  const lines = text.split("\n");
  const header = lines[0]?.split("\t") ?? [];
  const rows: string[][] = [];
  for (let lineIndex = 1; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    if (line === "") continue;
    const fields = line.split("\t");
    if (fields.length !== header.length) {
      throw new DataError(
        "NAME_TABLE_INVALID",
        `found ${fields.length} fields where the header has ${header.length}.`,
        { file, line: lineIndex + 1, hint: REGENERATE_HINT },
      );
    }
    rows.push(fields);
  }
  return { header, rows };
}

/** The period start years that end a header after `keyColumns` key columns. */
function periodYearsOf(parsed: ParsedRows, keyColumns: number, file: string): number[] {
  const years = parsed.header.slice(keyColumns).map(Number);
  if (years.length === 0 || years.some((year) => !Number.isInteger(year))) {
    throw new DataError("NAME_TABLE_INVALID", "the header does not end with integer period columns.", {
      file,
      line: 1,
      hint: REGENERATE_HINT,
    });
  }
  return years;
}

function parseCount(value: string, file: string, row: number): number {
  const count = Number(value);
  if (!Number.isFinite(count) || count < 0) {
    throw new DataError("NAME_TABLE_INVALID", "a count is not a non-negative number.", {
      file,
      line: row + 2,
      hint: REGENERATE_HINT,
    });
  }
  return count;
}

function buildDistribution(
  listed: readonly string[][],
  periodYears: readonly number[],
  rare: readonly string[][],
  file: string,
): NameDistribution {
  const names: string[] = [];
  const countsByPeriod = periodYears.map(() => [] as number[]);
  let otherCounts: readonly number[] | undefined;
  for (const [rowIndex, row] of listed.entries()) {
    const counts = row
      .slice(row.length - periodYears.length)
      .map((value) => parseCount(value, file, rowIndex));
    const name = row[row.length - periodYears.length - 1];
    if (name === OTHER_NAMES_ROW) {
      otherCounts = counts;
      continue;
    }
    names.push(name);
    for (const [period, count] of counts.entries()) countsByPeriod[period].push(count);
  }
  if (names.length === 0) {
    throw new DataError("NAME_TABLE_INVALID", "the table lists no names.", { file });
  }
  // Without rare names the unlisted mass cannot be drawn, so it is left out rather than drawn as a fake name.
  const other = rare.length > 0 && otherCounts ? otherCounts : periodYears.map(() => 0);
  const cumulativeByPeriod = countsByPeriod.map((counts, period) =>
    cumulativeSums([...counts, Math.max(0, other[period])]),
  );
  return {
    names,
    firstPeriodYear: periodYears[0],
    periodYears: periodYears.length > 1 ? periodYears[1] - periodYears[0] : 10,
    cumulativeByPeriod,
    rareNames: rare.map((row) => row[row.length - 2]),
    rareCumulative: cumulativeSums(
      rare.map((row, rowIndex) => parseCount(row[row.length - 1], file, rowIndex)),
    ),
  };
}

/** Builds the name table from the text of the four derived INSEE files. */
export function parseInseeNameTables(texts: InseeNameTableTexts): NameTable {
  const firstNameFile = "insee-first-names.tsv";
  const surnameFile = "insee-surnames.tsv";
  const firstNames = parseTsv(texts.firstNames, firstNameFile);
  const rareFirstNames = parseTsv(texts.rareFirstNames, "insee-first-names-rare.tsv");
  const surnames = parseTsv(texts.surnames, surnameFile);
  const rareSurnames = parseTsv(texts.rareSurnames, "insee-surnames-rare.tsv");
  const firstNameYears = periodYearsOf(firstNames, 2, firstNameFile);
  const bySex = (sex: string, rows: readonly string[][]) => rows.filter((row) => row[0] === sex);
  const firstNameDistribution = (sex: string) =>
    buildDistribution(
      bySex(sex, firstNames.rows),
      firstNameYears,
      bySex(sex, rareFirstNames.rows),
      firstNameFile,
    );
  return {
    firstNamesBySex: [firstNameDistribution("1"), firstNameDistribution("2")],
    surnames: buildDistribution(
      surnames.rows,
      periodYearsOf(surnames, 1, surnameFile),
      rareSurnames.rows,
      surnameFile,
    ),
  };
}

/** Draws a name for a birth year; years outside the table use its first or last period. */
export function drawName(distribution: NameDistribution, birthYear: number, random: RandomStream): string {
  const periods = distribution.cumulativeByPeriod.length;
  const period = Math.min(
    periods - 1,
    Math.max(0, Math.floor((birthYear - distribution.firstPeriodYear) / distribution.periodYears)),
  );
  const index = drawFromCumulative(random, distribution.cumulativeByPeriod[period]);
  if (index < distribution.names.length) return distribution.names[index];
  return distribution.rareNames[drawFromCumulative(random, distribution.rareCumulative)];
}

/** A first name given at birth to a child of this sex (1 boy, 2 girl) in this year. */
export function drawFirstName(table: NameTable, sex: 1 | 2, birthYear: number, random: RandomStream): string {
  return drawName(table.firstNamesBySex[sex - 1], birthYear, random);
}

/** A surname of a person born in this year. */
export function drawSurname(table: NameTable, birthYear: number, random: RandomStream): string {
  return drawName(table.surnames, birthYear, random);
}
