// One-to-one links: each record linked to at most one record of each other source, best-first or optimal.
import { LinkageError } from "../errors.js";
import { lowerBound } from "../sorted-search.js";
import { bestFirstOrder } from "./best-first-order.js";
import { minimumCostAssignment } from "./minimum-cost-assignment.js";
import { UnionFind } from "./union-find.js";

export type OneToOneMethod = "bestFirst" | "optimal";

export interface OneToOneInput {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly matchWeight: Float64Array;
  /**
   * Source of each row. With it, a record may be linked to one record of each other source (and one of its
   * own source, for within-source pairs); without it, every record is linked at most once.
   */
  readonly sourceOf?: Uint8Array;
  /** Only pairs with keep[pair] === 1 are candidates (for example from pairsPassingThreshold). */
  readonly keep?: Uint8Array;
  /** Only pairs whose weight is ≥ this are candidates. */
  readonly minimumWeight?: number;
  readonly method: OneToOneMethod;
  /**
   * Largest number of records on the smaller side of a component solved exactly by the optimal method
   * (dense matrix, cubic time); larger components are assigned best-first with a warning. Default 500.
   */
  readonly maxComponentSize?: number;
}

export interface AssignmentWarning {
  readonly code: string;
  readonly message: string;
}

export interface OneToOneResult {
  /** Indices of the selected pairs, ascending. */
  readonly selected: Int32Array;
  /**
   * Per selected pair, 1 when a tie was broken arbitrarily: best-first, another candidate sharing one of its
   * records had exactly the same weight and was still available when this one was taken; optimal, another
   * candidate sharing one of its records has exactly the same weight and was not selected.
   */
  readonly ambiguous: Uint8Array;
  readonly warnings: AssignmentWarning[];
}

/** Default limit of the optimal method's exact solve, in records on the smaller side of a component. */
export const DEFAULT_MAX_OPTIMAL_COMPONENT_SIZE = 500;

/**
 * Record "slots": a record has one slot per source it may be linked to (slot = row × sourceCount + source of
 * the partner), and one-to-one means each slot is used at most once. A pair joins one slot of each record,
 * so the candidate pairs form a graph over slots whose components can be solved independently.
 */
interface SlotGraph {
  readonly input: OneToOneInput;
  readonly sourceCount: number;
  /** Candidate pairs in best-first order: weight descending, then lower left row, then lower right row. */
  readonly order: Int32Array;
  /** Position of each pair in `order`, −1 for non-candidates. */
  readonly rank: Int32Array;
  readonly adjacencyStart: Int32Array;
  readonly adjacency: Int32Array;
  readonly taken: Uint8Array;
  readonly selected: Uint8Array;
}

/**
 * Selects pairs so that no record slot is used twice. Best-first takes candidates by decreasing weight with
 * a deterministic tie-break; optimal maximises the total weight of the selection, solving each connected
 * component of the bipartite candidate graph with the Hungarian method. Deterministic in both cases.
 */
export function assignOneToOne(input: OneToOneInput): OneToOneResult {
  checkInput(input);
  // Work on the candidates alone, their rows renumbered in the same order: the cost then follows the
  // candidates, not the records or the pairs (a few thousand links among ten million records and pairs).
  const compact = compactCandidates(input);
  const result = assignCandidates(compact.input);
  return {
    selected: Int32Array.from(result.selected, (pair) => compact.pairs[pair]!),
    ambiguous: result.ambiguous,
    warnings: result.warnings,
  };
}

/**
 * The candidate pairs (weight ≥ minimumWeight, kept, not a row with itself) in index order, their rows
 * renumbered 0 … n − 1 in ascending order: every tie-break (lower row, lower index) is unchanged.
 */
