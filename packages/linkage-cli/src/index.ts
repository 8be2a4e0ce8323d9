// Public surface of linkage-cli: the program, buildable and runnable in memory by tests.
export { createProgram } from "./program.js";
