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
export {
  CompetingEvidence,
  type CompetingEvidenceOptions,
  type ExclusiveScore,
  maxLinkedSharePriorWeight,
  subjectSourceOf,
} from "./competing-evidence.js";
export { estimateLinkedShare, type LinkedShare, type LinkedShareInput } from "./estimate-linked-share.js";
export {
  type ExclusiveMatchInput,
  type ExclusiveMatchWeights,
  exclusiveMatchWeights,
  scoreExclusively,
} from "./exclusive-match-weights.js";
export { minimumCostAssignment } from "./minimum-cost-assignment.js";
export {
  type OneToOnePosteriorInput,
  type OneToOnePosteriors,
  oneToOnePosteriors,
} from "./one-to-one-posteriors.js";
export { UnionFind } from "./union-find.js";
