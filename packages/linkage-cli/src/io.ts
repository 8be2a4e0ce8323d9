// Where the command writes: injectable so tests run the CLI in memory and capture its output.

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  readonly interactive: boolean;
  /** Directory relative paths on the command line are resolved against. */
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** An in-memory CliIo for tests: everything written is kept in `out` and `err`. */
export function memoryIo(
  cwd: string = process.cwd(),
): CliIo & { readonly out: string[]; readonly err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => {
      out.push(text);
    },
    stderr: (text) => {
      err.push(text);
    },
    interactive: false,
    cwd,
  };
}
