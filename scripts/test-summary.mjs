// Prints the plain closing line "Tests: N passed, N failed" from Vitest's JSON report, for CI logs.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync("node_modules/.cache/vitest-results.json", "utf8"));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(
  `Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`,
);
process.exitCode = report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0;
