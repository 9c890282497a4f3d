import path from 'node:path';
import { boundRepoParallel, loadConfigFile } from '../config/config-file.js';
import { parseByteSize } from '../config/byte-size.js';
import { cacheOptions, chooseCacheLocation, isTrustedConfig } from '../config/cache-location.js';
import { createScanOptions } from '../config/create-options.js';
import { DEFAULT_ANALYSIS_OPTIONS, type CacheStoreLocation, type ParallelSetting, type ScanOptions } from '../config/options.js';
import { profileNamed, PROFILE_NAMES, withProfile } from '../config/profiles.js';
import { resolveRules } from '../config/resolve-rules.js';
import { resolveScanInputs } from '../config/scan-inputs.js';
import { checkMemoryFloor } from '../config/memory-budget.js';
import { UserError } from '../errors.js';
import type { Flag } from './flag-table.js';
import { parseFlags } from './parse-flags.js';
import { parseSuppressionFlags, type SuppressionOptions } from './suppressions-file.js';
import { closestMatch } from '../util/edit-distance.js';
import { parseQueueUrl } from '../queue/connection.js';
import { parseShard } from '../queue/shard.js';
import { REPORT_FORMATS, type ReportFormat } from '../reporters/reporter.js';
import { SEVERITY_ORDER, type Severity } from '../types.js';

type ProgressMode = 'auto' | 'plain' | 'ndjson' | 'none';

/** Everything `sonde scan` was asked to do, parsed once. */
export interface ScanCommandOptions {
  readonly scan: ScanOptions;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: Severity | 'never';
  /** Exit 1 when there are more warnings than this (ESLint's --max-warnings); undefined = no limit. */
  readonly maxWarnings?: number;
  /** Report errors only (the exit code still counts every finding). */
  readonly quiet: boolean;
  /** --color / --no-color; undefined leaves it to FORCE_COLOR, NO_COLOR and the terminal. */
  readonly color?: boolean;
  /** Exit 2 when no file matched (on unless --no-error-on-unmatched-pattern). */
  readonly errorOnUnmatchedPattern: boolean;
  readonly progress: ProgressMode;
  /** `false` for --no-ui; otherwise the UI runs when the terminal allows it. */
  readonly ui: boolean;
  /** `--watch`: stay resident and re-scan changes. */
  readonly watch: boolean;
  readonly cpuProf?: string;
  readonly top: number;
  /** Markdown: findings shown before "…and N more"; undefined = as many as fit a GitHub comment. */
  readonly maxFindings?: number;
  /** dot/mermaid: modules matching these globs and their neighbours only. */
  readonly focus: readonly string[];
  /** dot/mermaid: folder globs (or depths) whose modules become one node each. */
  readonly collapse: readonly string[];
  readonly configPath?: string;
  /** The bulk-suppressions file and what to do with it. */
  readonly suppressions: SuppressionOptions;
  /** html: embed source text (--html-include-source). */
  readonly htmlIncludeSource: boolean;
}

