// Model parameters and training summaries as people read them: λ, then each comparison's levels, most
// similar first, with m, u and the weight of agreeing at that level.
import type { ModelParameters, ModelTrainingSummary, PipelineTrainingSummary } from "linkage-core";
import { formatCount, formatWeight, textTable } from "./text-table.js";

export interface LevelReport {
  readonly level: number;
  readonly label: string;
  readonly m: number;
  readonly u: number;
  /** log2(m / u), in bits. */
  readonly weight: number;
}

export interface ComparisonReport {
  readonly name: string;
  readonly levels: readonly LevelReport[];
}

export function describeParameters(parameters: ModelParameters): ComparisonReport[] {
  return parameters.comparisons.map((comparison) => ({
    name: comparison.name,
    levels: comparison.m.map((m, level) => ({
      level,
      label: comparison.levelLabels[level] ?? `level ${level}`,
      m,
      u: comparison.u[level]!,
      weight: Math.log2(m / comparison.u[level]!),
    })),
  }));
}

export function renderParameters(parameters: ModelParameters): string[] {
  const lines = [`Model (prior match probability λ = ${parameters.priorMatchProbability.toExponential(3)})`];
  for (const comparison of describeParameters(parameters)) {
    lines.push(`  ${comparison.name}`);
    const rows = [...comparison.levels]
      .reverse()
      .map((level) => [
        level.label,
        level.m.toFixed(4),
        level.u.toExponential(2),
        formatWeight(level.weight),
      ]);
    lines.push(...textTable(["level", "m", "u", "weight"], rows, { indent: "    " }));
  }
  return lines;
}

export function renderTraining(training: PipelineTrainingSummary | ModelTrainingSummary): string[] {
  const lines = ["Training"];
  const rows = training.sessions.map((session) => [
    session.name,
    formatCount(session.pairCount),
    String(session.iterations),
    session.converged ? "yes" : "NO",
    session.fixedComparisons.join(", ") || "–",
  ]);
  lines.push(
    ...textTable(["EM session (blocking rule)", "pairs", "iterations", "converged", "held fixed"], rows, {
      align: ["left", "right", "right", "left", "left"],
    }),
  );
  lines.push(`  u estimated from ${formatCount(training.uSampleSize)} random pairs`);
  const prior = {
    spec: "given in the spec",
    deterministicRules: "from the deterministic rules",
    expectationMaximisation: "estimated by EM on the candidate pairs",
    labels: "from labelled pairs",
  }[training.priorSource];
  lines.push(`  λ ${prior}`);
  if ("expectedMatches" in training) {
    lines.push(
      `  expected matches: ${formatCount(Math.round(training.expectedMatches))} in ${formatCount(training.comparisonSpaceSize)} possible pairs (seed ${training.seed})`,
    );
  }
  return lines;
}
