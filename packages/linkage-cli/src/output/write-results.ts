// Writes a run's results into the output folder: model.json, pairs.csv, links.csv or clusters.csv, summary.json.
import { type LinkageResult, type ModelFile, serializeModel } from "linkage-core";
import { csvRow } from "./csv-text.js";
import type { OutputFolder } from "./output-folder.js";
import { formatNumber, PairsCsvWriter } from "./pairs-csv-writer.js";

/**
 * pairs.csv of an in-memory run: only pairs whose probability reaches `minimumProbability`, in candidate order
 * (streamed runs write it with PairsCsvWriter as pairs are scored).
 */
export async function writePairs(
  folder: OutputFolder,
  result: LinkageResult,
  minimumProbability: number,
): Promise<number> {
  const { context, predictions, parameters } = result;
  const writer = PairsCsvWriter.open(folder, context, parameters);
  try {
    await writer.write(
      {
        count: predictions.pairs.count,
        left: predictions.pairs.left,
        right: predictions.pairs.right,
        ruleIndex: predictions.pairs.ruleIndex,
        matchWeight: predictions.matchWeight,
        matchProbability: predictions.matchProbability,
        levels: predictions.vectors.levels,
      },
      minimumProbability,
    );
  } finally {
    await writer.close();
  }
  return writer.pairCount;
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
            formatNumber(decisions.matchProbability[pair]!),
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
