import { existsSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Severity } from '../types.js';
import { parseJsonc, JsonSyntaxError } from '../util/jsonc.js';
import { readRegularFile, UnreadableFileError } from '../util/read-regular-file.js';
import { parseByteSize } from './byte-size.js';
import { checkShape, CONFIG_SHAPE } from './config-schema.js';
import type { ParallelSetting } from './options.js';
import { findRepoRoot } from './repo-root.js';
import { parseRuleShorthand, type RuleSetting } from './rule-setting.js';
import { isWithin } from '../util/path-within.js';

export type { RuleSetting } from './rule-setting.js';

/** sonde.config.json(c), validated. Every field optional; flags override it. */
export interface ConfigFile {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly entries?: readonly string[];
  readonly maxFileSize?: number;
  /** Bytes (see --max-memory). */
  readonly maxMemory?: number;
  readonly parallel?: number | 'auto';
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly failOn?: Severity | 'never';
  readonly ignoreTypeOnlyCycles?: boolean;
  readonly todoTags?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

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

/** The names a found config file may have, in order of preference within one folder. */
export const CONFIG_FILE_NAMES = ['sonde.config.json', 'sonde.config.jsonc'] as const;

/** Where a config file came from: it decides what the file may be trusted with. */
export interface LoadedConfig {
  readonly config: ConfigFile;
  readonly path?: string;
  /** True for `--config FILE`; a found file is the repository's and untrusted. */
  readonly explicit?: boolean;
}

/**
 * Finds the config file, first match wins:
 * 1. `--config FILE` (`explicitPath`);
 * 2. the scanned root's own `sonde.config.json`, then `sonde.config.jsonc`;
 * 3. the same names in the working directory, then in each parent up to
 *    the repository root (the nearest folder with `.git`; only the working
 *    directory itself when it is in no repository), as ESLint looks up its
 *    flat config from the working directory.
 * Returns the file and the folder its real path must stay inside.
 */
export function findConfigFile(root: string, cwd: string): { file: string; boundary: string } | undefined {
  const inFolder = (dir: string) => CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
  const own = inFolder(root);
  if (own) return { file: own, boundary: root };
  const top = findRepoRoot(cwd) ?? path.resolve(cwd);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = inFolder(dir);
    if (file) return { file, boundary: top };
    if (dir === top || path.dirname(dir) === dir || !isWithin(top, dir)) return undefined;
  }
}


/**
 * Loads the config file (see findConfigFile for the lookup order): JSON, or
 * JSONC (comments, trailing commas) under either name. Returns `{}` when
 * there is none. A bad file is one UserError naming the file and listing
 * every problem with its path (e.g. `rules.complexity.threshold`).
 */
export function loadConfigFile(root: string, explicitPath?: string, cwd: string = root): LoadedConfig {
  let file: string;
  let boundary: string | undefined;
  if (explicitPath) {
    file = path.resolve(explicitPath);
    if (!existsSync(file)) throw new UserError('CONFIG_NOT_FOUND', `Config file not found: ${explicitPath}`);
  } else {
    const found = findConfigFile(root, cwd);
    if (!found) return { config: {} };
    ({ file, boundary } = found);
  }
  const text = readConfigText(file, boundary, root);
  let raw: unknown;
  try {
    raw = parseJsonc(text);
  } catch (error) {
    const place = error instanceof JsonSyntaxError && error.line !== undefined ? ` at line ${error.line} column ${error.column}` : '';
    throw new UserError('CONFIG_INVALID', `${file}: not valid JSON${place}`, 'Fix the syntax, or pass --no-config.');
  }
  return { config: validateConfig(raw, file), path: file, ...(explicitPath ? { explicit: true } : {}) };
}

/** A config file is small; a larger one is refused unread. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The config file's text. A found config (`insideRoot` given: the scanned
 * root, or the repository root for one found above the working directory)
 * is untrusted: its real path must stay inside that folder, so a link cannot
 * make sonde read (and echo) a file elsewhere. Either way only a regular
 * file of at most MAX_CONFIG_BYTES is read: never a FIFO or /dev/zero.
 */
function readConfigText(file: string, insideRoot: string | undefined, scannedRoot: string): string {
  const unreadable = (reason: string) => new UserError('CONFIG_INVALID', `${file} ${reason}`, 'Fix or remove it, or pass --no-config.');
  let within: string | undefined;
  if (insideRoot !== undefined) {
    try {
      within = realpathSync(insideRoot);
    } catch (error) {
      throw unreadable(`cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  try {
    return readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, ...(within !== undefined ? { within } : {}) });
  } catch (error) {
    if (error instanceof UnreadableFileError && error.kind === 'outside') {
      throw unreadable(`links out of ${insideRoot === scannedRoot ? 'the scanned folder' : 'the repository'}; it was not read`);
    }
    if (error instanceof UnreadableFileError) throw unreadable(error.reason);
    throw error;
  }
}

/**
 * Validates a parsed config against CONFIG_SHAPE (config-schema.ts, the
 * same table sonde.schema.json is generated from) and normalizes it: sizes
 * to bytes, rule short forms (`"error:5"`, `15`) to settings, parsed by the
 * same code as `--rule`. Every problem is reported at once, each with its path.
 */
export function validateConfig(raw: unknown, source: string = CONFIG_FILE_NAMES[0]): ConfigFile {
  const problems = checkShape(CONFIG_SHAPE, raw);
  if (problems.length > 0) {
    const lines = problems.map((problem) => `${problem.path}: ${problem.message}`);
    const hint = 'See the README ("Findings and configuration") or sonde.schema.json for the format.';
    if (lines.length === 1) throw new UserError('CONFIG_INVALID', `${source}: ${lines[0]}`, hint);
    throw new UserError('CONFIG_INVALID', `${source}: ${lines.length} problems:`, hint, lines);
  }
  const { $schema: _schema, maxFileSize, maxMemory, rules, ...rest } = raw as Record<string, unknown> & { rules?: Record<string, unknown> };
  const config: Record<string, unknown> = { ...rest };
  if (maxFileSize !== undefined) config.maxFileSize = parseByteSize(String(maxFileSize));
  if (maxMemory !== undefined) config.maxMemory = parseByteSize(String(maxMemory));
  if (rules !== undefined) config.rules = normalizeRules(rules);
  return config as ConfigFile;
}

/** Rule settings after checkShape: the short forms become what `--rule` gives. */
function normalizeRules(rules: Record<string, unknown>): Record<string, RuleSetting> {
  const result: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules)) {
    if (typeof setting === 'number') {
      result[id] = { threshold: setting };
    } else if (typeof setting === 'string') {
      const parsed = parseRuleShorthand(id, setting);
      if ('problem' in parsed) throw new Error(`bug: rules.${id} passed the schema but not the parser: ${parsed.problem}`);
      result[id] = parsed.setting;
    } else {
      result[id] = setting as RuleSetting;
    }
  }
  return result;
}
