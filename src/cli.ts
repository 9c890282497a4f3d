import { existsSync } from 'node:fs';
import path from 'node:path';
import { ScanAbortedError, UserError, isUserError } from './errors.js';
import { EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK } from './cli/exit-code.js';
import type { CommandHandler } from './cli/command.js';
import type { CliIO } from './io.js';
import { escapeTerminal } from './text/escape.js';
import { TOOL_VERSION } from './version.js';
import { closestMatch } from './util/edit-distance.js';

/** Subcommands, loaded on demand so `sonde scan` never pays for the bench or the UI. */
const COMMANDS: Readonly<Record<string, () => Promise<CommandHandler>>> = {
  scan: async () => (await import('./cli/commands/scan.js')).scanCommand,
  bench: async () => (await import('./cli/commands/bench.js')).benchCommand,
  generate: async () => (await import('./cli/commands/generate.js')).generateCommand,
  cache: async () => (await import('./cli/commands/cache.js')).cacheCommand,
  tune: async () => (await import('./cli/commands/tune.js')).tuneCommand,
  worker: async () => (await import('./cli/commands/worker.js')).workerCommand,
};

/**
 * sonde's command line: parses argv, runs a command, returns the exit code.
 * Never calls process.exit and touches no global stream: bin/ passes the
 * real process in `io`, tests pass fakes.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  const isCommand = first !== undefined && first in COMMANDS;
  if (!isCommand && first !== undefined) {
    const typo = mistypedCommand(first, io.cwd);
    if (typo) return reportError(typo, io);
  }
  const command = isCommand ? first : 'scan';
  const commandArgv = isCommand ? rest : argv;
  if (first === '--version' || first === '-v' || (command === 'scan' && (commandArgv.includes('--version') || commandArgv.includes('-v')))) {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  if (command === 'scan' && (commandArgv.includes('--help') || commandArgv.includes('-h') || first === 'help')) {
    // Loaded on demand: the help renders the scan flag table, which no other command needs.
    io.stdout.write((await import('./cli/help.js')).helpText(TOOL_VERSION));
    return EXIT_OK;
  }
  try {
    const handler = await COMMANDS[command]!();
    return await handler(commandArgv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * `sonde benchh` or `sonde scna src`: a word that is no command and no path,
 * but close to a command name. `sonde <path>` scans a directory, so a word
 * that exists on disk is always a path, and a word close to no command is
 * left to the scan to report ("No such directory").
 */
function mistypedCommand(word: string, cwd: string): UserError | undefined {
  if (word.startsWith('-') || existsSync(path.resolve(cwd, word))) return undefined;
  const suggestion = closestMatch(word, [...Object.keys(COMMANDS), 'help']);
  if (!suggestion) return undefined;
  return new UserError(
    'UNKNOWN_COMMAND',
    `Unknown command '${word}'. Did you mean '${suggestion}'?`,
    `To scan a directory of that name, write it as ./${word}.`,
  );
}

function reportError(error: unknown, io: CliIO): number {
  if (isUserError(error)) {
    // The headline and each detail escaped on their own: a newline inside a
    // repository string stays visible (\n) and never starts a line of its own.
    io.stderr.write(`sonde: ${escapeTerminal(error.headline)}\n`);
    for (const detail of error.details) io.stderr.write(`  ${escapeTerminal(detail)}\n`);
    if (error.hint) io.stderr.write(`  ${escapeTerminal(error.hint)}\n`);
    return error instanceof ScanAbortedError || error.code === 'ABORTED' ? EXIT_INTERRUPTED : EXIT_ERROR;
  }
  const stack = error instanceof Error ? printableStack(error) : escapeTerminal(String(error));
  io.stderr.write(
    `sonde: internal error — this is a bug in sonde ${TOOL_VERSION}, please report it with the output below.\n${stack}\n`,
  );
  return EXIT_ERROR;
}

/** The stack with its message as one escaped line: a message can name a file of the scanned repository. */
function printableStack(error: Error): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${escapeTerminal(error.message)}`, ...frames.map(escapeTerminal)].join('\n');
}
