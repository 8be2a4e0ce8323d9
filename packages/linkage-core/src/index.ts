// Public surface of linkage-core. If it is not exported here (through an area's barrel), it is not public.
// File-system adapters live apart, in "linkage-core/node".
export * from "./baseline/index.js";
export * from "./blocking/index.js";
// Names two areas both define: the explicit export says which one is public. Spec still holds its own copy
// of MAX_BLOCKING_RULES (255, to be replaced by blocking's).
export { MAX_BLOCKING_RULES } from "./blocking/index.js";
export * from "./calendar/index.js";
// Synthetic data still carries its own copy of these two (to be replaced by the calendar's).
export { type CivilDate, formatIsoDate } from "./calendar/index.js";
export * from "./clustering/index.js";
export * from "./comparators/index.js";
export * from "./comparisons/index.js";
export * from "./data/index.js";
export * from "./errors.js";
export * from "./estimation/index.js";
export * from "./evaluation/index.js";
export type { PhoneticEncoder } from "./french/index.js";
export * from "./french/index.js";
export * from "./model/index.js";
export * from "./pipeline/index.js";
export * from "./profiling/index.js";
export * from "./scoring/index.js";
export * from "./spec/index.js";
export * from "./synthetic/index.js";
export * from "./vectors/index.js";
