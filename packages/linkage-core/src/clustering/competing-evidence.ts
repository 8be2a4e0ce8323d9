// The evidence each record's candidates gather, summed as scored pairs stream by: all that one-to-one posteriors
// (each pair set against its records' other candidates) and the linked share need, without keeping the pairs.
import { LinkageError } from "../errors.js";
import { matchProbabilityFromWeight } from "../scoring/match-weights.js";
import type { LinkedShare } from "./estimate-linked-share.js";

// Odds beyond 2^±500 change no decision and would overflow when summed.
const WEIGHT_LIMIT = 500;

export interface CompetingEvidenceOptions {
  /**
   * Source of each row: a record may match one record of each other source, so its candidates compete per
   * source. Without it, a record matches at most one record in all.
   */
  readonly sourceOf?: Uint8Array;
  /** Rows in all (default: the length of `sourceOf`; required without it). */
  readonly rowCount?: number;
  /**
   * The log2 prior odds included in the weights given to `add`: removed to sum Bayes factors, which a prior
   * chosen later scales. Default 0 (the weights' odds are summed as they are).
   */
  readonly priorWeight?: number;
  /**
   * Pairs only ever join two sources (linkType `link`): a record's candidates all come from the other source,
   * so one sum per record is enough (half the memory of one per record and source).
   */
  readonly acrossTwoSources?: boolean;
}

/** A pair's weight and probability set against its records' other candidates. */
export interface ExclusiveScore {
  readonly matchWeight: number;
  readonly matchProbability: number;
}

/**
 * Per record (and partner source), the largest odds among its candidates and the sum of the others. Any pair's
 * competitors then sum to (largest − own) + others, which never takes a small number as the difference of two
 * large ones. Sums follow the order pairs are added in, so the same pairs in the same order give the same bits.
 */
export class CompetingEvidence {
  /** Per slot s: [2s] the largest odds, [2s + 1] the sum of the others (one cache line for both). */
  private readonly sums: Float64Array;
  private readonly sourceOf: Uint8Array | undefined;
  private readonly slotsPerRow: number;
  private readonly priorWeight: number;

  constructor(options: CompetingEvidenceOptions) {
    const rowCount = options.rowCount ?? options.sourceOf?.length;
    if (rowCount === undefined) {
      throw new LinkageError("COMPETING_EVIDENCE_INPUT_INVALID", "give sourceOf or rowCount.");
    }
    this.sourceOf = options.sourceOf;
    let sourceCount = 1;
    if (this.sourceOf !== undefined)
      for (const source of this.sourceOf) sourceCount = Math.max(sourceCount, source + 1);
    this.slotsPerRow = options.acrossTwoSources || this.sourceOf === undefined ? 1 : sourceCount;
    this.priorWeight = options.priorWeight ?? 0;
    this.sums = new Float64Array(rowCount * this.slotsPerRow * 2);
  }

  /** Adds the first `count` pairs (default all) with their weights (log2 odds, prior included). */
  add(left: Int32Array, right: Int32Array, matchWeight: Float64Array, count = matchWeight.length): void {
    if (left.length < count || right.length < count || matchWeight.length < count) {
      throw new LinkageError(
        "COMPETING_EVIDENCE_INPUT_INVALID",
        `${left.length} left rows, ${right.length} right rows and ${matchWeight.length} weights for ${count} pairs: give one of each per pair.`,
      );
    }
    for (let pair = 0; pair < count; pair++) {
      const odds = this.oddsOf(matchWeight[pair]!);
      this.offer(this.slot(left[pair]!, right[pair]!), odds);
      this.offer(this.slot(right[pair]!, left[pair]!), odds);
    }
  }

  /**
   * The pair's posterior when its records' candidates exclude each other: with o its odds and Σ the odds of the
   * other candidates of its two records, o' = o / (1 + Σ), the "1" being "no match among the candidates". Odds are
   * Bayes factors (weights less `priorWeight`) times 2^`priorWeight` given here: the prior to score with, in log2
   * odds (by default the weights' own).
   * This is the first-order posterior of a one-to-one assignment (exact when competitors have no competitors of
   * their own). The pair must have been added.
   */
  exclusiveScore(
    leftRow: number,
    rightRow: number,
    matchWeight: number,
    priorWeight = this.priorWeight,
  ): ExclusiveScore {
    const exclusive = this.exclusiveWeight(leftRow, rightRow, matchWeight, priorWeight);
    return { matchWeight: exclusive, matchProbability: matchProbabilityFromWeight(exclusive) };
  }

  /** `exclusiveScore`'s match weight alone (no object: for loops over millions of pairs). */
  exclusiveWeight(
    leftRow: number,
    rightRow: number,
    matchWeight: number,
    priorWeight = this.priorWeight,
  ): number {
    const own = this.oddsOf(matchWeight);
    const competitors =
      this.competitorsOf(this.slot(leftRow, rightRow), own) +
      this.competitorsOf(this.slot(rightRow, leftRow), own);
    // log2(own) without a logarithm: own is 2 to the clamped weight less the prior.
    const weight = clampWeight(matchWeight - this.priorWeight) + priorWeight;
    // log2(1 + 2^prior Σ), computed so that neither a huge Σ overflows nor a tiny one is lost.
    const competing = competitors > 0 ? logOnePlusPower(priorWeight + Math.log2(competitors)) : 0;
    return weight - competing;
  }

