// u from random pairs of the whole comparison space: agreement among non-matches is what random pairs show.
import seedrandom from "seedrandom";
import { sampleRandomPairs } from "../blocking/sample-random-pairs.js";
import { estimateUFromSample } from "../estimation/level-frequencies.js";
import { createInProcessComparer } from "../parallel/in-process-comparer.js";
import type { PairComparer } from "../parallel/pair-comparer.js";
import type { LinkageContext } from "./prepare-linkage.js";
import { type ProgressListener, stepProgress } from "./progress.js";

export interface RandomPairsU {
  /** u per comparison per level. */
  readonly u: number[][];
  /** Number of random pairs drawn (the spec's uSamplePairs, capped at the size of the space). */
  readonly sampleSize: number;
}

/** Draws `training.uSamplePairs` pairs with the spec's seed and counts their levels (nulls left out). */
export function estimateUFromRandomPairs(
  context: LinkageContext,
  spaceSize: number,
  onProgress?: ProgressListener,
  comparer: PairComparer = createInProcessComparer(context.comparisons),
): RandomPairsU {
  const { spec, dataset } = context;
  const random = seedrandom(String(spec.training.seed));
  const samplePairs = Math.min(spec.training.uSamplePairs, Math.max(1, Math.floor(spaceSize)));
  const sample = sampleRandomPairs(dataset, spec.linkType, samplePairs, random);
  // Random pairs almost never repeat a key pair: caching them would cost a write per pair for no hit.
  const report = stepProgress(onProgress, "estimating u");
  const vectors = comparer.compare(sample, { cache: false, ...(report ? { onProgress: report } : {}) });
  return { u: estimateUFromSample(vectors), sampleSize: sample.count };
}