/** `sonde scan`'s flags: the parser's options and the "Scan options" of `sonde --help`. */
export const SCAN_FLAGS = [
  { name: 'parallel', short: 'p', type: 'string', arg: 'N|auto', description: 'worker threads; 0 = in-process; auto (default): the count the tune command measured best on this machine for a tree this size, else a model of the workload' },
  { name: 'sequential', type: 'boolean', description: 'same as --parallel 0' },
  { name: 'cache', type: 'boolean', description: 'reuse per-file results between runs (SQLite or Redis, keyed by content hash)' },
  { name: 'no-cache', type: 'boolean', description: 'ignore a "cache": true in the config file' },
  {
    name: 'cache-location',
    type: 'string',
    arg: 'P|URL',
    description:
      'cache file (default: <path>/.sonde/cache.sqlite), or a Redis shared by a CI fleet: redis://[user:password@]host:port[/db] ' +
      '(rediss:// for TLS); an unreachable server is a warning, and the scan runs without the cache',
  },
  {
    name: 'profile',
    type: 'string',
    arg: 'NAME',
    description: `preset flags: ${PROFILE_NAMES.join(' | ')} (the table is in the README, "Tuning"); flags you type win over the preset, the preset over the config file`,
  },
  {
    name: 'queue',
    type: 'string',
    arg: 'URL',
    description:
      'send the files to analyze to the queue workers on this Redis (redis://host:port[/db]; a password may come from SONDE_REDIS_PASSWORD); ' +
      'the facts cache is on it too; what no worker takes is analyzed here',
  },
  { name: 'shard', type: 'string', arg: 'I/N', description: 'scan slice I of N (by path hash) and fill the cache: one job of a CI matrix sharing a Redis cache' },
  { name: 'format', short: 'f', type: 'string', arg: 'F', description: REPORT_FORMATS.join(' | '), default: 'pretty' },
  { name: 'output', short: 'o', type: 'string', arg: 'FILE', description: 'write the report to FILE instead of stdout' },
  { name: 'fail-on', type: 'string', arg: 'S', description: 'exit 1 when a finding is at least S: error | warning | info | never', default: 'error' },
  { name: 'max-warnings', type: 'string', arg: 'N', description: 'also exit 1 when there are more than N warnings, whatever --fail-on says; -1 = no limit' },
  {
    name: 'quiet',
    type: 'boolean',
    description: 'report errors only, in every format, without the interactive view (--max-warnings and --fail-on still count all findings)',
  },
  { name: 'include', type: 'string', arg: 'GLOB', multiple: true, description: 'only files matching GLOB', default: 'all .ts .tsx .mts .cts .js .jsx .mjs .cjs' },
  { name: 'exclude', type: 'string', arg: 'GLOB', multiple: true, description: 'skip files matching GLOB; .gitignore files are always respected' },
  {
    name: 'no-error-on-unmatched-pattern',
    type: 'boolean',
    description: 'exit 0 with an empty report when no file matches, instead of exit 2 naming the patterns',
  },
  { name: 'no-skip-generated', type: 'boolean', description: 'scan *.min.js, @generated and minified files too (skipped by default, listed in the report)' },
  { name: 'entry', type: 'string', arg: 'GLOB', multiple: true, description: 'entry files whose exports count as used; package.json entries are automatic' },
  { name: 'max-file-size', type: 'string', arg: 'SIZE', description: 'skip larger files, with a reason in the report', default: '2MiB' },
  {
    name: 'max-memory',
    type: 'string',
    arg: 'SIZE',
    description: 'keep the scan under SIZE of memory (e.g. 512MB) by adapting workers and batches; too small a budget exits 2 before scanning',
  },
  { name: 'rule', type: 'string', arg: 'ID=SETTING', multiple: true, description: 'off | error | warning | info | THRESHOLD | SEVERITY:THRESHOLD' },
  { name: 'config', short: 'c', type: 'string', arg: 'FILE', description: 'config file (JSON or JSONC)', default: 'sonde.config.json(c) in the scanned root, else in the working directory or a parent up to the repository root' },
  { name: 'no-config', type: 'boolean', description: 'ignore every config file' },
  { name: 'ignore-type-only-cycles', type: 'boolean', description: 'leave `import type` edges out of import-cycle detection' },
  { name: 'progress', type: 'string', arg: 'MODE', description: 'progress on stderr: auto | plain | ndjson | none', default: 'plain when not interactive' },
  {
    name: 'watch',
    type: 'boolean',
    description: 'stay resident: re-scan what changes as files are saved; -o FILE is rewritten, --progress ndjson ends each batch with scan:done',
  },
  { name: 'no-ui', type: 'boolean', description: 'plain output even in a terminal' },
  { name: 'color', type: 'boolean', description: 'colour even when stdout is not a terminal (wins over NO_COLOR and FORCE_COLOR)' },
  { name: 'no-color', type: 'boolean', description: 'no colour (wins over FORCE_COLOR)' },
  { name: 'sample-interval', type: 'string', arg: 'MS', description: 'profiler sampling interval; 0 = off', default: '100' },
  { name: 'cpu-prof', type: 'string', arg: 'FILE', description: 'write a V8 CPU profile of the scan (open in Chrome DevTools or speedscope)' },
  { name: 'top', type: 'string', arg: 'N', description: 'hotspots listed in pretty and markdown reports', default: '10' },
  { name: 'suppress-all', type: 'boolean', description: 'write every current finding to the suppressions file: they no longer fail the run, new ones do' },
  { name: 'suppress-rule', type: 'string', arg: 'RULE', multiple: true, description: 'like --suppress-all, for RULE only' },
  { name: 'prune-suppressions', type: 'boolean', description: 'remove suppressions (or lower counts) that no longer match a finding' },
  {
    name: 'suppressions-location',
    type: 'string',
    arg: 'FILE',
    description: 'the suppressions file, read on every scan when present',
    default: './sonde-suppressions.json, or beside --config',
  },
  {
    name: 'max-findings',
    type: 'string',
    arg: 'N',
    description: 'markdown: list at most N findings, then "…and M more"',
    default: 'as many as fit a GitHub comment (65,536 characters)',
  },
  { name: 'focus', type: 'string', arg: 'GLOB', multiple: true, description: 'dot, mermaid: only modules matching GLOB and their direct neighbours' },
  {
    name: 'collapse',
    type: 'string',
    arg: 'PATTERN',
    multiple: true,
    description: "dot, mermaid: one node per folder matching PATTERN (a glob such as 'packages/*', or a depth such as 2)",
  },
  { name: 'html-include-source', type: 'boolean', description: 'html: embed each file\'s source text in the report (off by default: the page then holds metrics only)' },
  // Answered by runCli before a scan starts; in the table so the help and the parser know them.
  { name: 'help', short: 'h', type: 'boolean', description: 'this help' },
  { name: 'version', short: 'v', type: 'boolean', description: 'print the version' },
] as const satisfies readonly Flag[];

