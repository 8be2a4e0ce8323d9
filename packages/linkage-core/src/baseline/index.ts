// Public API of the Cnam deterministic baseline: stepwise exact joins keeping one-to-one agreements, the
// reference French users compare probabilistic linkage against.
export { DEFAULT_MAX_DROPPED_CRITERIA } from "./check-baseline-input.js";
export { type HospitalStayCriterionOptions, hospitalStayCriterion } from "./hospital-stay-criterion.js";
export { linkDeterministically } from "./link-deterministically.js";
export {
  countRelaxationSteps,
  MAX_RELAXATION_STEPS,
  type RelaxationStep,
  relaxationSteps,
} from "./relaxation-steps.js";
export type {
  CnamBaselineOptions,
  ColumnCriterion,
  DeterministicCriterion,
  DeterministicLinks,
  DeterministicStep,
  EncodedKeySets,
  KeySetCriterion,
} from "./types.js";
