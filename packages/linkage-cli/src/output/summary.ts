// The run summary: one JSON document (summary.json) and its readable rendering for stdout. Counts and
// parameters only — never record values.
import type { ClusterEvaluation, LinkageResult, LinkEvaluation } from "linkage-core";

export interface RunSummary {
  readonly linkType: string;
  readonly inputs: readonly { readonly name: string; readonly rows: number; readonly skippedRows: number }[];
  readonly blocking: {
    readonly rules: readonly {
      readonly name: string;
      readonly pairs: number;
      readonly newPairs: number;
      readonly cumulativePairs: number;
    }[];
    readonly candidatePairs: number;
  };
  readonly model: {
    readonly priorMatchProbability: number;
    readonly comparisons: readonly {
      readonly name: string;
      readonly levels: readonly {
        readonly label: string;
        readonly m: number;
        readonly u: number;
        readonly weight: number;
      }[];
    }[];
  };
  readonly training?: LinkageResult["training"];
  readonly results: {
    readonly pairsWritten: number;
    readonly links?: number;
    readonly ambiguousLinks?: number;
    /** What links were decided on (spec `oneToOne.probability`). */
    readonly decidedOn?: "oneToOnePosteriors" | "pairwiseProbabilities";
    /** With one-to-one posteriors: the share of the smaller source's records estimated to have a match. */
    readonly estimatedLinkedShare?: { readonly source: string; readonly share: number };
    readonly clusters?: number;
    readonly linkedRecordsBySource: readonly {
      readonly name: string;
      readonly linked: number;
      readonly rows: number;
    }[];
  };
  readonly estimatedErrorRates: LinkageResult["errorRates"];
  readonly evaluation?: LinkEvaluation | ClusterEvaluation;
  readonly timingsMs: LinkageResult["timings"] & { readonly readingMs: number; readonly writingMs?: number };
  /** Threads that compared and scored pairs. */
  readonly threads?: number;
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

export interface SummaryInput {
  readonly result: LinkageResult;
  readonly skippedRows: readonly number[];
  readonly pairsWritten: number;
  readonly readingMs: number;
  readonly evaluation?: LinkEvaluation | ClusterEvaluation;
}

export function buildSummary(input: SummaryInput): RunSummary {
  const { result } = input;
  const { context, decisions, predictions } = result;
  const { dataset } = context;
  const linked = new Uint8Array(dataset.rowCount);
  if (decisions.kind === "links") {
    for (const pair of decisions.selected) {
      linked[predictions.pairs.left[pair]!] = 1;
      linked[predictions.pairs.right[pair]!] = 1;
    }
  } else {
    const sizes = new Int32Array(decisions.clusterCount);
    for (const cluster of decisions.clusterOf) sizes[cluster]!++;
    decisions.clusterOf.forEach((cluster, row) => {
      if (sizes[cluster]! > 1) linked[row] = 1;
    });
  }
  const linkedRecordsBySource = dataset.sourceNames.map((name, source) => {
    let count = 0;
    for (let row = dataset.sourceOffsets[source]!; row < dataset.sourceOffsets[source + 1]!; row++)
      count += linked[row]!;
    return { name, linked: count, rows: dataset.sourceOffsets[source + 1]! - dataset.sourceOffsets[source]! };
  });
  return {
    linkType: context.spec.linkType,
    inputs: dataset.sourceNames.map((name, source) => ({
      name,
      rows: context.sourceSizes[source]!,
      skippedRows: input.skippedRows[source] ?? 0,
    })),
    blocking: {
      rules: result.blockingCounts.rules.map((rule) => ({
        name: rule.name,
        pairs: rule.pairs,
        newPairs: rule.newPairs,
        cumulativePairs: rule.cumulativePairs,
      })),
      candidatePairs: result.candidatePairCount,
    },
    model: {
      priorMatchProbability: result.parameters.priorMatchProbability,
      comparisons: result.parameters.comparisons.map((comparison) => ({
        name: comparison.name,
        levels: comparison.m.map((m, level) => ({
          label: comparison.levelLabels[level] ?? `level ${level}`,
          m,
          u: comparison.u[level]!,
          weight: Math.log2(m / comparison.u[level]!),
        })),
      })),
    },
    ...(result.training ? { training: result.training } : {}),
    results: {
      pairsWritten: input.pairsWritten,
      ...(decisions.kind === "links"
        ? {
            links: decisions.selected.length,
            ambiguousLinks: decisions.ambiguous.reduce((sum, flag) => sum + flag, 0),
            decidedOn: decisions.linkedShare
              ? ("oneToOnePosteriors" as const)
              : ("pairwiseProbabilities" as const),
            ...(decisions.linkedShare
              ? {
                  estimatedLinkedShare: {
                    source: dataset.sourceNames[decisions.linkedShare.subjectSource]!,
                    share: decisions.linkedShare.linkedShare,
                  },
                }
              : {}),
          }
        : { clusters: decisions.clusterCount }),
      linkedRecordsBySource,
    },
    estimatedErrorRates: result.errorRates,
    ...(input.evaluation ? { evaluation: input.evaluation } : {}),
    timingsMs: { ...result.timings, readingMs: Math.round(input.readingMs) },
    warnings: result.warnings.map(({ code, message }) => ({ code, message })),
  };
}

const percent = (value: number) => `${(100 * value).toFixed(2)} %`;
const number = (value: number) => value.toLocaleString("en-US");

/** The summary as people read it on stdout. */
export function renderSummary(summary: RunSummary): string {
  const lines: string[] = [];
  lines.push(
    `Linkage (${summary.linkType}) of ${summary.inputs.map((input) => `${input.name}: ${number(input.rows)} records`).join(", ")}`,
  );
  lines.push("");
  lines.push("Blocking");
  for (const rule of summary.blocking.rules) {
    lines.push(
      `  ${rule.name.padEnd(40)} ${number(rule.pairs).padStart(14)} pairs, ${number(rule.newPairs).padStart(14)} new`,
    );
  }
  lines.push(`  candidate pairs: ${number(summary.blocking.candidatePairs)}`);
  lines.push("");
  lines.push(`Model  (λ = ${summary.model.priorMatchProbability.toExponential(3)})`);
  for (const comparison of summary.model.comparisons) {
    lines.push(`  ${comparison.name}`);
    for (const level of [...comparison.levels].reverse()) {
      lines.push(
        `    ${level.label.padEnd(30)} m=${level.m.toFixed(4)}  u=${level.u.toExponential(2).padStart(9)}  weight=${level.weight.toFixed(2).padStart(7)}`,
      );
    }
  }
  lines.push("");
  lines.push("Results");
  const results = summary.results;
  if (results.links !== undefined) {
    lines.push(`  links: ${number(results.links)} (${number(results.ambiguousLinks ?? 0)} ambiguous)`);
    if (results.estimatedLinkedShare) {
      const { source, share } = results.estimatedLinkedShare;
      lines.push(
        `  decided on one-to-one posteriors; ${source} records estimated to have a match: ${percent(share)}`,
      );
    }
  }
  if (results.clusters !== undefined) lines.push(`  clusters: ${number(results.clusters)}`);
  for (const source of results.linkedRecordsBySource) {
    lines.push(
      `  ${source.name}: ${number(source.linked)} of ${number(source.rows)} records linked (${percent(source.linked / Math.max(1, source.rows))})`,
    );
  }
  lines.push(`  pairs written: ${number(results.pairsWritten)}`);
  lines.push("  estimated error rates (no labels used):");
  for (const rate of summary.estimatedErrorRates) {
    lines.push(
      `    p ≥ ${String(rate.threshold).padEnd(5)} false discovery ${percent(rate.estimatedFalseDiscoveryRate).padStart(8)}, false negative ${percent(rate.estimatedFalseNegativeRate).padStart(8)}`,
    );
  }
  if (summary.evaluation) {
    const evaluation = summary.evaluation;
    lines.push("");
    lines.push("Against the truth");
    lines.push(
      `  precision ${evaluation.precision.toFixed(4)}  recall ${evaluation.recall.toFixed(4)}  F1 ${evaluation.f1.toFixed(4)}`,
    );
  }
  if (summary.warnings.length > 0) {
    lines.push("");
    lines.push(`Warnings (${summary.warnings.length})`);
    for (const warning of summary.warnings) lines.push(`  ${warning.code}: ${warning.message}`);
  }
  const timings = summary.timingsMs;
  lines.push("");
  lines.push(
    `Time: ${((timings.readingMs + timings.totalMs + (timings.writingMs ?? 0)) / 1000).toFixed(2)} s (reading ${timings.readingMs} ms, blocking ${timings.blockingMs} ms, training ${timings.trainingMs} ms, scoring ${timings.predictionMs} ms, linking ${timings.linkingMs} ms)`,
  );
  return `${lines.join("\n")}\n`;
}
