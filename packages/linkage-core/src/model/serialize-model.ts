// Model files as text: stable key order, two-space indentation, short arrays of numbers on one line.
import type { ModelFile } from "./model-file.js";

/**
 * Keys written first, in this order, wherever they occur; other keys follow alphabetically. A model built
 * from the same data always serialises to the same text, however its objects were assembled.
 */
const LEADING_KEYS = [
  "formatVersion",
  "kind",
  "createdBy",
  "createdAt",
  "spec",
  "parameters",
  "training",
  "termFrequencyTables",
  "linkType",
  "name",
  "comparison",
  "column",
  "columns",
  "priorMatchProbability",
  "comparisons",
  "levelLabels",
  "levels",
  "m",
  "u",
  "blockingRules",
  "keys",
  "threshold",
  "oneToOne",
  "maxCandidatePairs",
  "sessions",
  "iterations",
  "converged",
];

const leadingRank = new Map<string, number>();
for (const key of LEADING_KEYS) if (!leadingRank.has(key)) leadingRank.set(key, leadingRank.size);

/** Serialises a model file deterministically (ends with a newline). */
export function serializeModel(model: ModelFile): string {
  return `${formatValue(model, "")}\n`;
}

function formatValue(value: unknown, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((item) => item === null || typeof item !== "object")) {
      return `[${value.map((item) => JSON.stringify(item) ?? "null").join(", ")}]`;
    }
    return `[\n${value.map((item) => inner + formatValue(item, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  entries.sort(([a], [b]) => compareKeys(a, b));
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatValue(item, inner)}`).join(",\n")}\n${indent}}`;
}

function compareKeys(a: string, b: string): number {
  const rankA = leadingRank.get(a) ?? Number.POSITIVE_INFINITY;
  const rankB = leadingRank.get(b) ?? Number.POSITIVE_INFINITY;
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