function compactCandidates(input: OneToOneInput): {
  readonly input: OneToOneInput;
  readonly pairs: Int32Array;
} {
  const { left, right, matchWeight, sourceOf, keep } = input;
  const minimumWeight = input.minimumWeight ?? Number.NEGATIVE_INFINITY;
  const pairs = new Int32Array(left.length);
  let count = 0;
  for (let pair = 0; pair < left.length; pair++) {
    const weight = matchWeight[pair]!;
    // NaN weights and self pairs are never candidates.
    if (!(weight >= minimumWeight) || (keep && keep[pair] !== 1) || left[pair] === right[pair]) continue;
    pairs[count++] = pair;
  }
  const candidates = pairs.slice(0, count);
  const rows = new Int32Array(count * 2);
  for (let index = 0; index < count; index++) {
    rows[2 * index] = left[candidates[index]!]!;
    rows[2 * index + 1] = right[candidates[index]!]!;
  }
  rows.sort();
  let rowCount = 0;
  for (let index = 0; index < rows.length; index++) {
    if (rowCount === 0 || rows[index] !== rows[rowCount - 1]) rows[rowCount++] = rows[index]!;
  }
  const distinctRows = rows.subarray(0, rowCount);
  const local = (row: number) => lowerBound(distinctRows, row);
  return {
    input: {
      ...input,
      left: Int32Array.from(candidates, (pair) => local(left[pair]!)),
      right: Int32Array.from(candidates, (pair) => local(right[pair]!)),
      matchWeight: Float64Array.from(candidates, (pair) => matchWeight[pair]!),
      ...(sourceOf ? { sourceOf: Uint8Array.from(distinctRows, (row) => sourceOf[row]!) } : {}),
      keep: undefined,
      minimumWeight: undefined,
    },
    pairs: candidates,
  };
}

/** Lengths agree and rows are inside the data. */
function checkInput(input: OneToOneInput): void {
  const { left, right, matchWeight, sourceOf, keep } = input;
  const pairCount = left.length;
  if (right.length !== pairCount || matchWeight.length !== pairCount || (keep && keep.length !== pairCount)) {
    throw new LinkageError(
      "ONE_TO_ONE_INPUT_MISMATCH",
      `${pairCount} left rows, ${right.length} right rows, ${matchWeight.length} weights${keep ? ` and ${keep.length} keep flags` : ""}: they must match.`,
    );
  }
  for (let pair = 0; pair < pairCount; pair++) {
    if (
      Math.min(left[pair]!, right[pair]!) < 0 ||
      (sourceOf && Math.max(left[pair]!, right[pair]!) >= sourceOf.length)
    ) {
      throw new LinkageError("ONE_TO_ONE_ROW_OUT_OF_RANGE", `pair ${pair} refers to a row outside the data.`);
    }
  }
}

/** assignOneToOne on an input whose every pair is a candidate (see compactCandidates). */
function assignCandidates(input: OneToOneInput): OneToOneResult {
  const graph = buildSlotGraph(input);
  const warnings: AssignmentWarning[] = [];
  const ambiguous = new Uint8Array(input.left.length);
  if (input.method === "bestFirst") {
    selectBestFirst(graph, graph.order, ambiguous);
  } else {
    selectOptimal(graph, input.maxComponentSize ?? DEFAULT_MAX_OPTIMAL_COMPONENT_SIZE, warnings);
    // Pairs whose both slots are still free can only have zero gain: take them too, best-first.
    selectBestFirst(graph, graph.order, undefined);
    markOptimalTies(graph, ambiguous);
  }
  let selectedCount = 0;
  for (const flag of graph.selected) selectedCount += flag;
  const selected = new Int32Array(selectedCount);
  const ambiguousSelected = new Uint8Array(selectedCount);
  let next = 0;
  for (let pair = 0; pair < graph.selected.length; pair++) {
    if (graph.selected[pair] === 0) continue;
    selected[next] = pair;
    ambiguousSelected[next] = ambiguous[pair]!;
    next++;
  }
  return { selected, ambiguous: ambiguousSelected, warnings };
}

