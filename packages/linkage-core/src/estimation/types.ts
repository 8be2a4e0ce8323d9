// Learned Fellegi–Sunter parameters, kept apart from the spec that says what to compare.

/** m and u probabilities of one comparison, indexed by level (0 = else, higher = more similar). */
export interface ComparisonParameters {
  readonly name: string;
  /** Label of each level, same indexing as m and u. */
  readonly levelLabels: readonly string[];
  /** m[level] = P(level | match). */
  readonly m: readonly number[];
  /** u[level] = P(level | non-match). */
  readonly u: readonly number[];
}

/** Everything scoring needs: λ (prior match probability) and m/u per comparison level. */
export interface ModelParameters {
  /** λ: probability that two records drawn at random (from the comparison space) are a match. */
  readonly priorMatchProbability: number;
  readonly comparisons: readonly ComparisonParameters[];
}
