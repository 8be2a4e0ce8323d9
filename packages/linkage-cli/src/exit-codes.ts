// Exit codes of the `linkage` command: stable, documented in docs/cli.md.

export const ExitCode = {
  success: 0,
  /** A bug: an error the program did not expect. */
  internal: 1,
  /** Bad command line: unknown command or option, missing argument. */
  usage: 2,
  /** Bad input data, config or model: the user can fix it. */
  badInput: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
