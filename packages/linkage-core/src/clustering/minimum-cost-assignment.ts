// Dense rectangular assignment by the Hungarian method with potentials (Jonker–Volgenant style shortest paths).
import { LinkageError } from "../errors.js";

/**
 * Assigns every row of a dense `rowCount × columnCount` cost matrix (row-major, rowCount ≤ columnCount) to
 * a distinct column so that the total cost is minimal. Returns the column of each row. O(rowCount² ×
 * columnCount) time; deterministic (ties go to the lowest column index).
 */
export function minimumCostAssignment(cost: Float64Array, rowCount: number, columnCount: number): Int32Array {
  if (rowCount > columnCount || cost.length !== rowCount * columnCount) {
    throw new LinkageError(
      "ASSIGNMENT_SHAPE_INVALID",
      `a ${rowCount} × ${columnCount} assignment needs rows ≤ columns and ${rowCount * columnCount} costs, got ${cost.length}.`,
    );
  }
  // 1-based internally: column 0 is the virtual start of each augmenting path.
  const rowPotential = new Float64Array(rowCount + 1);
  const columnPotential = new Float64Array(columnCount + 1);
  const rowOfColumn = new Int32Array(columnCount + 1);
  const previousColumn = new Int32Array(columnCount + 1);
  const slack = new Float64Array(columnCount + 1);
  const visited = new Uint8Array(columnCount + 1);
  for (let row = 1; row <= rowCount; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    slack.fill(Number.POSITIVE_INFINITY);
    visited.fill(0);
    // Grow a shortest-path tree in reduced costs until it reaches a free column.
    do {
      visited[column] = 1;
      const currentRow = rowOfColumn[column]!;
      const rowOffset = (currentRow - 1) * columnCount - 1;
      let delta = Number.POSITIVE_INFINITY;
      let nextColumn = 0;
      for (let candidate = 1; candidate <= columnCount; candidate++) {
        if (visited[candidate] === 1) continue;
        const reduced =
          cost[rowOffset + candidate]! - rowPotential[currentRow]! - columnPotential[candidate]!;
        if (reduced < slack[candidate]!) {
          slack[candidate] = reduced;
          previousColumn[candidate] = column;
        }
        if (slack[candidate]! < delta) {
          delta = slack[candidate]!;
          nextColumn = candidate;
        }
      }
      for (let candidate = 0; candidate <= columnCount; candidate++) {
        if (visited[candidate] === 1) {
          rowPotential[rowOfColumn[candidate]!]! += delta;
          columnPotential[candidate]! -= delta;
        } else {
          slack[candidate]! -= delta;
        }
      }
      column = nextColumn;
    } while (rowOfColumn[column] !== 0);
    // Flip the augmenting path back to the start.
    do {
      const previous = previousColumn[column]!;
      rowOfColumn[column] = rowOfColumn[previous]!;
      column = previous;
    } while (column !== 0);
  }
  const columnOfRow = new Int32Array(rowCount).fill(-1);
  for (let column = 1; column <= columnCount; column++) {
    const row = rowOfColumn[column]!;
    if (row !== 0) columnOfRow[row - 1] = column - 1;
  }
  return columnOfRow;
}
