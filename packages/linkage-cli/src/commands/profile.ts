// `linkage profile <config>`: what each column of each input holds (completeness, distinct values, lengths,
// most frequent values), before choosing comparisons and blocking rules.

import type { Command } from "commander";
import { type ColumnProfile, profileDataset } from "linkage-core";
import { loadConfig } from "../config.js";
import type { CliIo } from "../io.js";
import { inputName, loadInputs } from "../load-inputs.js";
import { formatCount, formatPercent, textTable } from "../output/text-table.js";
import type { Reporter } from "../reporter.js";
import {
  type GlobalOptions,
  positiveInteger,
  reporterFor,
  resolvePath,
  withExamples,
  withOutputOptions,
} from "./common.js";

export interface ProfileCommandOptions {
  /** Leave values out (counts only): for health data. */
  readonly hideValues?: boolean;
  /** Most frequent values listed per column. */
  readonly top?: number;
  /** Profile the file as read, before the config's standardisation. */
  readonly raw?: boolean;
}

export interface InputProfile {
  readonly name: string;
  readonly file: string;
  readonly rows: number;
  readonly idColumn: string | null;
  readonly delimiter: string;
  readonly encoding: string;
  readonly columns: readonly ColumnProfile[];
}

export interface ProfileResult {
  readonly valuesHidden: boolean;
  readonly standardised: boolean;
  readonly inputs: readonly InputProfile[];
}

export function registerProfileCommand(program: Command, io: CliIo): void {
  const command = program
    .command("profile")
    .description(
      "profile every column of the config's inputs: completeness, distinct values, lengths, top values",
    )
    .argument("<config>", "config file (JSON with comments)")
    .option("--hide-values", "show counts only, never a value (health data)")
    .option("--top <n>", "most frequent values listed per column", positiveInteger, 5)
    .option("--raw", "profile the files as read, before the config's standardisation");
  withExamples(withOutputOptions(command), [
    "linkage profile linkage.config.json",
    "linkage profile linkage.config.json --hide-values",
    "linkage profile linkage.config.json --top 10 --json > profile.json",
  ]).action(async (config: string, options: GlobalOptions & ProfileCommandOptions) => {
    await profileCommand(resolvePath(io, config), options, reporterFor(io, options));
  });
}

export async function profileCommand(
  configPath: string,
  options: ProfileCommandOptions,
  reporter: Reporter,
): Promise<ProfileResult> {
  const config = await loadConfig(configPath);
  const loadConfigForProfile = options.raw
    ? { ...config, inputs: config.inputs.map((input) => ({ ...input, standardise: [] })) }
    : config;
  const loaded = await loadInputs(loadConfigForProfile, reporter, [], { allColumns: true });
  const hideValues = options.hideValues ?? false;
  const result: ProfileResult = {
    valuesHidden: hideValues,
    standardised: !options.raw,
    inputs: config.inputs.map((input, index) => {
      const dataset = loaded.datasets[index]!;
      const read = loaded.reads[index]!;
      return {
        name: inputName(input),
        file: input.absolutePath,
        rows: dataset.rowCount,
        idColumn: input.idColumn ?? null,
        delimiter: read.delimiter,
        encoding: read.encoding,
        columns: profileDataset(dataset, { topValues: options.top ?? 5, hideValues }),
      };
    }),
  };
  reporter.result(renderProfile(result), result);
  return result;
}

export function renderProfile(result: ProfileResult): string {
  const lines: string[] = [];
  for (const input of result.inputs) {
    lines.push(
      `Input ${input.name}: ${formatCount(input.rows)} records (${input.file}, delimiter ${JSON.stringify(input.delimiter)}, ${input.encoding})`,
    );
    lines.push(
      input.idColumn
        ? `  id column "${input.idColumn}": unique and never empty (checked while reading)`
        : "  no id column: records are numbered from 1 in file order",
    );
    const rows = input.columns.map((column) => [
      column.column,
      formatPercent(column.completeness, 1),
      formatCount(column.distinctValues),
      column.nonNull === 0
        ? "–"
        : `${column.minLength} / ${column.meanLength.toFixed(1)} / ${column.maxLength}`,
      column.nonNull === 0
        ? "–"
        : `${formatCount(column.topCount)} (${formatPercent(column.topCount / column.nonNull, 1)})`,
    ]);
    lines.push(
      ...textTable(["column", "complete", "distinct", "length min / mean / max", "top value count"], rows),
    );
    if (!result.valuesHidden) {
      lines.push("", "  Most frequent values");
      for (const column of input.columns) {
        const values = column.topValues.map(
          (entry) => `${JSON.stringify(entry.value)} ×${formatCount(entry.count)}`,
        );
        lines.push(`    ${column.column}: ${values.length > 0 ? values.join(", ") : "(no value)"}`);
      }
    }
    lines.push("");
  }
  lines.push(
    result.standardised
      ? "Values are shown after the config's standardisation (--raw: as read)."
      : "Values are shown as read, before standardisation.",
  );
  if (result.valuesHidden) lines.push("Values hidden (--hide-values): counts only.");
  else lines.push("This output shows record values: use --hide-values before sharing it.");
  return `${lines.join("\n")}\n`;
}
