// Version of the command, as published.
export const CLI_VERSION = "0.1.0";
