// Public surface of linkage-cli: the command line, runnable in memory by tests and other programs.
export {
  type LinkageConfig,
  linkageConfigSchema,
  loadConfig,
  parseConfig,
  parseJsonWithComments,
} from "./config.js";
export { linkageConfigJsonSchema, linkageConfigJsonSchemaText } from "./config-json-schema.js";
export { ExitCode } from "./exit-codes.js";
export { type CliIo, memoryIo, processIo } from "./io.js";
export { type LoadedInputs, loadInputs } from "./load-inputs.js";
export { runCli } from "./main.js";
export { createProgram } from "./program.js";
export { Reporter, type ReporterMode } from "./reporter.js";
