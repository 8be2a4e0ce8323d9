// Writes a run's results into the output folder: model.json, pairs.csv, links.csv or clusters.csv, summary.json.
import { type LinkageResult, type ModelFile, serializeModel } from "linkage-core";
import { csvField, csvRow } from "./csv-text.js";
import type { OutputFolder } from "./output-folder.js";

/** Significant digits kept for weights and probabilities in CSV outputs: enough to sort and threshold. */
const DIGITS = 6;

function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(DIGITS))) : String(value);
}

/**
 * pairs.csv: the two record ids first, then match_weight, match_probability, and each comparison's level and
 * partial weight; only pairs whose probability reaches `minimumProbability`, in candidate order.
 */
export async function writePairs(
  folder: OutputFolder,
  result: LinkageResult,
  minimumProbability: number,
): Promise<number> {
  const { context, predictions, parameters } = result;
  const { ids } = context.dataset;
  const { left, right } = predictions.pairs;
  const names = context.comparisons.map((comparison) => comparison.name);
  const partial = parameters.comparisons.map((comparison) =>
    comparison.m.map((m, level) => Math.log2(m / comparison.u[level]!)),
  );
  const withSources = context.dataset.sourceNames.length > 1;
  let written = 0;
  await folder.writeLines("pairs.csv", async (emit) => {
    await emit(
      csvRow([
        "id_l",
        "id_r",
        ...(withSources ? ["source_l", "source_r"] : []),
        "match_weight",
        "match_probability",
        ...names.flatMap((name) => [`${name}_level`, `${name}_weight`]),
      ]),
    );
    for (let pair = 0; pair < predictions.pairs.count; pair++) {
      const probability = predictions.matchProbability[pair]!;
      if (probability < minimumProbability) continue;
      const a = left[pair]!;
      const b = right[pair]!;
      let line = `${csvField(ids[a]!)},${csvField(ids[b]!)}`;
      if (withSources) {
        line += `,${csvField(context.dataset.sourceNames[context.dataset.sourceOf[a]!]!)},${csvField(context.dataset.sourceNames[context.dataset.sourceOf[b]!]!)}`;
      }
      line += `,${formatNumber(predictions.matchWeight[pair]!)},${formatNumber(probability)}`;
      for (let comparison = 0; comparison < names.length; comparison++) {
        const level = predictions.vectors.levels[comparison]![pair]!;
        line += level < 0 ? `,${level},0` : `,${level},${formatNumber(partial[comparison]![level]!)}`;
      }
      await emit(line);
      written++;
    }
  });
  return written;
}

/** links.csv (one-to-one links) or clusters.csv (record → cluster). */
export async function writeDecisions(folder: OutputFolder, result: LinkageResult): Promise<number> {
  const { context, predictions, decisions } = result;
  const { ids, sourceNames, sourceOf } = context.dataset;
  const withSources = sourceNames.length > 1;
  if (decisions.kind === "links") {
    await folder.writeLines("links.csv", async (emit) => {
      await emit(
        csvRow([
          "id_l",
          "id_r",
          ...(withSources ? ["source_l", "source_r"] : []),
          "match_probability",
          "ambiguous",
        ]),
      );
      for (let index = 0; index < decisions.selected.length; index++) {
        const pair = decisions.selected[index]!;
        const a = predictions.pairs.left[pair]!;
        const b = predictions.pairs.right[pair]!;
        await emit(
          csvRow([
            ids[a]!,
            ids[b]!,
            ...(withSources ? [sourceNames[sourceOf[a]!]!, sourceNames[sourceOf[b]!]!] : []),
            formatNumber(predictions.matchProbability[pair]!),
            decisions.ambiguous[index] ? "1" : "0",
          ]),
        );
      }
    });
    return decisions.selected.length;
  }
  await folder.writeLines("clusters.csv", async (emit) => {
    await emit(csvRow(["id", ...(withSources ? ["source"] : []), "cluster_id"]));
    for (let row = 0; row < ids.length; row++) {
      await emit(
        csvRow([
          ids[row]!,
          ...(withSources ? [sourceNames[sourceOf[row]!]!] : []),
          String(decisions.clusterOf[row]!),
        ]),
      );
    }
  });
  return decisions.clusterCount;
}

export async function writeModel(folder: OutputFolder, model: ModelFile): Promise<void> {
  await folder.writeText("model.json", serializeModel(model));
}