/** Parses `sonde scan` argv (after the command name) against the working directory. */
export function parseScanArgs(argv: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>> = {}): ScanCommandOptions {
  const parsed = parseFlags(SCAN_FLAGS, argv, { helpCommand: 'sonde --help' });
  const { positionals } = parsed;
  const values = parsed.values.profile === undefined ? parsed.values : withProfile(parsed.values, profileNamed(parsed.values.profile));
  if (values.color && values['no-color']) throw new UserError('INVALID_OPTION', '--color and --no-color contradict each other; pass one.');
  // Validate the paths first: a missing one is the clearest message there is.
  const { root, paths } = resolveScanInputs(positionals, cwd);
  const { config, path: configPath } = values['no-config'] ? { config: {}, path: undefined } : loadConfigFile(root, values.config && path.resolve(cwd, values.config), cwd);
  // A config inside the root is the repository's: it may not pick where sonde writes, nor size the machine.
  const configTrusted = isTrustedConfig(configPath, Boolean(values.config), root);

  const parallel: ParallelSetting = values.sequential
    ? 0
    : values.parallel !== undefined
      ? parseParallel(values.parallel)
      : ((configTrusted ? config.parallel : boundRepoParallel(config.parallel)) ?? 'auto');
  const queue = values.queue !== undefined ? parseQueueUrl(values.queue, '--queue', env) : undefined;
  const shard = values.shard !== undefined ? parseShard(values.shard) : undefined;
  if (queue && (values['cache-location'] !== undefined || values['no-cache'])) {
    throw new UserError('INVALID_OPTION', '--queue keeps the facts cache on the queue\'s Redis: leave out --cache-location and --no-cache.');
  }
  if (shard && values['no-cache']) throw new UserError('INVALID_OPTION', '--shard fills the cache: it cannot run with --no-cache.');
  // A queue hands facts over through its Redis, and a shard exists to fill the cache: both turn the cache on.
  const cacheEnabled = queue !== undefined || shard !== undefined || (values['no-cache'] ? false : (values.cache ?? config.cache ?? false));
  const cacheStore: CacheStoreLocation = queue ? { kind: 'redis', url: queue.url } : chooseCacheLocation({
    flag: values['cache-location'],
    env,
    configValue: config.cacheLocation,
    configPath,
    configTrusted,
    cwd,
    root,
  });
  const maxFileSize = values['max-file-size'] !== undefined ? parseSize(values['max-file-size']) : config.maxFileSize;
  const maxMemory = values['max-memory'] !== undefined ? parseSize(values['max-memory'], '--max-memory') : config.maxMemory;
  if (maxMemory !== undefined) checkMemoryFloor(maxMemory, values['max-memory'] !== undefined ? '--max-memory' : 'maxMemory');

  const scan = createScanOptions(root, {
    paths,
    include: values.include ?? config.include ?? [],
    exclude: [...(config.exclude ?? []), ...(values.exclude ?? [])],
    entries: [...(config.entries ?? []), ...(values.entry ?? [])],
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(maxMemory !== undefined ? { maxMemory } : {}),
    parallel,
    cache: cacheOptions(cacheEnabled, cacheStore),
    rules: resolveRules(config.rules, values.rule ?? []),
    analysis: config.todoTags ? { ...DEFAULT_ANALYSIS_OPTIONS, todoTags: config.todoTags } : DEFAULT_ANALYSIS_OPTIONS,
    ignoreTypeOnlyCycles: values['ignore-type-only-cycles'] ?? config.ignoreTypeOnlyCycles ?? false,
    skipGenerated: !values['no-skip-generated'],
    ...(values['sample-interval'] !== undefined ? { sampleIntervalMs: parseCount('--sample-interval', values['sample-interval']) } : {}),
    ...(queue ? { queue } : {}),
    ...(shard ? { shard } : {}),
  });

  return {
    scan,
    format: parseChoice('--format', values.format ?? 'pretty', REPORT_FORMATS),
    ...(values.output ? { output: path.resolve(cwd, values.output) } : {}),
    failOn: parseChoice('--fail-on', values['fail-on'] ?? config.failOn ?? 'error', [...SEVERITY_ORDER, 'never'] as const),
    ...maxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    ...(values.color ? { color: true } : values['no-color'] ? { color: false } : {}),
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    progress: parseChoice('--progress', values.progress ?? 'auto', ['auto', 'plain', 'ndjson', 'none'] as const),
    ui: !values['no-ui'],
    watch: values.watch ?? false,
    ...(values['cpu-prof'] ? { cpuProf: path.resolve(cwd, values['cpu-prof']) } : {}),
    top: values.top !== undefined ? parseCount('--top', values.top) : 10,
    ...(values['max-findings'] !== undefined ? { maxFindings: parseCount('--max-findings', values['max-findings']) } : {}),
    focus: values.focus ?? [],
    collapse: values.collapse ?? [],
    ...(configPath ? { configPath } : {}),
    suppressions: parseSuppressionFlags(values, cwd),
    htmlIncludeSource: values['html-include-source'] ?? false,
  };
}