function buildSlotGraph(input: OneToOneInput): SlotGraph {
  const { left, right, matchWeight, sourceOf } = input;
  const pairCount = left.length;
  let rowCount = sourceOf?.length ?? 0;
  let sourceCount = 1;
  if (sourceOf) for (const source of sourceOf) sourceCount = Math.max(sourceCount, source + 1);
  if (!sourceOf) {
    for (let pair = 0; pair < pairCount; pair++)
      rowCount = Math.max(rowCount, left[pair]! + 1, right[pair]! + 1);
  }
  const candidates = new Int32Array(pairCount);
  for (let pair = 0; pair < pairCount; pair++) candidates[pair] = pair;
  const order = bestFirstOrder(candidates, matchWeight, left, right, rowCount);
  const rank = new Int32Array(pairCount).fill(-1);
  for (let position = 0; position < order.length; position++) rank[order[position]!] = position;
  const graph = {
    input,
    sourceCount,
    order,
    rank,
    adjacencyStart: new Int32Array(rowCount * sourceCount + 1),
    adjacency: new Int32Array(order.length * 2),
    taken: new Uint8Array(rowCount * sourceCount),
    selected: new Uint8Array(pairCount),
  };
  fillAdjacency(graph);
  return graph;
}

function slotOfLeft(graph: SlotGraph, pair: number): number {
  const { left, right, sourceOf } = graph.input;
  return left[pair]! * graph.sourceCount + (sourceOf ? sourceOf[right[pair]!]! : 0);
}

function slotOfRight(graph: SlotGraph, pair: number): number {
  const { left, right, sourceOf } = graph.input;
  return right[pair]! * graph.sourceCount + (sourceOf ? sourceOf[left[pair]!]! : 0);
}

/** Compressed adjacency: the candidate pairs touching each slot, in best-first order. */
function fillAdjacency(graph: SlotGraph): void {
  const { adjacencyStart, adjacency, order } = graph;
  for (const pair of order) {
    adjacencyStart[slotOfLeft(graph, pair) + 1]!++;
    adjacencyStart[slotOfRight(graph, pair) + 1]!++;
  }
  for (let slot = 1; slot < adjacencyStart.length; slot++) adjacencyStart[slot]! += adjacencyStart[slot - 1]!;
  const filled = adjacencyStart.slice(0, adjacencyStart.length - 1);
  for (const pair of order) {
    adjacency[filled[slotOfLeft(graph, pair)]!++] = pair;
    adjacency[filled[slotOfRight(graph, pair)]!++] = pair;
  }
}

/** Takes each pair of `pairs` (in best-first order) whose two slots are free. */
function selectBestFirst(graph: SlotGraph, pairs: Int32Array, ambiguous: Uint8Array | undefined): void {
  const { taken, selected } = graph;
  for (const pair of pairs) {
    const slotA = slotOfLeft(graph, pair);
    const slotB = slotOfRight(graph, pair);
    if (taken[slotA] === 1 || taken[slotB] === 1) continue;
    taken[slotA] = 1;
    taken[slotB] = 1;
    selected[pair] = 1;
    if (ambiguous !== undefined && hasAvailableTiedCompetitor(graph, pair, slotA, slotB)) ambiguous[pair] = 1;
  }
}

/**
 * A later pair in the best-first order, of exactly the same weight, sharing a slot with `pair` and whose
 * other slot is still free: the tie-break alone chose between them.
 */
function hasAvailableTiedCompetitor(graph: SlotGraph, pair: number, slotA: number, slotB: number): boolean {
  const { adjacencyStart, adjacency, rank, taken } = graph;
  const weight = graph.input.matchWeight[pair]!;
  for (const shared of [slotA, slotB]) {
    for (let index = adjacencyStart[shared]!; index < adjacencyStart[shared + 1]!; index++) {
      const other = adjacency[index]!;
      if (other === pair || rank[other]! < rank[pair]! || graph.input.matchWeight[other] !== weight) continue;
      const otherLeft = slotOfLeft(graph, other);
      const farSlot = otherLeft === shared ? slotOfRight(graph, other) : otherLeft;
      if (taken[farSlot] === 0) return true;
    }
  }
  return false;
}

/** For the optimal method: a selected pair is ambiguous when an unselected candidate sharing a slot ties it. */
function markOptimalTies(graph: SlotGraph, ambiguous: Uint8Array): void {
  const { adjacencyStart, adjacency, selected } = graph;
  const weights = graph.input.matchWeight;
  for (const pair of graph.order) {
    if (selected[pair] === 0) continue;
    const slotA = slotOfLeft(graph, pair);
    const slotB = slotOfRight(graph, pair);
    for (const shared of [slotA, slotB]) {
      for (let index = adjacencyStart[shared]!; index < adjacencyStart[shared + 1]!; index++) {
        const other = adjacency[index]!;
        if (other === pair || selected[other] === 1 || weights[other] !== weights[pair]) continue;
        // A duplicate of the same two slots is no alternative.
        if (slotOfLeft(graph, other) === slotA && slotOfRight(graph, other) === slotB) continue;
        ambiguous[pair] = 1;
      }
    }
  }
}

