/**
 * `watchScan()`: a resident scan. One full scan through the pipeline, then
 * every settled batch of changes is applied to the held state (watch-state.ts)
 * and announced by a `scan:done` that carries the full current result and the
 * changed paths. It ends when the signal aborts; a failing batch (a broken
 * config file, an unreadable folder, a bug) is a warning and the last good
 * result stays.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ScanOptions } from '../../config/options.js';
import { ScanAbortedError } from '../../errors.js';
import type { ScanResult } from '../../types.js';
import { discover } from '../discover.js';
import type { ScanEventBus } from '../events.js';
import { runPipeline } from '../pipeline.js';
import { createMemoryGuard } from '../../profiler/memory-guard.js';
import { codeCacheDirFor, openCache } from '../strategy.js';
import { createSequentialAnalyzer } from '../sequential-analyzer.js';
import { watchTree, type ChangeBatch, type TreeChange } from './tree-watcher.js';
import { sortBatch } from './watch-batch.js';
import { WatchState } from './watch-state.js';

/** Quiet time that closes a burst of events (an editor's save is several within a few ms). */
export const WATCH_DEBOUNCE_MS = 20;

export interface WatchContext {
  readonly bus: ScanEventBus;
  /** Ends the watch (Ctrl-C). */
  readonly signal: AbortSignal;
  /** As in `scan()`: the caller's last word on each result (suppressions). */
  readonly finish?: (result: ScanResult) => ScanResult;
  /** As in `scan()`: writes the report (`-o`), before each `scan:done`. */
  readonly report?: (result: ScanResult) => void | Promise<void>;
  /** Re-creates the options after the config file changed; throws (a UserError) when it is broken. */
  readonly reloadOptions?: () => ScanOptions;
  /** Absolute path of the config file in use. */
  readonly configPath?: string;
  /** Absolute paths the watcher leaves alone (the report file, when it lies in the tree). */
  readonly ignore?: (absolutePath: string) => boolean;
  readonly debounceMs?: number;
  readonly cores?: number;
}

/** Watches until the signal aborts; resolves with the last result, or rejects when the first scan fails. */
export async function watchScan(initialOptions: ScanOptions, context: WatchContext): Promise<ScanResult> {
  const { bus, signal } = context;
  let options = initialOptions;
  const warn = (code: string, message: string) => bus.emit({ type: 'warning', code, message });
  let queued = new Map<string, TreeChange>();
  let wake: (() => void) | undefined;
  const watcher = watchTree({
    root: options.root,
    debounceMs: context.debounceMs ?? WATCH_DEBOUNCE_MS,
    ...(context.ignore ? { ignore: context.ignore } : {}),
    onBatch: (batch: ChangeBatch) => {
      for (const [rel, change] of batch) queued.set(rel, change);
      wake?.();
    },
    onError: (error) => warn('watch', `watching the tree: ${error.message}`),
  });
  let state: WatchState | undefined;
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    // Watching starts before the first scan reads anything: an edit made meanwhile is a first batch, not lost.
    await watcher.ready;
    const started = await startState(options, context, warn);
    state = started.state;
    let last = await publish(started.result, undefined, context);
    const configRel = context.configPath ? path.relative(options.root, context.configPath).split(path.sep).join('/') : undefined;
    // Each batch leaves short-lived garbage that V8 would let pile up for hundreds of batches before a full
    // collection; collecting while idle, once resident memory has grown past the guard's threshold, keeps a
    // long watch flat instead of a slow climb.
    let idleGuard = createMemoryGuard(options.maxMemory, true);

    while (!signal.aborted) {
      if (queued.size === 0) {
        idleGuard.check();
        if (queued.size > 0) continue;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      const batch = queued;
      queued = new Map();
      const sorted = sortBatch(batch, {
        knows: (rel) => state!.knows(rel),
        anyExtension: options.include.length > 0,
        ...(configRel !== undefined ? { configRel } : {}),
      });
      try {
        if (sorted.config && context.reloadOptions) {
          const reloaded = reloadOptions(context.reloadOptions, options, warn);
          if (reloaded) {
            // New options can change every fact and finding: start over from a full scan, keeping the old state until it is done.
            const restarted = await startState(reloaded, context, warn);
            await state.close();
            state = restarted.state;
            options = reloaded;
            idleGuard = createMemoryGuard(options.maxMemory, true);
            last = await publish(restarted.result, [...batch.keys()].sort(), context);
            continue;
          }
        }
        const outcome = await state.apply(sorted, signal);
        for (const message of outcome.result.warnings) warn('cross-file', message);
        if (outcome.changed.length > 0) last = await publish(outcome.result, outcome.changed, context);
      } catch (error) {
        if (signal.aborted) break;
        warn('watch', `the last changes could not be applied (the previous result stands): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return last;
  } finally {
    signal.removeEventListener('abort', onAbort);
    await Promise.allSettled([watcher.close(), state?.close()]);
  }
}

/** A full scan through the pipeline, then its files held in a new state with a warm analyzer and an open cache. */
async function startState(
  options: ScanOptions,
  context: WatchContext,
  warn: (code: string, message: string) => void,
): Promise<{ state: WatchState; result: ScanResult }> {
  const result = await runPipeline(options, { bus: context.bus, signal: context.signal, cores: context.cores ?? os.availableParallelism() });
  if (context.signal.aborted) throw new ScanAbortedError();
  const cache = await openCache(options, warn);
  const state = new WatchState(options, createSequentialAnalyzer(codeCacheDirFor(options.cache)), cache);
  await state.seed(result, discover(options));
  return { state, result };
}

/** The options from the changed config file; undefined when they are the same or the file is broken (a warning says why). */
function reloadOptions(reload: () => ScanOptions, current: ScanOptions, warn: (code: string, message: string) => void): ScanOptions | undefined {
  let next: ScanOptions;
  try {
    next = reload();
  } catch (error) {
    warn('config', `${error instanceof Error ? error.message : String(error)} (still watching with the previous configuration)`);
    return undefined;
  }
  return JSON.stringify(next) === JSON.stringify(current) ? undefined : next;
}

/** The caller's finish and report, then `scan:done` with the changed paths. */
async function publish(raw: ScanResult, changed: readonly string[] | undefined, context: WatchContext): Promise<ScanResult> {
  const result = context.finish ? context.finish(raw) : raw;
  if (context.report) {
    context.bus.emit({ type: 'phase:start', phase: 'report' });
    const started = performance.now();
    await context.report(result);
    context.bus.emit({ type: 'phase:end', phase: 'report', durationMs: performance.now() - started });
  }
  context.bus.emit({ type: 'scan:done', result, ...(changed ? { changed } : {}) });
  return result;
}
