/** `sonde tune` argv → options, parsed once at the boundary. */
import path from 'node:path';
import { UserError } from '../errors.js';
import { renderFlags, type Flag } from './flag-table.js';
import { parseFlags } from './parse-flags.js';

/** Seconds `sonde tune` measures for when no --time-budget is given. */
export const DEFAULT_TUNE_BUDGET_SECONDS = 60;

export interface TuneCommandOptions {
  readonly target: string;
  readonly budgetMs: number;
  /** Worker counts to measure; undefined = 0, 2, 4, … up to the cores. */
  readonly workers?: readonly number[];
  readonly write: boolean;
  readonly quiet: boolean;
  readonly help: boolean;
}

/** `sonde tune`'s flags: the parser's options and the options of `sonde tune --help`. */
export const TUNE_FLAGS = [
  {
    name: 'time-budget',
    short: 't',
    type: 'string',
    arg: 'SECONDS',
    description: 'measure for about this long; every setting still gets at least one run',
    default: String(DEFAULT_TUNE_BUDGET_SECONDS),
  },
  { name: 'workers', type: 'string', arg: 'LIST', description: 'worker counts to try, e.g. 0,2,4', default: '0, 2, 4, 8, … and the number of cores' },
  { name: 'write', type: 'boolean', description: 'record the choice (parallel, cache, maxMemory) in <path>/sonde.config.json, keeping its other keys' },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'no progress lines' },
  { name: 'help', short: 'h', type: 'boolean', description: 'this help' },
] as const satisfies readonly Flag[];

export const TUNE_HELP = `Usage: sonde tune [path] [options]

Measures which settings scan this tree fastest on this machine, within a time budget: worker
counts from 0 (in-process) to the number of cores, a warm cache against none, and the peak memory
of the chosen settings. Each run is a scan in a fresh process, as in sonde bench. A setting is
recommended over a simpler one only when it was significantly faster.

The result is saved for this machine and tree size in $XDG_CACHE_HOME/sonde/tuned/, where a
scan's default worker setting (auto) finds it.

Options:
${renderFlags(TUNE_FLAGS)}
`;

function parseWorkers(value: string): number[] {
  const counts = value.split(',').map((part) => part.trim()).filter(Boolean);
  if (counts.length === 0 || counts.some((count) => !/^\d+$/.test(count) || Number(count) > 256)) {
    throw new UserError('INVALID_OPTION', `--workers ${value}: expected worker counts 0–256 separated by commas, e.g. 0,2,4`);
  }
  return [...new Set(counts.map(Number))].sort((a, b) => a - b);
}

/** Parses argv after `tune`. */
export function parseTuneArgs(argv: readonly string[], cwd: string): TuneCommandOptions {
  const { values: v, positionals } = parseFlags(TUNE_FLAGS, argv, { helpCommand: 'sonde tune --help' });
  if (positionals.length > 1) throw new UserError('INVALID_OPTION', `Expected one path, got ${positionals.length}.`);
  const budget = v['time-budget'] ?? String(DEFAULT_TUNE_BUDGET_SECONDS);
  const seconds = Number(budget);
  if (budget.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UserError('INVALID_OPTION', `--time-budget ${budget}: expected a number of seconds > 0`);
  }
  return {
    target: path.resolve(cwd, positionals[0] ?? '.'),
    budgetMs: seconds * 1000,
    ...(v.workers !== undefined ? { workers: parseWorkers(v.workers) } : {}),
    write: v.write ?? false,
    quiet: v.quiet ?? false,
    help: v.help ?? false,
  };
}