function selectOptimal(graph: SlotGraph, maxComponentSize: number, warnings: AssignmentWarning[]): void {
  const { order } = graph;
  const slotCount = graph.taken.length;
  const components = new UnionFind(slotCount);
  for (const pair of order) components.union(slotOfLeft(graph, pair), slotOfRight(graph, pair));
  // Bucket the candidates by component, keeping best-first order inside each bucket.
  const bucketStart = new Int32Array(slotCount + 1);
  const rootOfPair = new Int32Array(order.length);
  for (let position = 0; position < order.length; position++) {
    const root = components.find(slotOfLeft(graph, order[position]!));
    rootOfPair[position] = root;
    bucketStart[root + 1]!++;
  }
  for (let slot = 1; slot <= slotCount; slot++) bucketStart[slot]! += bucketStart[slot - 1]!;
  const filled = bucketStart.slice(0, slotCount);
  const bucketed = new Int32Array(order.length);
  for (let position = 0; position < order.length; position++) {
    bucketed[filled[rootOfPair[position]!]!++] = order[position]!;
  }
  // Gains must not be negative or leaving records unlinked would beat linking them: shift by the lowest
  // candidate weight when it is below zero (which keeps the weight order intact).
  const gainShift = Math.min(0, order.length > 0 ? graph.input.matchWeight[order[order.length - 1]!]! : 0);
  const scratch = new ComponentScratch(slotCount);
  let notBipartite = 0;
  let tooLarge = 0;
  let largest = 0;
  for (let root = 0; root < slotCount; root++) {
    const pairs = bucketed.subarray(bucketStart[root]!, bucketStart[root + 1]!);
    if (pairs.length === 0) continue;
    if (pairs.length === 1) {
      selectBestFirst(graph, pairs, undefined);
      continue;
    }
    const outcome = solveComponent(graph, pairs, gainShift, maxComponentSize, scratch);
    if (outcome === "notBipartite") notBipartite++;
    if (typeof outcome === "number") {
      tooLarge++;
      largest = Math.max(largest, outcome);
    }
  }
  if (notBipartite > 0) {
    warnings.push({
      code: "ONE_TO_ONE_NOT_BIPARTITE",
      message: `${notBipartite} groups of linked records contain odd cycles (within-source pairs), which the optimal method cannot solve exactly; they were assigned best-first.`,
    });
  }
  if (tooLarge > 0) {
    warnings.push({
      code: "ONE_TO_ONE_COMPONENT_TOO_LARGE",
      message: `${tooLarge} groups of linked records exceed ${maxComponentSize} records per side (largest ${largest}); they were assigned best-first. Raise the threshold or maxComponentSize to solve them exactly.`,
    });
  }
}

/** Per-slot scratch arrays reused across components (reset after each one). */
class ComponentScratch {
  readonly side: Int8Array;
  readonly localIndex: Int32Array;
  constructor(slotCount: number) {
    this.side = new Int8Array(slotCount).fill(-1);
    this.localIndex = new Int32Array(slotCount).fill(-1);
  }
}

/**
 * Solves one component exactly when it is bipartite and small enough; otherwise assigns it best-first and
 * returns why ("notBipartite", or the size that was too large).
 */
