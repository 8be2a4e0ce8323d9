// Public surface of linkage-core. If it is not exported here (through an area's barrel), it is not public.
// File-system adapters live apart, in "linkage-core/node".
export * from "./baseline/index.js";
export * from "./blocking/index.js";
export * from "./calendar/index.js";
export * from "./clustering/index.js";
export * from "./comparators/index.js";
export * from "./comparisons/index.js";
export * from "./data/index.js";
export * from "./errors.js";
export * from "./estimation/index.js";
export * from "./evaluation/index.js";
export * from "./french/index.js";
export * from "./model/index.js";
export * from "./parallel/index.js";
export * from "./pipeline/index.js";
export * from "./profiling/index.js";
export * from "./scoring/index.js";
export * from "./spec/index.js";
export * from "./synthetic/index.js";
export * from "./vectors/index.js";