  /**
   * EM for the share ρ of the subjects (rows of `subjectSource`) that have a match among the `otherCount` rows
   * of the other source: each subject is present with probability ρ, and then is any of those rows with equal
   * prior probability. The evidence that a subject is present is A = (1/N) Σ of its candidates' Bayes factors
   * (pairs outside blocking add nothing, so subjects whose match was not blocked count as absent); each
   * iteration sets ρ to the mean of ρA / (1 − ρ + ρA). Unlike λ estimated on the candidate pairs as if they
   * were a random sample, this does not mistake the look-alikes blocking gathers for matches. ρ stays at most
   * n / (n + 1) for n subjects, so the prior odds of a pair never exceed n / N (`maxLinkedSharePriorWeight`).
   */
  linkedShare(
    subjectSource: 0 | 1,
    sourceSizes: readonly [number, number],
    options: { readonly maxIterations?: number; readonly tolerance?: number } = {},
  ): LinkedShare {
    const subjectCount = sourceSizes[subjectSource];
    const otherCount = sourceSizes[1 - subjectSource]!;
    const sourceOf = this.sourceOf;
    if (sourceOf === undefined) {
      throw new LinkageError(
        "COMPETING_EVIDENCE_INPUT_INVALID",
        "the linked share needs the source of each row.",
      );
    }
    const evidence = new Float64Array(subjectCount);
    let subject = 0;
    for (let row = 0; row < sourceOf.length; row++) {
      if (sourceOf[row] !== subjectSource) continue;
      const slot = row * this.slotsPerRow + (this.slotsPerRow === 1 ? 0 : 1 - subjectSource);
      evidence[subject++] = (this.sums[2 * slot]! + this.sums[2 * slot + 1]!) / Math.max(otherCount, 1);
    }
    const maxShare = subjectCount / (subjectCount + 1);
    const maxIterations = options.maxIterations ?? 500;
    const tolerance = options.tolerance ?? 1e-7;
    let share = Math.min(0.5, maxShare);
    let iterations = 0;
    let converged = false;
    while (iterations < maxIterations && !converged) {
      iterations++;
      let posteriors = 0;
      for (let index = 0; index < subjectCount; index++) {
        const present = share * evidence[index]!;
        posteriors += present / (1 - share + present);
      }
      const next = subjectCount === 0 ? 0 : Math.min(maxShare, posteriors / subjectCount);
      converged = Math.abs(next - share) <= tolerance;
      share = next;
    }
    const priorOdds = share / Math.max(1e-12, (1 - share) * Math.max(otherCount, 1));
    const priorMatchProbability = Math.min(1 - 1e-12, Math.max(1e-15, priorOdds / (1 + priorOdds)));
    return { linkedShare: share, priorMatchProbability, subjectSource, iterations, converged };
  }

  private oddsOf(matchWeight: number): number {
    return 2 ** clampWeight(matchWeight - this.priorWeight);
  }

  private slot(row: number, partner: number): number {
    return this.slotsPerRow === 1 ? row : row * this.slotsPerRow + this.sourceOf![partner]!;
  }

  private offer(slot: number, odds: number): void {
    const largest = this.sums[2 * slot]!;
    if (odds > largest) {
      this.sums[2 * slot + 1]! += largest;
      this.sums[2 * slot] = odds;
    } else {
      this.sums[2 * slot + 1]! += odds;
    }
  }

  /** The odds of a slot's candidates other than one of odds `own` (which was added to it). */
  private competitorsOf(slot: number, own: number): number {
    return Math.max(0, this.sums[2 * slot]! - own) + this.sums[2 * slot + 1]!;
  }
}

/**
 * The largest prior (log2 odds) a linked share gives a pair: n / N for n subjects and N other records (see
 * `CompetingEvidence.linkedShare`). A pair whose Bayes factor times this stays below a threshold cannot reach it
 * as a one-to-one posterior, which only ever divides those odds: streaming may drop it before ρ is known.
 */
export function maxLinkedSharePriorWeight(sourceSizes: readonly [number, number]): number {
  const [first, second] = sourceSizes;
  return Math.log2(Math.max(Math.min(first, second), 1) / Math.max(first, second, 1));
}

/** The subjects of a two-source linkage: the smaller source's records (the first on a tie). */
export function subjectSourceOf(sourceSizes: readonly [number, number]): 0 | 1 {
  return sourceSizes[0] <= sourceSizes[1] ? 0 : 1;
}

function clampWeight(weight: number): number {
  return Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, weight));
}

/** log2(1 + 2^x) without overflow for large x nor loss for very negative x. */
function logOnePlusPower(exponent: number): number {
  return exponent > 60 ? exponent : Math.log2(1 + 2 ** exponent);
}
