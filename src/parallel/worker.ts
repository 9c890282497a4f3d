/**
 * A piscina worker: loads the source analysis once per thread, then answers
 * batch tasks. Loading starts as soon as the thread starts, so it overlaps
 * with the main thread's discovery and reading.
 */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { threadId, workerData } from 'node:worker_threads';
import { analyzeOne } from '../analysis/analyze-one.js';
import type { WorkerBootData, WorkerFileOutcome, WorkerResult, WorkerTask, WorkerTaskStats } from './protocol.js';

/** What src/analysis/analyze-source.ts provides, as analyzeOne consumes it. */
type SourceAnalyzer = Parameters<typeof analyzeOne>[0];
interface AnalysisModule {
  loadSourceAnalyzer(options: { codeCacheDir?: string }): Promise<SourceAnalyzer>;
  /** Optional: stand-ins in tests have no code cache. */
  saveCodeCache?(): number;
  codeCacheLoads?(): { readonly loaded: number; readonly compiled: number };
}

const boot = workerData as WorkerBootData;
const analysisModule: Promise<AnalysisModule> = import(boot.analysisModule);
const analyzerReady: Promise<SourceAnalyzer> = analysisModule.then((module) =>
  module.loadSourceAnalyzer({ codeCacheDir: boot.codeCacheDir }),
);
// A failed load is reported per task (each file gets the error); never an unhandled rejection.
analyzerReady.catch(() => {});
let loadedModule: AnalysisModule | undefined;
analysisModule.then((module) => (loadedModule = module)).catch(() => {});

function taskStats(startedAt: number): WorkerTaskStats {
  return {
    threadId,
    busyMs: performance.now() - startedAt,
    heapUsedBytes: getHeapStatistics().used_heap_size,
    ...(loadedModule?.codeCacheLoads ? { codeCache: loadedModule.codeCacheLoads() } : {}),
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Never throws: a code cache that can't be written only costs the next load its speed-up. */
async function saveCodeCache(): Promise<number> {
  try {
    await analyzerReady;
    return (await analysisModule).saveCodeCache?.() ?? 0;
  } catch {
    return 0;
  }
}

/** piscina calls this for every task. */
export default async function runTask(task: WorkerTask): Promise<WorkerResult> {
  const startedAt = performance.now();
  if (task.type === 'ping') return { type: 'pong', stats: taskStats(startedAt) };
  if (task.type === 'save-code-cache') return { type: 'code-cache-saved', blobs: await saveCodeCache() };

  let analyze: SourceAnalyzer;
  try {
    analyze = await analyzerReady;
  } catch (error) {
    const message = `analysis could not be loaded: ${errorMessage(error)}`;
    const outcomes = task.files.map((file): WorkerFileOutcome => ({
      ok: false,
      path: file.path,
      error: { code: 'analysis-failed', message },
    }));
    return { type: 'batch-result', batchId: task.batchId, outcomes, stats: taskStats(startedAt) };
  }
  const outcomes = task.files.map((file) => analyzeOne(analyze, file, task.options));
  return { type: 'batch-result', batchId: task.batchId, outcomes, stats: taskStats(startedAt) };
}
