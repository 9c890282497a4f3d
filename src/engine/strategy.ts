import path from 'node:path';
import { ensurePrivateDir, userCacheDir, type CacheEnv } from '../cache/private-dir.js';
import type { FactsCache } from '../cache/facts-cache.js';
import { NULL_CACHE } from '../cache/facts-cache.js';
import type { CacheOptions, ScanOptions } from '../config/options.js';
import { cacheNamespace } from '../cache/namespace.js';
import { TOOL_VERSION } from '../version.js';
import type { AnalysisOutcome, Analyzer, SourceInput } from '../analysis/analyzer.js';

/** What a queue analyzer needs from the scan besides its options. */
interface AnalyzerContext {
  readonly cache: FactsCache;
  readonly warn: (code: string, message: string) => void;
}

/** In-process, a worker pool, or the job queue, for the work left after the cache (so a warm scan never pays for a pool). */
export async function chooseAnalyzer(
  options: ScanOptions,
  pending: { readonly files: number; readonly bytes: number },
  cores: number,
  maxWorkers = Number.POSITIVE_INFINITY,
  context?: AnalyzerContext,
): Promise<Analyzer> {
  if (options.queue && context) {
    const { createQueueAnalyzer, queueSettings } = await import('../queue/index.js');
    const { createSequentialAnalyzer } = await import('./sequential-analyzer.js');
    return createQueueAnalyzer({
      location: options.queue,
      settings: queueSettings(process.env),
      toolVersion: TOOL_VERSION,
      namespace: cacheNamespace(TOOL_VERSION, options.analysis),
      cache: context.cache,
      // What no worker does is analyzed here, in-process: no pool to start for work that may never come.
      local: createSequentialAnalyzer(codeCacheDirFor(options.cache)),
      warn: context.warn,
    });
  }
  const { decideWorkers } = await import('../parallel/auto.js');
  // `auto` first asks for what `sonde tune` measured on this machine for this much work.
  const tuned = options.parallel === 'auto' ? (await import('../parallel/tuned-record.js')).loadTunedRecord(pending.files) : undefined;
  // A memory budget caps whatever was asked for (config/memory-budget.ts).
  const workers = Math.min(maxWorkers, decideWorkers(options.parallel, pending, cores, tuned));
  // Nothing left to analyze (a warm scan): name the strategy, start nothing (no pool, no parser).
  if (pending.files === 0) return idleAnalyzer(workers);
  const codeCacheDir = codeCacheDirFor(options.cache);
  if (workers === 0) return (await import('./sequential-analyzer.js')).createSequentialAnalyzer(codeCacheDir);
  const { createPoolAnalyzer } = await import('../parallel/pool-analyzer.js');
  return createPoolAnalyzer(workers, { codeCacheDir });
}

/** The analyzer of a scan with no file to analyze: the strategy it would have run, with no thread started. */
function idleAnalyzer(workers: number): Analyzer {
  return {
    strategy: workers === 0 ? 'sequential' : 'parallel',
    workers,
    async analyze(inputs) {
      if (inputs.length > 0) throw new Error('bug: the idle analyzer was given files to analyze');
    },
    stats: () => [],
    async close() {},
  };
}

/**
 * Where the parser's V8 code cache lives (src/analysis/code-cache.ts): only
 * with `--cache`, in `v8-code-cache` inside the user's private cache folder
 * (`$XDG_CACHE_HOME/sonde`), never in the scanned tree: a blob is code V8
 * runs, so it may only come from a folder no one else can write. Undefined
 * (no code cache, the scan is just slower) when that folder is not private.
 */
export function codeCacheDirFor(cache: CacheOptions, env: CacheEnv = process.env): string | undefined {
  if (!cache.enabled) return undefined;
  const base = userCacheDir(env);
  const dir = path.join(base, 'v8-code-cache');
  return ensurePrivateDir(base) === undefined && ensurePrivateDir(dir) === undefined ? dir : undefined;
}

/**
 * A fixed worker count without a cache will surely analyze: starting the pool
 * before reading lets its start-up (~0.5 s a worker, loading the parser)
 * overlap discovery and reading. Undefined when that can't be known yet.
 */
export async function startPoolEarly(options: ScanOptions, maxWorkers = Number.POSITIVE_INFINITY): Promise<Analyzer | undefined> {
  if (typeof options.parallel !== 'number' || options.parallel === 0 || options.cache.enabled) return undefined;
  const workers = Math.min(options.parallel, maxWorkers);
  if (workers === 0) return undefined;
  const { createPoolAnalyzer } = await import('../parallel/pool-analyzer.js');
  return createPoolAnalyzer(workers);
}

/** The SQLite or Redis cache when `--cache` is on (it warns and degrades, never throws), else the null cache. */
export async function openCache(options: ScanOptions, warn: (code: string, message: string) => void): Promise<FactsCache> {
  if (!options.cache.enabled) return NULL_CACHE;
  const { openFactsCache } = await import('../cache/open-cache.js');
  return openFactsCache({
    location: options.cache.store ?? options.cache.location,
    analysisOptions: options.analysis,
    toolVersion: TOOL_VERSION,
    root: options.root,
    onWarning: warn,
  });
}

/**
 * Re-analyzes a file whose parse overflowed its thread's stack, on a thread
 * with a 256 MB stack. Whether a stack suffices depends on the strategy (main
 * thread ~1 MB, workers 4 MB), so every strategy retries the same way and
 * gets the same facts.
 */
export async function analyzeOnLargeStack(input: SourceInput, analysis: ScanOptions['analysis']): Promise<AnalysisOutcome> {
  const { analyzeWithLargeStack } = await import('../analysis/parser-overflow.js');
  try {
    return { ok: true, path: input.path, facts: await analyzeWithLargeStack(input.path, input.text, analysis) };
  } catch {
    return {
      ok: false,
      path: input.path,
      error: { code: 'too-deep', message: 'Nesting too deep to parse, even on a 256 MB stack.' },
    };
  }
}
