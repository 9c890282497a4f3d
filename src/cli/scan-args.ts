import path from 'node:path';
import { parseArgs } from 'node:util';
import { boundRepoParallel, loadConfigFile } from '../config/config-file.js';
import { parseByteSize } from '../config/byte-size.js';
import { cacheOptions, chooseCacheLocation, isTrustedConfig } from '../config/cache-location.js';
import { createScanOptions } from '../config/create-options.js';
import { DEFAULT_ANALYSIS_OPTIONS, type CacheStoreLocation, type ParallelSetting, type ScanOptions } from '../config/options.js';
import { resolveRules } from '../config/resolve-rules.js';
import { UserError } from '../errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../reporters/reporter.js';
import { SEVERITY_ORDER, type Severity } from '../types.js';

export type ProgressMode = 'auto' | 'plain' | 'ndjson' | 'none';

/** Everything `sonde scan` was asked to do, parsed once. */
export interface ScanCommandOptions {
  readonly scan: ScanOptions;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: Severity | 'never';
  readonly progress: ProgressMode;
  /** `false` for --no-ui; otherwise the UI runs when the terminal allows it. */
  readonly ui: boolean;
  readonly cpuProf?: string;
  readonly top: number;
  readonly configPath?: string;
}

export const SCAN_FLAGS = {
  parallel: { type: 'string', short: 'p' },
  sequential: { type: 'boolean' },
  cache: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  'cache-location': { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  entry: { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  progress: { type: 'string' },
  'no-ui': { type: 'boolean' },
  'ignore-type-only-cycles': { type: 'boolean' },
  'sample-interval': { type: 'string' },
  'cpu-prof': { type: 'string' },
  top: { type: 'string' },
} as const;

/** Parses `sonde scan` argv (after the command name) against the working directory. */
export function parseScanArgs(argv: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>> = {}): ScanCommandOptions {
  const { values, positionals } = parseOrThrow(argv);
  if (positionals.length > 1) {
    throw new UserError('INVALID_OPTION', `Expected one path, got ${positionals.length}: ${positionals.join(' ')}`, 'Scan one directory at a time.');
  }
  const root = path.resolve(cwd, positionals[0] ?? '.');
  // Validate the root first: a missing root is the clearest message there is.
  createScanOptions(root);
  const { config, path: configPath } = values['no-config'] ? { config: {}, path: undefined } : loadConfigFile(root, values.config && path.resolve(cwd, values.config));
  // A config inside the root is the repository's: it may not pick where sonde writes, nor size the machine.
  const configTrusted = isTrustedConfig(configPath, Boolean(values.config), root);

  const parallel: ParallelSetting = values.sequential
    ? 0
    : values.parallel !== undefined
      ? parseParallel(values.parallel)
      : ((configTrusted ? config.parallel : boundRepoParallel(config.parallel)) ?? 'auto');
  const cacheEnabled = values['no-cache'] ? false : (values.cache ?? config.cache ?? false);
  const cacheStore: CacheStoreLocation = chooseCacheLocation({
    flag: values['cache-location'],
    env,
    configValue: config.cacheLocation,
    configPath,
    configTrusted,
    cwd,
    root,
  });
  const maxFileSize = values['max-file-size'] !== undefined ? parseSize(values['max-file-size']) : config.maxFileSize;

  const scan = createScanOptions(root, {
    include: values.include ?? config.include ?? [],
    exclude: [...(config.exclude ?? []), ...(values.exclude ?? [])],
    entries: [...(config.entries ?? []), ...(values.entry ?? [])],
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    parallel,
    cache: cacheOptions(cacheEnabled, cacheStore),
    rules: resolveRules(config.rules, values.rule ?? []),
    analysis: config.todoTags ? { ...DEFAULT_ANALYSIS_OPTIONS, todoTags: config.todoTags } : DEFAULT_ANALYSIS_OPTIONS,
    ignoreTypeOnlyCycles: values['ignore-type-only-cycles'] ?? config.ignoreTypeOnlyCycles ?? false,
    ...(values['sample-interval'] !== undefined ? { sampleIntervalMs: parseCount('--sample-interval', values['sample-interval']) } : {}),
  });

  return {
    scan,
    format: parseChoice('--format', values.format ?? 'pretty', REPORT_FORMATS),
    ...(values.output ? { output: path.resolve(cwd, values.output) } : {}),
    failOn: parseChoice('--fail-on', values['fail-on'] ?? config.failOn ?? 'error', [...SEVERITY_ORDER, 'never'] as const),
    progress: parseChoice('--progress', values.progress ?? 'auto', ['auto', 'plain', 'ndjson', 'none'] as const),
    ui: !values['no-ui'],
    ...(values['cpu-prof'] ? { cpuProf: path.resolve(cwd, values['cpu-prof']) } : {}),
    top: values.top !== undefined ? parseCount('--top', values.top) : 10,
    ...(configPath ? { configPath } : {}),
  };
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: SCAN_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError('INVALID_OPTION', (error as Error).message, 'Run `sonde --help` for the list of options.');
  }
}

function parseParallel(value: string): ParallelSetting {
  if (value === 'auto') return 'auto';
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) {
    throw new UserError('INVALID_OPTION', `--parallel ${value}: expected a worker count (0–256) or "auto"`, 'Use --parallel 0 for an in-process scan.');
  }
  return workers;
}

function parseSize(value: string): number {
  const bytes = parseByteSize(value);
  if (bytes === undefined) throw new UserError('INVALID_OPTION', `--max-file-size ${value}: expected a size such as 2MB or 500000`);
  return bytes;
}

function parseCount(flag: string, value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new UserError('INVALID_OPTION', `${flag} ${value}: expected a whole number ≥ 0`);
  return count;
}

export function parseChoice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UserError('INVALID_OPTION', `${flag} ${value}: expected one of ${choices.join(', ')}`);
}
