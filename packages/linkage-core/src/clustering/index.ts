// Public API of clustering: connected components with stable ids, and one-to-one assignment.
export {
  type AssignmentWarning,
  assignOneToOne,
  DEFAULT_MAX_OPTIMAL_COMPONENT_SIZE,
  type OneToOneInput,
  type OneToOneMethod,
  type OneToOneResult,
} from "./assign-one-to-one.js";
export { type Clusters, clusterPairs, type PairSelection } from "./cluster-pairs.js";
export { minimumCostAssignment } from "./minimum-cost-assignment.js";
export { UnionFind } from "./union-find.js";
