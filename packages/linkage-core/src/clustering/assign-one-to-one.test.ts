import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { assignOneToOne, type OneToOneInput } from "./assign-one-to-one.js";

function pairsOf(list: readonly [number, number, number][]) {
  return {
    left: Int32Array.from(list, ([a]) => a),
    right: Int32Array.from(list, ([, b]) => b),
    matchWeight: Float64Array.from(list, ([, , weight]) => weight),
  };
}

/** Best total gain over every set of pairs that uses each record slot at most once. */
function bruteForceBest(input: OneToOneInput, gain: (weight: number) => number): number {
  const { left, right, matchWeight, sourceOf } = input;
  const minimum = input.minimumWeight ?? Number.NEGATIVE_INFINITY;
  const candidates = Array.from(left.keys()).filter((pair) => matchWeight[pair]! >= minimum);
  const slot = (row: number, partner: number) => `${row}:${sourceOf ? sourceOf[partner] : 0}`;
  let best = 0;
  const used = new Set<string>();
  const visit = (index: number, total: number) => {
    if (index === candidates.length) {
      best = Math.max(best, total);
      return;
    }
    visit(index + 1, total);
    const pair = candidates[index]!;
    const a = slot(left[pair]!, right[pair]!);
    const b = slot(right[pair]!, left[pair]!);
    if (used.has(a) || used.has(b)) return;
    used.add(a);
    used.add(b);
    visit(index + 1, total + gain(matchWeight[pair]!));
    used.delete(a);
    used.delete(b);
  };
  visit(0, 0);
  return best;
}

function checkOneToOne(input: OneToOneInput, selected: Int32Array): void {
  const used = new Set<string>();
  for (const pair of selected) {
    for (const [row, partner] of [
      [input.left[pair]!, input.right[pair]!],
      [input.right[pair]!, input.left[pair]!],
    ] as const) {
      const key = `${row}:${input.sourceOf ? input.sourceOf[partner] : 0}`;
      expect(used.has(key)).toBe(false);
      used.add(key);
    }
  }
}

describe("assignOneToOne best-first", () => {
  it("takes pairs by decreasing weight while both records are free", () => {
    const input = {
      ...pairsOf([
        [0, 3, 5],
        [0, 4, 4],
        [1, 3, 4],
        [1, 4, 1],
      ]),
      method: "bestFirst" as const,
    };
    const result = assignOneToOne(input);
    expect(Array.from(result.selected)).toEqual([0, 3]);
    expect(Array.from(result.ambiguous)).toEqual([0, 0]);
    expect(result.warnings).toEqual([]);
  });

  it("respects the minimum weight and the keep mask", () => {
    const pairs = pairsOf([
      [0, 3, 5],
      [1, 4, 1],
      [2, 5, 2],
    ]);
    expect(Array.from(assignOneToOne({ ...pairs, method: "bestFirst", minimumWeight: 2 }).selected)).toEqual([
      0, 2,
    ]);
    const keep = Uint8Array.from([0, 1, 1]);
    expect(Array.from(assignOneToOne({ ...pairs, method: "bestFirst", keep }).selected)).toEqual([1, 2]);
  });

  it("breaks exact ties by lower rows and flags them as ambiguous only when the rival was still available", () => {
    const tie = assignOneToOne({
      ...pairsOf([
        [0, 3, 3],
        [0, 2, 3],
      ]),
      method: "bestFirst",
    });
    expect(Array.from(tie.selected)).toEqual([1]);
    expect(Array.from(tie.ambiguous)).toEqual([1]);
    // (1, 2) ties with (1, 3), but row 2 is already taken by the stronger (0, 2): no real choice was made.
    const settled = assignOneToOne({
      ...pairsOf([
        [0, 2, 5],
        [1, 3, 3],
        [1, 2, 3],
      ]),
      method: "bestFirst",
    });
    expect(Array.from(settled.selected)).toEqual([0, 1]);
    expect(Array.from(settled.ambiguous)).toEqual([0, 0]);
  });

  it("lets a record link once per other source", () => {
    const sourceOf = Uint8Array.from([0, 1, 1, 2]);
    const result = assignOneToOne({
      ...pairsOf([
        [0, 1, 5],
        [0, 2, 4],
        [0, 3, 3],
        [1, 3, 2],
      ]),
      sourceOf,
      method: "bestFirst",
    });
    // Row 0 links to row 1 (source 1) and row 3 (source 2); row 1 also to row 3.
    expect(Array.from(result.selected)).toEqual([0, 2, 3]);
  });

  it("is independent of the order of the input pairs", () => {
    const random = seedrandom("order");
    const list: [number, number, number][] = Array.from({ length: 60 }, () => [
      Math.floor(random() * 10),
      10 + Math.floor(random() * 10),
      Math.floor(random() * 4),
    ]);
    const chosen = (entries: [number, number, number][], method: "bestFirst" | "optimal") => {
      const result = assignOneToOne({ ...pairsOf(entries), method });
      return Array.from(result.selected, (pair) => `${entries[pair]![0]}-${entries[pair]![1]}`).sort();
    };
    for (const method of ["bestFirst", "optimal"] as const) {
      const reference = chosen(list, method);
      const reversed = chosen([...list].reverse(), method);
      expect(reversed).toEqual(reference);
    }
  });
});

