import { existsSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { ALL_RULES } from '../rules/index.js';
import { SEVERITY_ORDER, type Severity } from '../types.js';
import { parseByteSize } from './byte-size.js';
import type { ParallelSetting } from './options.js';
import { readRegularFile, UnreadableFileError } from '../util/read-regular-file.js';

const CONFIG_FILE_NAME = 'sonde.config.json';

/** A rule's setting in the config file: `"off"`, a severity, or `{ severity?, threshold?, enabled? }`. */
export type RuleSetting =
  | 'off'
  | Severity
  | { readonly severity?: Severity; readonly threshold?: number; readonly enabled?: boolean; readonly IIFEs?: boolean };

/** sonde.config.json, validated. Every field optional; flags override it. */
interface ConfigFile {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly entries?: readonly string[];
  readonly maxFileSize?: number;
  readonly parallel?: number | 'auto';
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly failOn?: Severity | 'never';
  readonly ignoreTypeOnlyCycles?: boolean;
  readonly todoTags?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

const KNOWN_KEYS = new Set([
  'include', 'exclude', 'entries', 'maxFileSize', 'parallel', 'cache', 'cacheLocation',
  'failOn', 'ignoreTypeOnlyCycles', 'todoTags', 'rules', '$schema',
]);

/** The most workers any setting may ask for (`--parallel` has the same cap). */
const MAX_WORKERS = 256;

/**
 * The worker count a repository's own config may set: at most one per core
 * (availableParallelism). Parsing is CPU-bound, so more workers than cores
 * buy no speed, only memory (each holds a parser, ~70 MB: 24 workers took
 * 1.7 GB); a repository must not size the user's machine. The user's
 * `--parallel` (up to MAX_WORKERS) is not limited.
 */
export function boundRepoParallel(value: ParallelSetting | undefined, cores: number = availableParallelism()): ParallelSetting | undefined {
  return typeof value === 'number' ? Math.min(value, Math.max(1, cores)) : value;
}

/**
 * Loads `sonde.config.json` from `explicitPath`, or from the scanned root if
 * present. Returns `{}` when there is none. A bad file is a UserError naming
 * the file and the path of the bad value (e.g. `rules.complexity.threshold`).
 */
export function loadConfigFile(root: string, explicitPath?: string): { config: ConfigFile; path?: string } {
  const file = explicitPath ? path.resolve(explicitPath) : path.join(root, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicitPath) throw new UserError('CONFIG_NOT_FOUND', `Config file not found: ${explicitPath}`);
    return { config: {} };
  }
  const text = readConfigText(file, explicitPath === undefined ? root : undefined);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError('CONFIG_INVALID', `${file}: not valid JSON${jsonErrorPlace(error, text)}`, 'Fix the syntax, or pass --no-config.');
  }
  return { config: validateConfig(raw, file), path: file };
}

/** A config file is small; a larger one is refused unread. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The config file's text. The repository's own config (`insideRoot` given)
 * is untrusted: its real path must stay inside the root, so a link cannot
 * make sonde read (and echo) a file elsewhere. Either way only a regular
 * file of at most MAX_CONFIG_BYTES is read: never a FIFO or /dev/zero.
 */
