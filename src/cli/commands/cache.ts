/**
 * `sonde cache stats|clear|prune [--cache-location P|URL] [--max-age 30d] [--max-size 100MB] [path]`:
 * inspect and maintain the persistent cache, a SQLite file or a shared Redis. Plain text on stdout.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { cacheStats, clearCache, pruneCache, type CacheStats } from '../../cache/maintenance.js';
import { ForeignCacheFileError, isCorruptionError, isSondeDatabaseFile } from '../../cache/sqlite-store.js';
import { parseByteSize } from '../../config/byte-size.js';
import { describeCacheLocation, parseCacheLocation } from '../../config/cache-location.js';
import type { CacheStoreLocation } from '../../config/options.js';
import { UserError } from '../../errors.js';
import { escapeTerminal, formatBinaryBytes } from '../../text/index.js';
import { TOOL_VERSION } from '../../version.js';
import { renderFlags, type Flag } from '../flag-table.js';
import { parseFlags } from '../parse-flags.js';
import { closestMatch } from '../../util/edit-distance.js';
import type { CommandHandler } from '../command.js';

/** `sonde cache`'s flags: the parser's options and the options of `sonde cache --help`. */
export const CACHE_FLAGS = [
  {
    name: 'cache-location',
    type: 'string',
    arg: 'P|URL',
    description:
      'cache file (default: <path or cwd>/.sonde/cache.sqlite), or a shared Redis: redis://[user:password@]host:port[/db] ' +
      "(rediss:// for TLS); on Redis, stats and prune read each entry's size and write time, not its facts",
  },
  { name: 'max-age', type: 'string', arg: 'D', description: 'prune: entries written more than D ago (e.g. 30d, 12h, 90m)' },
  {
    name: 'max-size',
    type: 'string',
    arg: 'S',
    description: 'prune: keep the newest entries that fit in S (e.g. 100MB, 512KiB; MB = 10^6, MiB = 2^20 bytes)',
  },
  { name: 'help', short: 'h', type: 'boolean', description: 'this help' },
] as const satisfies readonly Flag[];