function parseParallel(value: string): ParallelSetting {
  if (value === 'auto') return 'auto';
  const workers = Number(value);
  if (!/^\d+$/.test(value) || workers > 256) {
    throw new UserError('INVALID_OPTION', `--parallel ${value}: expected a worker count (0–256) or "auto"`, 'Use --parallel 0 for an in-process scan.');
  }
  return workers;
}

function parseSize(value: string, flag = '--max-file-size'): number {
  const bytes = parseByteSize(value);
  if (bytes === undefined) throw new UserError('INVALID_OPTION', `${flag} ${value}: expected a size such as 2MB or 500000`);
  return bytes;
}

/** ESLint's --max-warnings: a count, or -1 (its default) for no limit. */
function maxWarnings(value: string | undefined): { maxWarnings?: number } {
  if (value === undefined || value === '-1') return {};
  return { maxWarnings: parseCount('--max-warnings', value, ' (or -1 for no limit)') };
}

function parseCount(flag: string, value: string, alternative = ''): number {
  const count = Number(value);
  // Number('') is 0 and Number('0x10') is 16: only plain digits are a count.
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count)) throw new UserError('INVALID_OPTION', `${flag} ${value}: expected a whole number ≥ 0${alternative}`);
  return count;
}

function parseChoice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  // `warn` (ESLint's word) is a prefix of `warning`, three edits away.
  const suggestion = (value.length >= 3 ? choices.find((choice) => choice.startsWith(value)) : undefined) ?? closestMatch(value, choices);
  throw new UserError('INVALID_OPTION', `${flag} ${value}: expected one of ${choices.join(', ')}${suggestion ? `. Did you mean '${suggestion}'?` : ''}`);
}
