// The `linkage` program: each command parses its options, calls the core through a command module, and
// renders through the Reporter. Nothing here exits the process.
import { Command } from "commander";
import { registerBlockingCommand } from "./commands/blocking.js";
import { registerClusterCommand } from "./commands/cluster.js";
import {
  type GlobalOptions,
  reporterFor,
  resolvePath,
  threadsOption,
  withExamples,
  withOutputOptions,
} from "./commands/common.js";
import { registerEvaluateCommand } from "./commands/evaluate.js";
import { registerExplainCommand } from "./commands/explain.js";
import { registerInitCommand } from "./commands/init.js";
import { registerPredictCommand } from "./commands/predict.js";
import { registerProfileCommand } from "./commands/profile.js";
import { registerSyntheticCommands } from "./commands/register-synthetic-commands.js";
import { type RunCommandOptions, runCommand } from "./commands/run.js";
import { registerTrainCommand } from "./commands/train.js";
import type { CliIo } from "./io.js";
import { CLI_VERSION } from "./version.js";

export function createProgram(io: CliIo): Command {
  const program = new Command("linkage")
    .description(
      "Probabilistic record linkage (Fellegi–Sunter): link or deduplicate files without a shared identifier.",
    )
    .version(CLI_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      [
        "",
        "A typical session:",
        "  $ linkage init cohort.csv snds.csv -o cohort-snds.config.json   # commented starter config",
        "  $ linkage profile cohort-snds.config.json --hide-values          # what the columns hold",
        "  $ linkage blocking cohort-snds.config.json                       # candidate pairs per rule",
        "  $ linkage run cohort-snds.config.json                            # the whole pipeline",
        "",
        "Exit codes: 0 success, 1 internal error (a bug), 2 bad command line, 3 bad input, config or model.",
        "Documentation: docs/cli.md",
        "",
      ].join("\n"),
    );

  withExamples(
    withOutputOptions(
      program
        .command("run")
        .description(
          "run the whole pipeline from a config file: read, block, train, score, link, write outputs",
        )
        .argument("<config>", "config file (JSON with comments)")
        .option("-o, --output <folder>", "output folder (default: the config's output.directory)")
        .option("-f, --force", "replace an existing output folder")
        .addOption(threadsOption()),
    ),
    [
      "linkage run linkage.config.json",
      "linkage run linkage.config.json -o results --force --quiet",
      "linkage run linkage.config.json --threads 4",
    ],
  ).action(async (config: string, options: GlobalOptions & RunCommandOptions) => {
    await runCommand(
      resolvePath(io, config),
      { ...options, ...(options.output ? { output: resolvePath(io, options.output) } : {}) },
      reporterFor(io, options),
    );
  });
  registerInitCommand(program, io);
  registerProfileCommand(program, io);
  registerBlockingCommand(program, io);
  registerTrainCommand(program, io);
  registerPredictCommand(program, io);
  registerClusterCommand(program, io);
  registerEvaluateCommand(program, io);
  registerExplainCommand(program, io);
  registerSyntheticCommands(program, io);
  return program;
}
