/**
 * `--parallel auto`: in-process or N workers, decided from a cost model whose
 * constants were measured (issue #3 and benchmarks/strategies.ts):
 *
 * - An in-process scan already keeps 1.3–1.6 cores busy (V8's GC and compiler
 *   threads), so a worker really costs ~1.5 cores, not 1 (IN_PROCESS_CORES).
 * - Each worker costs ~0.5 s to start (loading ts-morph, warming the parser)
 *   and ~220 MB (WORKER_START_MS). Workers start concurrently, but start-up
 *   is CPU work, so it only overlaps as far as there are cores for it.
 * - On 2 cores, one worker only moves the work off the main thread (no
 *   speedup, plus start-up); two workers were slower than in-process on 1,489
 *   real files, three or four slower still. So below MIN_CORES: in-process.
 * - A no-op task round trip is ~0.04 ms here (measured with PoolAnalyzer.ping),
 *   negligible against batches of ≥32 KB (see batches.ts), so it is left out.
 * - WORKER_EFFICIENCY: per-file cost in a worker, relative to in-process,
 *   when every worker is busy (memory bandwidth, structured clone of texts
 *   and facts, a cold JIT in each worker).
 *
 * Deterministic: the same inputs (cores injected) give the same answer.
 */
import type { ParallelSetting } from '../config/options.js';

/** Source bytes the in-process analysis handles per ms (measured on rxjs, see SEQUENTIAL_BYTES_PER_MS note). */
export const SEQUENTIAL_BYTES_PER_MS = 400;
/** Wall ms to start one worker and load the analysis in it. */
export const WORKER_START_MS = 500;
/** Cores an analysis thread keeps busy, counting its GC and compiler threads. */
export const IN_PROCESS_CORES = 1.5;
export const WORKER_EFFICIENCY = 0.85;
/** With fewer cores, a pool never beat in-process. */
export const MIN_CORES = 3;
/** A pool must be predicted this much faster than in-process to be chosen (guards model error). */
export const REQUIRED_GAIN = 0.8;

/** Worker count for a setting: a fixed number passes through, `auto` is decided; 0 means in-process. */
export function decideWorkers(setting: ParallelSetting, workload: { files: number; bytes: number }, cores: number): number {
  if (setting !== 'auto') return Math.max(0, Math.floor(setting));
  if (cores < MIN_CORES || workload.files < 2) return 0;
  const sequentialMs = workload.bytes / SEQUENTIAL_BYTES_PER_MS;
  const maxWorkers = Math.min(workload.files, Math.max(1, Math.floor(cores / IN_PROCESS_CORES)));
  let best = 0;
  let bestMs = sequentialMs * REQUIRED_GAIN;
  for (let workers = 2; workers <= maxWorkers; workers++) {
    const predicted = predictedPoolMs(sequentialMs, workers, cores);
    if (predicted < bestMs) {
      best = workers;
      bestMs = predicted;
    }
  }
  return best;
}

/** Start-up (CPU-bound, shared among cores) plus the work split over the workers. */
export function predictedPoolMs(sequentialMs: number, workers: number, cores: number): number {
  const startMs = WORKER_START_MS * Math.max(1, (workers * IN_PROCESS_CORES) / cores);
  return startMs + sequentialMs / (workers * WORKER_EFFICIENCY);
}
