import { ScanAbortedError, isUserError } from './errors.js';
import { EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK } from './cli/exit-code.js';
import { helpText } from './cli/help.js';
import type { CliIO, CommandHandler } from './cli/io.js';
import { TOOL_VERSION } from './version.js';

export type { CliIO } from './cli/io.js';

/** Subcommands, loaded on demand so `sonde scan` never pays for the bench or the UI. */
const COMMANDS: Readonly<Record<string, () => Promise<CommandHandler>>> = {
  scan: async () => (await import('./cli/commands/scan.js')).scanCommand,
  bench: async () => (await import('./cli/commands/bench.js')).benchCommand,
  generate: async () => (await import('./cli/commands/generate.js')).generateCommand,
  cache: async () => (await import('./cli/commands/cache.js')).cacheCommand,
};

/**
 * sonde's command line: parses argv, runs a command, returns the exit code.
 * Never calls process.exit and touches no global stream: bin/ passes the
 * real process in `io`, tests pass fakes.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const isCommand = first !== undefined && first in COMMANDS;
  const command = isCommand ? first : 'scan';
  const commandArgv = isCommand ? rest : argv;
  if (command === 'scan' && (commandArgv.includes('--help') || commandArgv.includes('-h') || first === 'help')) {
    io.stdout.write(helpText(TOOL_VERSION));
    return EXIT_OK;
  }
  try {
    const handler = await COMMANDS[command]!();
    return await handler(commandArgv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIO): number {
  if (isUserError(error)) {
    io.stderr.write(`sonde: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  ${error.hint}\n`);
    return error instanceof ScanAbortedError || error.code === 'ABORTED' ? EXIT_INTERRUPTED : EXIT_ERROR;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(
    `sonde: internal error — this is a bug in sonde ${TOOL_VERSION}, please report it with the output below.\n${stack}\n`,
  );
  return EXIT_ERROR;
}
