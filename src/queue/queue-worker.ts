/**
 * `sonde worker`'s engine: a BullMQ Worker on the analysis queue that runs
 * each job through processJob. BullMQ gives what a scheduler would need:
 * a lock per active job, renewed while the process lives, and the stalled
 * check that puts a dead worker's job back in the queue for another.
 */
import { Worker, type Job } from 'bullmq';
import { connectionOptions, scrub, type QueueLocation } from './connection.js';
import { processJob, type JobProcessorDeps } from './job-processor.js';
import { QUEUE_NAME, QUEUE_PREFIX, type AnalysisJobResult } from './protocol.js';
import type { QueueSettings } from './settings.js';

/** What the worker reports while it runs (the command prints it). */
export type WorkerEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'job:start'; readonly jobId: string }
  | { readonly type: 'job:done'; readonly jobId: string; readonly files: number; readonly errors: number; readonly ms: number }
  /** `refused`: the job is not one this worker may do (another version, options, protocol); otherwise it broke. */
  | { readonly type: 'job:failed'; readonly jobId: string; readonly reason: string; readonly refused: boolean }
  | { readonly type: 'error'; readonly message: string };

export interface QueueWorker {
  /** Resolves when the worker has stopped (after close). */
  readonly closed: Promise<void>;
  /** Graceful: finishes the jobs in hand, then stops. `force`: stops now; a job in hand stalls and another worker redoes it. */
  close(force?: boolean): Promise<void>;
}

export async function startQueueWorker(
  location: QueueLocation,
  settings: QueueSettings,
  concurrency: number,
  deps: JobProcessorDeps,
  onEvent: (event: WorkerEvent) => void,
): Promise<QueueWorker> {
  const worker = new Worker<unknown, AnalysisJobResult>(
    QUEUE_NAME,
    async (job: Job<unknown, AnalysisJobResult>) => {
      const started = performance.now();
      onEvent({ type: 'job:start', jobId: job.id ?? '?' });
      let result: AnalysisJobResult;
      try {
        result = await processJob(job.data, deps);
      } catch (error) {
        const refused = error instanceof Error && error.name === 'UnrecoverableError';
        onEvent({ type: 'job:failed', jobId: job.id ?? '?', reason: scrub(location, error instanceof Error ? error.message : String(error)), refused });
        throw error;
      }
      const files = Array.isArray((job.data as { files?: unknown }).files) ? (job.data as { files: unknown[] }).files.length : 0;
      onEvent({ type: 'job:done', jobId: job.id ?? '?', files, errors: result.errors.length, ms: performance.now() - started });
      return result;
    },
    {
      connection: connectionOptions(location, true),
      prefix: QUEUE_PREFIX,
      concurrency,
      name: deps.workerName,
      lockDuration: settings.lockMs,
      stalledInterval: settings.stalledMs,
      // A job whose worker died twice is more likely a poisonous batch than bad luck: it fails, and the coordinator does it.
      maxStalledCount: 2,
      autorun: false,
    },
  );
  worker.on('error', (error) => onEvent({ type: 'error', message: scrub(location, error.message) }));
  await worker.waitUntilReady();
  const closed = worker.run();
  onEvent({ type: 'ready' });
  let closing: Promise<void> | undefined;
  return {
    closed: closed.then(
      () => {},
      () => {},
    ),
    close: (force = false) => (closing ??= worker.close(force)),
  };
}
