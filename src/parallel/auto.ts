/**
 * `--parallel auto`: in-process or N workers, decided from a cost model whose
 * constants were measured on this 2-core machine (npm run bench, quiet, median
 * wall times of whole scans, sequential vs parallel:2):
 *
 *   source     bytes    sequential  parallel:2
 *   small      0.66 MB  0.90 s      1.21 s
 *   rxjs       4.6 MB   1.71 s      2.03 s   (1,255 real files)
 *   medium     7.1 MB   2.74 s      3.05 s
 *   large      70.6 MB  15.9 s      11.5 s
 *
 * Fitted over medium → large: in-process ≈ 207 ms per MB of source
 * (SEQUENTIAL_BYTES_PER_MS), two workers ≈ 133 ms per MB plus ~0.8 s more
 * fixed cost (start-up: each worker loads ts-morph and warms its parser). So
 * the pool pays off from ≈ 11 MB of source; with the REQUIRED_GAIN margin
 * `auto` picks two workers from ≈ 18 MB — within 5% of the best fixed choice
 * on every size of the suite and on rxjs.
 *
 * - An in-process scan already keeps 1.3–1.6 cores busy (V8's GC and compiler
 *   threads), so a worker really costs ~1.5 cores (IN_PROCESS_CORES); start-up
 *   is CPU work, so it overlaps only as far as there are cores for it.
 * - One worker only moves the work off the main thread: never chosen.
 * - A no-op task round trip is ~0.04 ms here (measured with PoolAnalyzer.ping),
 *   negligible against batches of ≥32 KB (see batches.ts), so it is left out.
 * - WORKER_EFFICIENCY: per-byte cost in a worker relative to in-process when
 *   every worker is busy (2 workers on 2 cores measured 207/133 = 1.56×
 *   the in-process throughput, i.e. 0.78 each; 0.85 assumes more cores).
 * - More than 2 cores has not been measured here (no such machine was lent):
 *   the same model then allows up to cores ÷ 1.5 workers.
 *
 * A tuned result wins over the model: `sonde tune` measured worker counts on
 * this machine for a tree of this size class (parallel/tuned-record.ts), and a
 * measurement beats a model fitted elsewhere. The engine looks the record up
 * (only for `auto`) and passes it in.
 *
 * Deterministic: the same inputs (cores injected) give the same answer.
 */
import type { ParallelSetting } from '../config/options.js';

/** Source bytes the in-process analysis handles per ms (207 ms per MB, measured: see above). */
export const SEQUENTIAL_BYTES_PER_MS = 5000;
/** Wall ms to start one worker and load the analysis in it. */
const WORKER_START_MS = 500;
/** Cores an analysis thread keeps busy, counting its GC and compiler threads. */
const IN_PROCESS_CORES = 1.5;
const WORKER_EFFICIENCY = 0.85;
/** With one core, a pool can only lose. */
const MIN_CORES = 2;
/** A pool must be predicted this much faster than in-process to be chosen (guards model error). */
const REQUIRED_GAIN = 0.8;

/**
 * Worker count for a setting: a fixed number passes through, `auto` is
 * decided — by the tuned worker count when there is one, else by the cost
 * model; 0 means in-process.
 */
export function decideWorkers(
  setting: ParallelSetting,
  workload: { files: number; bytes: number },
  cores: number,
  tuned?: { readonly workers: number },
): number {
  if (setting !== 'auto') return Math.max(0, Math.floor(setting));
  if (workload.files < 2) return 0;
  // More workers than files would only idle; a record is already capped at the cores it was measured on.
  if (tuned !== undefined) return Math.min(tuned.workers, workload.files);
  if (cores < MIN_CORES) return 0;
  const sequentialMs = workload.bytes / SEQUENTIAL_BYTES_PER_MS;
  // Two workers on two cores measured faster on large work, so at least 2 may be tried.
  const maxWorkers = Math.min(workload.files, Math.max(2, Math.floor(cores / IN_PROCESS_CORES)));
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
function predictedPoolMs(sequentialMs: number, workers: number, cores: number): number {
  const startMs = WORKER_START_MS * Math.max(1, (workers * IN_PROCESS_CORES) / cores);
  return startMs + sequentialMs / (workers * WORKER_EFFICIENCY);
}
