/**
 * The one typed contract between the pool (main thread) and its workers.
 * Everything here crosses a thread boundary by structured clone, so it is
 * plain data: discriminated unions on `type`, no classes, no functions.
 */
import type { AnalysisOptions } from '../config/options.js';
import type { AnalysisOutcome, SourceInput } from '../analysis/analyzer.js';

/** Data every worker receives once at start-up (piscina `workerData`). */
export interface WorkerBootData {
  /**
   * Module exporting `loadSourceAnalyzer()`, as an absolute file URL. Always
   * the real analysis in production; tests point it at a stand-in module so
   * they can make a worker crash for real (see test/parallel/).
   */
  readonly analysisModule: string;
  /** Folder of the parser's V8 code cache (only with `--cache`); every worker loads through it. */
  readonly codeCacheDir?: string;
}

/** What the main thread asks a worker to do. */
export type WorkerTask =
  /** Analyze a batch of files; the answer is a `batch-result`. */
  | {
      readonly type: 'analyze-batch';
      readonly batchId: number;
      readonly files: readonly SourceInput[];
      readonly options: AnalysisOptions;
    }
  /** Do nothing; measures the round-trip cost of one task (benchmarks, batch sizing). */
  | { readonly type: 'ping' }
  /** Write the code-cache blobs the worker's parser load lacked; sent once, after the analysis. */
  | { readonly type: 'save-code-cache' };

/** The outcome of one file inside a worker (paths echo the task's): the engine's own outcome type, cloned across. */
export type WorkerFileOutcome = AnalysisOutcome;

/** Measured inside the worker for one task. */
export interface WorkerTaskStats {
  /** `worker_threads.threadId` of the worker that ran the task. */
  readonly threadId: number;
  /** Wall time spent on the task inside the worker, ms (includes the one-off analysis load). */
  readonly busyMs: number;
  /** `v8.getHeapStatistics().used_heap_size` after the task. */
  readonly heapUsedBytes: number;
  /** How the worker's parser load used the code cache (absent when its analysis module can't tell). */
  readonly codeCache?: { readonly loaded: number; readonly compiled: number };
}

/** What a worker answers. */
export type WorkerResult =
  | {
      readonly type: 'batch-result';
      readonly batchId: number;
      readonly outcomes: readonly WorkerFileOutcome[];
      readonly stats: WorkerTaskStats;
    }
  | { readonly type: 'pong'; readonly stats: WorkerTaskStats }
  | { readonly type: 'code-cache-saved'; readonly blobs: number };
