// Isotonic regression by pool-adjacent-violators: the monotonic constraint on the Bayes factors of levels.

/**
 * The non-decreasing sequence closest to `values` in weighted least squares: adjacent values that violate the
 * order are pooled into their weighted mean until none does. Weights default to 1 for every entry.
 */
export function poolAdjacentViolators(values: readonly number[], weights?: readonly number[]): number[] {
  // Blocks as a stack: mean, weight and number of entries of each pooled run.
  const means: number[] = [];
  const blockWeights: number[] = [];
  const sizes: number[] = [];
  for (let index = 0; index < values.length; index++) {
    let mean = values[index]!;
    let weight = weights?.[index] ?? 1;
    let size = 1;
    while (means.length > 0 && means[means.length - 1]! > mean) {
      const previousWeight = blockWeights.pop()!;
      const previousMean = means.pop()!;
      const pooledWeight = previousWeight + weight;
      mean =
        pooledWeight > 0
          ? (previousMean * previousWeight + mean * weight) / pooledWeight
          : (previousMean + mean) / 2;
      weight = pooledWeight;
      size += sizes.pop()!;
    }
    means.push(mean);
    blockWeights.push(weight);
    sizes.push(size);
  }
  const result: number[] = [];
  means.forEach((mean, block) => {
    for (let entry = 0; entry < sizes[block]!; entry++) result.push(mean);
  });
  return result;
}