function solveComponent(
  graph: SlotGraph,
  pairs: Int32Array,
  gainShift: number,
  maxComponentSize: number,
  scratch: ComponentScratch,
): "solved" | "notBipartite" | number {
  const sides = colourSides(graph, pairs, scratch);
  try {
    if (sides === undefined) {
      selectBestFirst(graph, pairs, undefined);
      return "notBipartite";
    }
    const [rows, columns] = sides[0].length <= sides[1].length ? sides : [sides[1], sides[0]];
    if (rows.length > maxComponentSize) {
      selectBestFirst(graph, pairs, undefined);
      return rows.length;
    }
    rows.forEach((slot, index) => {
      scratch.localIndex[slot] = index;
    });
    columns.forEach((slot, index) => {
      scratch.localIndex[slot] = index;
    });
    assignComponent(graph, pairs, rows, columns, gainShift, scratch);
    return "solved";
  } finally {
    for (const pair of pairs) {
      for (const slot of [slotOfLeft(graph, pair), slotOfRight(graph, pair)]) {
        scratch.side[slot] = -1;
        scratch.localIndex[slot] = -1;
      }
    }
  }
}

/** Two-colours the component's slots; returns both sides (ascending) or undefined on an odd cycle. */
function colourSides(
  graph: SlotGraph,
  pairs: Int32Array,
  scratch: ComponentScratch,
): [number[], number[]] | undefined {
  const { adjacencyStart, adjacency } = graph;
  const side = scratch.side;
  const start = slotOfLeft(graph, pairs[0]!);
  side[start] = 0;
  const queue = [start];
  const members: [number[], number[]] = [[start], []];
  for (let head = 0; head < queue.length; head++) {
    const slot = queue[head]!;
    for (let index = adjacencyStart[slot]!; index < adjacencyStart[slot + 1]!; index++) {
      const pair = adjacency[index]!;
      const leftSlot = slotOfLeft(graph, pair);
      const other = leftSlot === slot ? slotOfRight(graph, pair) : leftSlot;
      if (side[other] === -1) {
        const colour = 1 - side[slot]!;
        side[other] = colour;
        members[colour]!.push(other);
        queue.push(other);
      } else if (side[other] === side[slot]) {
        return undefined;
      }
    }
  }
  members[0].sort((a, b) => a - b);
  members[1].sort((a, b) => a - b);
  return members;
}

/**
 * Dense maximum-weight matching of one bipartite component: each row slot gets one dummy column of gain 0,
 * so staying unlinked is always allowed, and missing edges cost more than any total gain.
 */
function assignComponent(
  graph: SlotGraph,
  pairs: Int32Array,
  rows: readonly number[],
  columns: readonly number[],
  gainShift: number,
  scratch: ComponentScratch,
): void {
  const weights = graph.input.matchWeight;
  const rowCount = rows.length;
  const realColumns = columns.length;
  const columnCount = realColumns + rowCount;
  const rowSide = scratch.side[rows[0]!]!;
  // Best pair per cell: pairs come in best-first order, so the first one seen for a cell is kept.
  const cellPair = new Int32Array(rowCount * realColumns).fill(-1);
  let largestGain = 0;
  for (const pair of pairs) {
    const leftSlot = slotOfLeft(graph, pair);
    const rightSlot = slotOfRight(graph, pair);
    const [rowSlot, columnSlot] =
      scratch.side[leftSlot] === rowSide ? [leftSlot, rightSlot] : [rightSlot, leftSlot];
    const cell = scratch.localIndex[rowSlot]! * realColumns + scratch.localIndex[columnSlot]!;
    if (cellPair[cell] === -1) cellPair[cell] = pair;
    largestGain = Math.max(largestGain, weights[pair]! - gainShift);
  }
  const forbidden = (largestGain + 1) * (rowCount + 1);
  const cost = new Float64Array(rowCount * columnCount);
  for (let row = 0; row < rowCount; row++) {
    const offset = row * columnCount;
    for (let column = 0; column < realColumns; column++) {
      const pair = cellPair[row * realColumns + column]!;
      cost[offset + column] = pair === -1 ? forbidden : -(weights[pair]! - gainShift);
    }
    // Dummy columns keep cost 0.
  }
  const columnOfRow = minimumCostAssignment(cost, rowCount, columnCount);
  columnOfRow.forEach((column, row) => {
    if (column < 0 || column >= realColumns) return;
    const pair = cellPair[row * realColumns + column]!;
    if (pair === -1) return;
    graph.selected[pair] = 1;
    graph.taken[slotOfLeft(graph, pair)] = 1;
    graph.taken[slotOfRight(graph, pair)] = 1;
  });
}