describe("assignOneToOne optimal", () => {
  it("maximises the total weight where best-first does not", () => {
    const input = {
      ...pairsOf([
        [0, 3, 5],
        [0, 4, 4],
        [1, 3, 4],
        [1, 4, 1],
      ]),
      method: "optimal" as const,
    };
    const result = assignOneToOne(input);
    expect(Array.from(result.selected)).toEqual([1, 2]);
  });

  it("equals brute force on small random bipartite graphs", () => {
    const random = seedrandom("bipartite");
    for (let trial = 0; trial < 300; trial++) {
      const leftRows = 1 + Math.floor(random() * 4);
      const rightRows = 1 + Math.floor(random() * 4);
      const list: [number, number, number][] = [];
      for (let a = 0; a < leftRows; a++) {
        for (let b = 0; b < rightRows; b++) {
          // Integer-ish weights make exact ties common, the hard case for tie handling.
          if (random() < 0.6) list.push([a, leftRows + b, Math.round(random() * 16 - 4) / 2]);
        }
      }
      if (list.length === 0) continue;
      const withSources = trial % 2 === 0;
      const sourceOf = withSources
        ? Uint8Array.from({ length: leftRows + rightRows }, (_, row) => (row < leftRows ? 0 : 1))
        : undefined;
      const minimumWeight = trial % 3 === 0 ? -2 : 0;
      const input: OneToOneInput = { ...pairsOf(list), sourceOf, minimumWeight, method: "optimal" };
      const result = assignOneToOne(input);
      checkOneToOne(input, result.selected);
      // Gains are shifted up by a negative threshold so that every kept pair counts for ≥ 0.
      const shift = Math.min(
        0,
        ...list.filter(([, , weight]) => weight >= minimumWeight).map(([, , weight]) => weight),
      );
      const gain = (weight: number) => weight - shift;
      const total = Array.from(result.selected).reduce(
        (sum, pair) => sum + gain(input.matchWeight[pair]!),
        0,
      );
      expect(total).toBeCloseTo(bruteForceBest(input, gain), 9);
      // Best-first is never better than optimal.
      const greedy = assignOneToOne({ ...input, method: "bestFirst" });
      const greedyTotal = Array.from(greedy.selected).reduce(
        (sum, pair) => sum + gain(input.matchWeight[pair]!),
        0,
      );
      expect(greedyTotal).toBeLessThanOrEqual(total + 1e-9);
    }
  });

  it("solves each source pair separately when linking three sources", () => {
    const sourceOf = Uint8Array.from([0, 0, 1, 1, 2]);
    const input: OneToOneInput = {
      ...pairsOf([
        [0, 2, 5],
        [0, 3, 4],
        [1, 2, 4],
        [0, 4, 3],
        [1, 4, 2],
        [2, 4, 6],
      ]),
      sourceOf,
      method: "optimal",
    };
    const result = assignOneToOne(input);
    checkOneToOne(input, result.selected);
    expect(Array.from(result.selected)).toEqual([1, 2, 3, 5]);
  });

  it("flags a selected pair whose unselected rival has exactly the same weight", () => {
    const result = assignOneToOne({
      ...pairsOf([
        [0, 2, 3],
        [0, 3, 3],
      ]),
      method: "optimal",
    });
    expect(result.selected).toHaveLength(1);
    expect(Array.from(result.ambiguous)).toEqual([1]);
  });

  it("falls back to best-first with a warning for components above the size limit", () => {
    const input: OneToOneInput = {
      ...pairsOf([
        [0, 3, 5],
        [0, 4, 4],
        [1, 3, 4],
        [1, 4, 1],
        [7, 8, 2],
      ]),
      method: "optimal",
      maxComponentSize: 1,
    };
    const result = assignOneToOne(input);
    expect(Array.from(result.selected)).toEqual([0, 3, 4]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["ONE_TO_ONE_COMPONENT_TOO_LARGE"]);
  });

  it("falls back to best-first with a warning on odd cycles of within-source pairs", () => {
    const result = assignOneToOne({
      ...pairsOf([
        [0, 1, 3],
        [1, 2, 2],
        [0, 2, 1],
      ]),
      method: "optimal",
    });
    expect(Array.from(result.selected)).toEqual([0]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["ONE_TO_ONE_NOT_BIPARTITE"]);
  });

  it("rejects arrays of different lengths", () => {
    expect(() =>
      assignOneToOne({
        left: Int32Array.of(0),
        right: Int32Array.of(1, 2),
        matchWeight: Float64Array.of(1),
        method: "optimal",
      }),
    ).toThrow(expect.objectContaining({ code: "ONE_TO_ONE_INPUT_MISMATCH" }));
  });
});
