import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { AnalysisOptions } from '../config/options.js';
import { ScanAbortedError } from '../errors.js';
import type { WorkerStats } from '../types.js';
import type { AnalysisOutcome, Analyzer, SourceInput } from '../analysis/analyzer.js';
import { analyzeOne } from '../analysis/analyze-one.js';

/** Longest stretch of synchronous analysis before yielding, so timers (profiler, UI) and Ctrl-C get a turn. */
const YIELD_EVERY_MS = 50;

/**
 * Analyzes in the calling thread: no pool to start, which wins on small trees.
 * With `codeCacheDir`, the parser loads through the V8 code cache there and
 * writes what it lacked after the first analysis (see src/analysis/code-cache.ts).
 */
export function createSequentialAnalyzer(codeCacheDir?: string): Analyzer {
  let busyMs = 0;
  let files = 0;
  let tasks = 0;
  let codeCache: WorkerStats['codeCache'];
  return {
    strategy: 'sequential',
    workers: 0,
    async analyze(inputs: readonly SourceInput[], options: AnalysisOptions, onOutcome, signal) {
      const { loadSourceAnalyzer, saveCodeCache, codeCacheLoads } = await import('../analysis/analyze-source.js');
      const analyzeSource = await loadSourceAnalyzer({ codeCacheDir });
      codeCache = codeCacheLoads();
      let sliceStart = performance.now();
      for (const input of inputs) {
        if (signal?.aborted) throw new ScanAbortedError();
        const started = performance.now();
        const outcome: AnalysisOutcome = analyzeOne(analyzeSource, input, options);
        const finished = performance.now();
        busyMs += finished - started;
        files += 1;
        onOutcome(outcome, 0);
        if (finished - sliceStart > YIELD_EVERY_MS) {
          tasks += 1;
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
      tasks += 1;
      saveCodeCache();
    },
    stats(analyzeWallMs: number): WorkerStats[] {
      return [
        {
          id: 0,
          tasks,
          files,
          busyMs,
          utilization: analyzeWallMs > 0 ? Math.min(1, busyMs / analyzeWallMs) : 0,
          heapUsedBytes: getHeapStatistics().used_heap_size,
          ...(codeCache ? { codeCache } : {}),
        },
      ];
    },
    async close() {},
  };
}
