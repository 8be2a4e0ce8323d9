// Disjoint sets over row indices in typed arrays; the root of a set is always its smallest row.

/** Union–find whose roots are the smallest member, so component ids never depend on the order of unions. */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let index = 0; index < size; index++) this.parent[index] = index;
  }

  /** Root of the set holding `index`, halving the path on the way (amortised near-constant time). */
  find(index: number): number {
    const parent = this.parent;
    let node = index;
    while (parent[node] !== node) {
      const grandparent = parent[parent[node]!]!;
      parent[node] = grandparent;
      node = grandparent;
    }
    return node;
  }

  /** Merges the sets of `a` and `b` under the smaller root. */
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    if (rootA < rootB) this.parent[rootB] = rootA;
    else this.parent[rootA] = rootB;
  }
}
