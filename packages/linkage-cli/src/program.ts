import { Command } from "commander";

export function createProgram(): Command {
  const program = new Command("linkage");
  program.description("Probabilistic record linkage (Fellegi–Sunter) from the command line.");
  return program;
}