function readConfigText(file: string, insideRoot: string | undefined): string {
  const unreadable = (reason: string) => new UserError('CONFIG_INVALID', `${file} ${reason}`, 'Fix or remove it, or pass --no-config.');
  let target = file;
  if (insideRoot !== undefined) {
    try {
      target = realpathSync(file);
      const realRoot = realpathSync(insideRoot);
      if (target !== realRoot && !target.startsWith(realRoot + path.sep)) throw unreadable('links out of the scanned folder; it was not read');
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw unreadable(`cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  try {
    return readRegularFile(target, { maxBytes: MAX_CONFIG_BYTES, noFollow: insideRoot !== undefined });
  } catch (error) {
    if (error instanceof UnreadableFileError) throw unreadable(error.reason);
    throw error;
  }
}

/** Where JSON.parse failed (" at line 3 column 5"), never the text around it: V8's message may quote the content. */
function jsonErrorPlace(error: unknown, text: string): string {
  const match = /at position (\d+)/.exec((error as Error).message);
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  return ` at line ${line} column ${before.length - before.lastIndexOf('\n')}`;
}

/** Validates parsed JSON against the config schema; errors name the bad path. */
export function validateConfig(raw: unknown, source = CONFIG_FILE_NAME): ConfigFile {
  const fail = (at: string, expected: string, got: unknown): never => {
    throw new UserError(
      'CONFIG_INVALID',
      `${source}: ${at}: expected ${expected}, got ${JSON.stringify(got)}`,
      'See `sonde --help` for the config file format.',
    );
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('(root)', 'an object', raw);
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) fail(key, `one of ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')}`, key);
  }
  const stringArray = (key: string): readonly string[] | undefined => {
    const value = input[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return fail(key, 'an array of strings', value);
    value.forEach((item, index) => typeof item !== 'string' && fail(`${key}[${index}]`, 'a string', item));
    return value as string[];
  };
  const boolean = (key: string): boolean | undefined => {
    const value = input[key];
    if (value === undefined || typeof value === 'boolean') return value;
    return fail(key, 'true or false', value);
  };
  const config: Record<string, unknown> = {
    include: stringArray('include'),
    exclude: stringArray('exclude'),
    entries: stringArray('entries'),
    todoTags: stringArray('todoTags'),
    cache: boolean('cache'),
    ignoreTypeOnlyCycles: boolean('ignoreTypeOnlyCycles'),
  };
  if (input.maxFileSize !== undefined) {
    const bytes = typeof input.maxFileSize === 'number' || typeof input.maxFileSize === 'string' ? parseByteSize(String(input.maxFileSize)) : undefined;
    config.maxFileSize = bytes ?? fail('maxFileSize', 'a size such as 2000000 or "2MB"', input.maxFileSize);
  }
  if (input.parallel !== undefined) {
    const ok = input.parallel === 'auto' || (Number.isInteger(input.parallel) && (input.parallel as number) >= 0 && (input.parallel as number) <= MAX_WORKERS);
    config.parallel = ok ? input.parallel : fail('parallel', `a worker count 0–${MAX_WORKERS} or "auto"`, input.parallel);
  }
  if (input.cacheLocation !== undefined) {
    config.cacheLocation = typeof input.cacheLocation === 'string' ? input.cacheLocation : fail('cacheLocation', 'a path or a redis:// URL', input.cacheLocation);
  }
  if (input.failOn !== undefined) {
    const ok = input.failOn === 'never' || SEVERITY_ORDER.includes(input.failOn as Severity);
    config.failOn = ok ? input.failOn : fail('failOn', 'error, warning, info or never', input.failOn);
  }
  if (input.rules !== undefined) config.rules = validateRules(input.rules, fail);
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
  return config as ConfigFile;
}

function validateRules(rules: unknown, fail: (at: string, expected: string, got: unknown) => never): Record<string, RuleSetting> {
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return fail('rules', 'an object of rule settings', rules);
  const known = new Map(ALL_RULES.map((rule) => [rule.id, rule]));
  const result: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules)) {
    const rule = known.get(id);
    if (!rule) fail(`rules.${id}`, `a known rule id (${[...known.keys()].join(', ')})`, id);
    if (setting === 'off' || SEVERITY_ORDER.includes(setting as Severity)) {
      result[id] = setting as RuleSetting;
      continue;
    }
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
      fail(`rules.${id}`, '"off", a severity, or { severity, threshold }', setting);
    }
    const { severity, threshold, enabled, IIFEs, ...rest } = setting as Record<string, unknown>;
    for (const key of Object.keys(rest)) fail(`rules.${id}.${key}`, 'severity, threshold or enabled', key);
    if (severity !== undefined && !SEVERITY_ORDER.includes(severity as Severity)) {
      fail(`rules.${id}.severity`, 'error, warning or info', severity);
    }
    if (threshold !== undefined) {
      if (!rule || !('defaultThreshold' in rule) || rule.defaultThreshold === undefined) {
        fail(`rules.${id}.threshold`, 'no threshold (this rule has none)', threshold);
      }
      if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
        fail(`rules.${id}.threshold`, 'a number ≥ 0', threshold);
      }
    }
    if (enabled !== undefined && typeof enabled !== 'boolean') fail(`rules.${id}.enabled`, 'true or false', enabled);
    if (IIFEs !== undefined && id !== 'max-lines-per-function') fail(`rules.${id}.IIFEs`, 'no IIFEs option (only max-lines-per-function has one)', IIFEs);
    if (IIFEs !== undefined && typeof IIFEs !== 'boolean') fail(`rules.${id}.IIFEs`, 'true or false', IIFEs);
    result[id] = setting as RuleSetting;
  }
  return result;
}