export const CACHE_HELP = `Usage: sonde cache <stats|clear|prune> [options] [path]

  stats                 entries, size, entries for this sonde version vs stale
  clear                 remove every entry (in Redis: every sonde/ key, nothing else)
  prune                 remove stale entries, then by age and total size (oldest first)

Options:
${renderFlags(CACHE_FLAGS)}
`;

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d` → ms. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(text.trim());
  if (!match) throw new UserError('INVALID_OPTION', `--max-age ${text}: expected a number and a unit (s, m, h, d, w)`, 'For example --max-age 30d.');
  return Number(match[1]) * DURATION_UNITS[match[2].toLowerCase()];
}

/** `100MB` → bytes, with the same units as every other size sonde reads. */
export function parseSize(text: string): number {
  const bytes = parseByteSize(text);
  if (bytes === undefined) throw new UserError('INVALID_OPTION', `--max-size ${text}: expected a size such as 100MB, 512KiB or 2GB`, 'For example --max-size 100MB.');
  return bytes;
}

function formatStats(stats: CacheStats): string {
  if (!stats.exists) return `No cache at ${escapeTerminal(stats.location)}\n`;
  const lines = [
    `cache: ${escapeTerminal(stats.location)}`,
    `entries: ${stats.entries} (${stats.current} for sonde ${TOOL_VERSION}, ${stats.stale} stale)`,
    ...(stats.memo > 0 ? [`of those, scan memo: ${stats.memo} (the rest are per-file facts)`] : []),
    stats.kind === 'sqlite' ? `size on disk: ${formatBinaryBytes(stats.bytes)}` : `size in Redis (keys + values): ${formatBinaryBytes(stats.bytes)}`,
  ];
  if (stats.oldest !== undefined && stats.newest !== undefined) {
    lines.push(`written: ${new Date(stats.oldest).toISOString()} … ${new Date(stats.newest).toISOString()}`);
  }
  return `${lines.join('\n')}\n`;
}

function parse(argv: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>> = {}) {
  const { values, positionals } = parseFlags(CACHE_FLAGS, argv, { helpCommand: 'sonde cache --help' });
  const [action, target, ...extra] = positionals;
  if (values.help) return { help: true as const };
  if (action !== 'stats' && action !== 'clear' && action !== 'prune') {
    const suggestion = action ? closestMatch(action, ['stats', 'clear', 'prune']) : undefined;
    const unknown = `Unknown cache action "${action}"${suggestion ? `. Did you mean '${suggestion}'?` : ''}`;
    throw new UserError('INVALID_OPTION', action ? unknown : 'Missing cache action', 'Use one of: sonde cache stats | clear | prune.');
  }
  if (extra.length > 0) throw new UserError('INVALID_OPTION', `Unexpected arguments: ${extra.join(' ')}`, 'Run `sonde cache --help`.');
  if (action !== 'prune' && (values['max-age'] || values['max-size'])) {
    throw new UserError('INVALID_OPTION', '--max-age and --max-size apply to `sonde cache prune` only', 'Run `sonde cache --help`.');
  }
  const root = path.resolve(cwd, target ?? '.');
  const location: CacheStoreLocation = values['cache-location']
    ? parseCacheLocation(values['cache-location'], cwd, '--cache-location')
    : env.SONDE_CACHE_LOCATION
      ? parseCacheLocation(env.SONDE_CACHE_LOCATION, cwd, 'SONDE_CACHE_LOCATION')
      : { kind: 'sqlite', path: path.join(root, '.sonde', 'cache.sqlite') };
  return {
    help: false as const,
    action,
    location,
    ...(values['max-age'] ? { maxAgeMs: parseDuration(values['max-age']) } : {}),
    ...(values['max-size'] ? { maxBytes: parseSize(values['max-size']) } : {}),
  };
}

export const cacheCommand: CommandHandler = async (argv, io) => {
  const args = parse(argv, io.cwd, io.env);
  if (args.help) {
    io.stdout.write(CACHE_HELP);
    return 0;
  }
  try {
    if (args.action === 'stats') {
      io.stdout.write(formatStats(await cacheStats(args.location, TOOL_VERSION)));
    } else if (args.action === 'clear') {
      io.stdout.write(`Removed ${await clearCache(args.location)} entries from ${escapeTerminal(describeCacheLocation(args.location))}\n`);
    } else {
      if (args.maxAgeMs === undefined && args.maxBytes === undefined) {
        io.stdout.write('No --max-age or --max-size: removing stale entries only.\n');
      }
      const result = await pruneCache(args.location, TOOL_VERSION, args);
      io.stdout.write(`Removed ${result.removed} of ${result.before.entries} entries; ${formatBinaryBytes(result.before.bytes)} → ${formatBinaryBytes(result.after.bytes)}\n`);
    }
  } catch (error) {
    if (error instanceof ForeignCacheFileError) {
      throw new UserError('CACHE_FOREIGN', `${error.message}; sonde leaves it untouched`, 'Point --cache-location at a file sonde created, or remove this one yourself.');
    }
    if (args.location.kind !== 'sqlite' || !isCorruptionError(error)) throw error;
    const file = args.location.path;
    // Deleted only when its header says it is sonde's: never someone else's file.
    if (args.action === 'clear' && isSondeDatabaseFile(file)) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      io.stdout.write(`The cache file was damaged; deleted ${escapeTerminal(file)}\n`);
      return 0;
    }
    if (!isSondeDatabaseFile(file)) {
      throw new UserError('CACHE_FOREIGN', `${file} is not a readable sonde cache (${(error as Error).message}); sonde leaves it untouched`, 'Remove it yourself if it is a cache you no longer need.');
    }
    throw new UserError('CACHE_CORRUPT', `${file} is not a readable cache (${(error as Error).message})`, 'Run `sonde cache clear`; the next scan with --cache rebuilds it.');
  }
  return 0;
};
