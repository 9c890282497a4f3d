import type { CliIO } from '../io.js';

/** A subcommand: parses its own argv (after the command name) and returns an exit code. */
export type CommandHandler = (argv: readonly string[], io: CliIO) => Promise<number>;
