import type { RulesConfig } from '../rules/rule.js';

/**
 * Options that change per-file facts. Their hash is part of the cache key,
 * so keep this small: anything not needed to compute facts belongs elsewhere.
 */
export interface AnalysisOptions {
  /** Comment tags the `todo-comment` observation looks for. */
  readonly todoTags: readonly string[];
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = Object.freeze({
  todoTags: Object.freeze(['TODO', 'FIXME', 'XXX', 'HACK']),
});

/** Worker count: a number (0 = in-process) or `auto`. */
export type ParallelSetting = number | 'auto';

/**
 * Where the cache lives, parsed once at the boundary (config/cache-location.ts).
 * A Redis URL keeps its password so the store can log in: print
 * `CacheOptions.location`, never this.
 */
export type CacheStoreLocation =
  | { readonly kind: 'sqlite'; /** Absolute path of the SQLite file. */ readonly path: string }
  | { readonly kind: 'redis'; /** A validated redis:// or rediss:// URL, credentials included. */ readonly url: string };

export interface CacheOptions {
  readonly enabled: boolean;
  /** Where the cache is, safe to print: the SQLite file's absolute path, or the Redis URL with its password masked. */
  readonly location: string;
  /** The store to open; absent means the SQLite file at `location` (so `{ enabled, location }` stays a valid SQLite setup). */
  readonly store?: CacheStoreLocation;
}

/** Everything `scan()` needs, normalized once at the boundary. */
export interface ScanOptions {
  /** Absolute, existing directory. */
  readonly root: string;
  /** Files and folders under `root` to scan (forward slashes); empty = all of `root`. A file named here is scanned whatever `include` and .gitignore say. */
  readonly paths: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Files larger than this (bytes) are skipped with a reason. */
  readonly maxFileSize: number;
  readonly parallel: ParallelSetting;
  readonly cache: CacheOptions;
  readonly rules: RulesConfig;
  readonly analysis: AnalysisOptions;
  /** Globs of entry files whose exports count as used (besides package.json's). */
  readonly entries: readonly string[];
  /** Leave `import type` edges out of cycle detection. */
  readonly ignoreTypeOnlyCycles: boolean;
  /** Skip minified and generated files (engine/generated.ts), listing them in `skipped`. */
  readonly skipGenerated: boolean;
  /** Profiler sampling interval in ms; 0 disables the timeline. */
  readonly sampleIntervalMs: number;
  /**
   * Memory budget in bytes (`--max-memory`, `maxMemory`): the scan picks
   * workers and batch sizes to stay under it, or fails before reading when it
   * cannot (config/memory-budget.ts). Absent: no budget.
   */
  readonly maxMemory?: number;
  /** `--queue`: the misses go to `sonde worker`s through this Redis (the facts cache is on it too). */
  readonly queue?: { /** Logs in: credentials included; never print it. */ readonly url: string; /** Safe to print. */ readonly label: string };
  /** `--shard i/n`: only the files whose path hash falls in slice `index` (1-based) of `count` are scanned. */
  readonly shard?: { readonly index: number; readonly count: number };
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const;
