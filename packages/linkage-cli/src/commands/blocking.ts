// `linkage blocking <config>`: how many pairs each blocking rule makes, on its own and cumulatively, before
// anything is generated; with a truth column, the share of true pairs the rules keep (blocking recall).

import type { Command } from "commander";
import {
  type BlockingRecall,
  blockingRecall,
  comparisonSpaceSize,
  countCandidatePairs,
  generateCandidatePairs,
  type LinkType,
  prepareLinkage,
} from "linkage-core";
import { loadConfig } from "../config.js";
import type { CliIo } from "../io.js";
import { loadInputs } from "../load-inputs.js";
import { formatCount, formatPercent, textTable } from "../output/text-table.js";
import type { Reporter } from "../reporter.js";
import {
  type GlobalOptions,
  reporterFor,
  resolvePath,
  truthCodes,
  withExamples,
  withOutputOptions,
} from "./common.js";

export interface BlockingRuleReport {
  readonly name: string;
  /** Pairs the rule makes on its own. */
  readonly pairs: number;
  /** Pairs it adds to the earlier rules (an upper bound when `exact` is false). */
  readonly newPairs: number;
  readonly cumulativePairs: number;
  readonly exact: boolean;
  /** Share of true pairs kept by this rule and the earlier ones (with a truth column). */
  readonly cumulativeRecall?: number;
}

export interface BlockingReport {
  readonly linkType: LinkType;
  readonly inputs: readonly { readonly name: string; readonly rows: number }[];
  /** Pairs a comparison of everything would make. */
  readonly comparisonSpace: number;
  readonly rules: readonly BlockingRuleReport[];
  readonly candidatePairs: number;
  /** 1 − candidate pairs / comparison space. */
  readonly reductionRatio: number;
  readonly maxCandidatePairs: number;
  readonly truthColumn?: string;
  readonly recall?: BlockingRecall;
}

export function registerBlockingCommand(program: Command, io: CliIo): void {
  const command = program
    .command("blocking")
    .description(
      "count the candidate pairs of each blocking rule (and blocking recall against a truth column)",
    )
    .argument("<config>", "config file (JSON with comments)");
  withExamples(withOutputOptions(command), [
    "linkage blocking linkage.config.json",
    "linkage blocking linkage.config.json --json",
  ]).action(async (config: string, options: GlobalOptions) => {
    await blockingCommand(resolvePath(io, config), reporterFor(io, options));
  });
}

export async function blockingCommand(configPath: string, reporter: Reporter): Promise<BlockingReport> {
  const config = await loadConfig(configPath);
  const { spec } = config;
  const { datasets } = await loadInputs(config, reporter);
  const context = prepareLinkage(spec, datasets);
  const counts = countCandidatePairs(context.dataset, spec.blockingRules, spec.linkType);
  const space = comparisonSpaceSize(spec.linkType, context.sourceSizes);
  let rules: BlockingRuleReport[] = counts.rules.map((rule) => ({ ...rule }));
  let recall: BlockingRecall | undefined;
  if (config.truth && counts.totalPairs > spec.maxCandidatePairs) {
    reporter.warn({
      code: "BLOCKING_RECALL_SKIPPED",
      message: `blocking recall not computed: the rules make ${formatCount(counts.totalPairs)} pairs, more than maxCandidatePairs (${formatCount(spec.maxCandidatePairs)}).`,
    });
  } else if (config.truth) {
    const truth = truthCodes(context.dataset.columns, config.truth.column);
    const pairs = generateCandidatePairs(context.dataset, spec.blockingRules, spec.linkType, {
      maxPairs: spec.maxCandidatePairs,
      onProgress: (progress) =>
        reporter.progress({ step: "blocking", done: progress.pairCount, total: counts.totalPairs }),
    });
    // Pairs come rule by rule, so the pairs of the first r rules are a prefix of the list.
    const ends = new Int32Array(rules.length);
    for (let pair = 0; pair < pairs.count; pair++) ends[pairs.ruleIndex[pair]!] = pair + 1;
    for (let rule = 1; rule < ends.length; rule++) ends[rule] = Math.max(ends[rule]!, ends[rule - 1]!);
    rules = rules.map((rule, index) => ({
      ...rule,
      cumulativeRecall: blockingRecall(
        { ...pairs, count: ends[index]! },
        truth,
        spec.linkType,
        context.dataset,
      ).recall,
    }));
    recall = blockingRecall(pairs, truth, spec.linkType, context.dataset);
  }
  const report: BlockingReport = {
    linkType: spec.linkType,
    inputs: context.dataset.sourceNames.map((name, source) => ({ name, rows: context.sourceSizes[source]! })),
    comparisonSpace: space,
    rules,
    candidatePairs: counts.totalPairs,
    reductionRatio: space === 0 ? 0 : 1 - counts.totalPairs / space,
    maxCandidatePairs: spec.maxCandidatePairs,
    ...(config.truth ? { truthColumn: config.truth.column } : {}),
    ...(recall ? { recall } : {}),
  };
  if (counts.totalPairs > spec.maxCandidatePairs) {
    reporter.warn({
      code: "BLOCKING_TOO_MANY_PAIRS",
      message: `a run would stop: ${formatCount(counts.totalPairs)} candidate pairs exceed maxCandidatePairs (${formatCount(spec.maxCandidatePairs)}). Tighten the rules that add the most new pairs.`,
    });
  }
  reporter.result(renderBlockingReport(report), report);
  return report;
}

export function renderBlockingReport(report: BlockingReport): string {
  const lines: string[] = [];
  lines.push(
    `Blocking (${report.linkType}) of ${report.inputs.map((input) => `${input.name}: ${formatCount(input.rows)} records`).join(", ")}`,
  );
  lines.push(`Comparison space: ${formatCount(report.comparisonSpace)} pairs`);
  lines.push("");
  const withRecall = report.recall !== undefined;
  const header = ["rule", "pairs", "new pairs", "cumulative", "share of space"];
  if (withRecall) header.push("cumulative recall");
  const rows = report.rules.map((rule) => {
    const bound = rule.exact ? "" : "≤ ";
    const row = [
      rule.name,
      formatCount(rule.pairs),
      bound + formatCount(rule.newPairs),
      bound + formatCount(rule.cumulativePairs),
      formatPercent(report.comparisonSpace === 0 ? 0 : rule.cumulativePairs / report.comparisonSpace, 4),
    ];
    if (withRecall) row.push(formatPercent(rule.cumulativeRecall ?? 0));
    return row;
  });
  lines.push(...textTable(header, rows));
  lines.push("");
  lines.push(
    `Candidate pairs: ${formatCount(report.candidatePairs)} (reduction ratio ${formatPercent(report.reductionRatio, 4)}; limit ${formatCount(report.maxCandidatePairs)})`,
  );
  if (report.recall) {
    const recall = report.recall;
    lines.push(
      `Blocking recall against "${report.truthColumn}": ${formatCount(recall.truePairsFound)} of ${formatCount(recall.truePairs)} true pairs kept (${formatPercent(recall.recall)})`,
    );
  }
  if (report.rules.some((rule) => !rule.exact)) {
    lines.push("≤: an upper bound (an exact count would have cost too much).");
  }
  return `${lines.join("\n")}\n`;
}
