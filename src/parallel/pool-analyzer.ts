/**
 * The parallel Analyzer: batches of files analyzed in piscina worker threads.
 * Outcomes stream back per batch; a batch whose worker dies is retried file
 * by file so one poisonous file cannot sink the scan.
 */
import { setMaxListeners } from 'node:events';
import { Piscina } from 'piscina';
import type { ResourceLimits } from 'node:worker_threads';
import type { AnalysisOptions } from '../config/options.js';
import type { AnalysisOutcome, Analyzer, SourceInput } from '../analysis/analyzer.js';
import { ScanAbortedError } from '../errors.js';
import type { WorkerStats } from '../types.js';
import { planBatches } from './batches.js';
import type { WorkerBootData, WorkerFileOutcome, WorkerResult, WorkerTask, WorkerTaskStats } from './protocol.js';
import { WorkerStatsTable } from './worker-stats.js';

/** The real analysis every worker loads in production. */
const DEFAULT_ANALYSIS_MODULE = new URL('../analysis/analyze-source.js', import.meta.url).href;
const WORKER_FILE = new URL('./worker.js', import.meta.url).href;

/** Test and benchmark seams; production callers pass nothing. */
interface PoolAnalyzerOptions {
  /** Module exporting `loadSourceAnalyzer()` (file URL or path). Tests use stand-ins that crash on purpose. */
  readonly analysisModule?: string | URL;
  /** Per-worker V8 limits; a worker exceeding them dies and its batch is retried file by file. */
  readonly resourceLimits?: ResourceLimits;
  /** Folder of the parser's V8 code cache (only with `--cache`); see src/analysis/code-cache.ts. */
  readonly codeCacheDir?: string;
}

/** A worker pool Analyzer, plus a no-op round trip for measuring task overhead. */
interface PoolAnalyzer extends Analyzer {
  /** Runs one no-op task; resolves with its round-trip time in ms. */
  ping(): Promise<number>;
}

/** Outcomes no worker produced (the file's worker crashed) are attributed to this id. */
const NO_WORKER_ID = 0;

export function createPoolAnalyzer(workers: number, poolOptions: PoolAnalyzerOptions = {}): PoolAnalyzer {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer, got ${workers}`);
  const analysisModule = toHref(poolOptions.analysisModule ?? DEFAULT_ANALYSIS_MODULE);
  const bootData: WorkerBootData = {
    analysisModule,
    ...(poolOptions.codeCacheDir !== undefined ? { codeCacheDir: poolOptions.codeCacheDir } : {}),
  };
  // piscina defaults to 1.5 × cores threads and reaps idle ones: pin both ends.
  const pool = new Piscina<WorkerTask, WorkerResult>({
    filename: WORKER_FILE,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: 1,
    workerData: bootData,
    ...(poolOptions.resourceLimits ? { resourceLimits: poolOptions.resourceLimits } : {}),
  });
  // A worker that dies between tasks makes piscina emit 'error'; without a
  // listener that would crash the process. Its replacement is started anyway.
  pool.on('error', () => {});
  const table = new WorkerStatsTable();
  let closed: Promise<void> | undefined;
  let codeCacheSaved: Promise<unknown> | undefined;

  const close = (): Promise<void> =>
    (closed ??= Promise.allSettled([codeCacheSaved]).then(() => pool.destroy()));

  /**
   * Once, after a whole analysis (so the blobs hold the parser functions V8
   * compiled lazily): one worker writes the code cache its load lacked. Not
   * awaited: it overlaps the main thread's cross-file pass; close() waits.
   */
  const saveCodeCacheOnce = () => {
    if (poolOptions.codeCacheDir === undefined || codeCacheSaved || closed) return;
    codeCacheSaved = pool.run({ type: 'save-code-cache' }).catch(() => {});
  };

  async function run(task: WorkerTask, signal: AbortSignal): Promise<WorkerResult> {
    return pool.run(task, { signal });
  }

  async function analyze(
    inputs: readonly SourceInput[],
    options: AnalysisOptions,
    onOutcome: (outcome: AnalysisOutcome, workerId: number) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    if (signal?.aborted) {
      await close();
      throw new ScanAbortedError();
    }
    // One controller for all tasks of this call: aborting it cancels queued
    // tasks and terminates running ones.
    const controller = new AbortController();
    // Every queued task listens on it; hundreds of batches are normal.
    setMaxListeners(0, controller.signal);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });

    const deliver = (outcomes: readonly WorkerFileOutcome[], stats: WorkerTaskStats | undefined) => {
      if (controller.signal.aborted) return;
      const workerId = stats ? table.record(stats, outcomes.length) : NO_WORKER_ID;
      for (const outcome of outcomes) onOutcome(outcome, workerId);
    };

    const runFile = async (file: SourceInput, batchId: number): Promise<void> => {
      try {
        const result = await run({ type: 'analyze-batch', batchId, files: [file], options }, controller.signal);
        if (result.type === 'batch-result') deliver(result.outcomes, result.stats);
      } catch (error) {
        if (controller.signal.aborted) throw error;
        const message = `the worker analyzing this file died: ${errorMessage(error)}`;
        deliver([{ ok: false, path: file.path, error: { code: 'worker-crashed', message } }], undefined);
      }
    };

    const runBatch = async (files: SourceInput[], batchId: number): Promise<void> => {
      try {
        const result = await run({ type: 'analyze-batch', batchId, files, options }, controller.signal);
        if (result.type === 'batch-result') deliver(result.outcomes, result.stats);
      } catch (error) {
        if (controller.signal.aborted) throw error;
        // The worker died (crash, exit, resource limits): find the culprit by
        // retrying each file alone; piscina has already started a fresh worker.
        await Promise.all(files.map((file) => runFile(file, batchId)));
      }
    };

    try {
      const batches = planBatches(inputs, workers);
      const settled = await Promise.allSettled(batches.map((batch, batchId) => runBatch(batch, batchId)));
      if (controller.signal.aborted) throw new ScanAbortedError();
      const failure = settled.find((entry): entry is PromiseRejectedResult => entry.status === 'rejected');
      if (failure) throw failure.reason;
      saveCodeCacheOnce();
    } catch (error) {
      if (signal?.aborted || controller.signal.aborted) {
        controller.abort();
        await close();
        throw new ScanAbortedError();
      }
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    strategy: 'parallel',
    workers,
    analyze,
    stats: (wallMs: number): WorkerStats[] => table.snapshot(wallMs, pool.threads.map((thread) => thread.threadId)),
    close,
    async ping(): Promise<number> {
      const started = performance.now();
      await pool.run({ type: 'ping' });
      return performance.now() - started;
    },
  };
}

function toHref(module: string | URL): string {
  if (module instanceof URL) return module.href;
  return module.startsWith('file:') ? module : new URL(`file://${module}`).href;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
