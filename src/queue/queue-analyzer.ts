/**
 * The coordinator's Analyzer (`sonde scan --queue URL`): the misses go to
 * the queue in batches sized as the pool's are, `sonde worker`s anywhere
 * analyze them and write the facts to the shared cache, and this side
 * reads those facts back (authenticated, as any cache read) as each job is
 * acknowledged. Whatever no worker does, the coordinator does itself:
 *
 * - no worker has made progress for `deadlineMs`: jobs still waiting, and
 *   jobs whose worker died with no other worker left to notice, are taken
 *   back (BullMQ removes only a job nobody holds a lock on) and analyzed
 *   here, one batch at a time, so a worker that turns up still helps;
 * - a worker refused a job (other sonde version or options), or its copy of
 *   a file differs, or its facts are not in the cache: those files, here;
 * - Redis stops answering, or loses the jobs (a restart): everything left,
 *   here, with a warning.
 * So a scan never hangs on the queue, and its report is the same as a
 * sequential scan's (the facts are the same function of the same bytes).
 */
import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { AnalysisOutcome, Analyzer, SourceInput } from '../analysis/analyzer.js';
import type { FactsCache } from '../cache/facts-cache.js';
import type { AnalysisOptions } from '../config/options.js';
import { ScanAbortedError } from '../errors.js';
import type { FileError, QueueSummary, WorkerStats } from '../types.js';
import { planBatches } from '../parallel/batches.js';
import { connectionOptions, scrub, type QueueLocation } from './connection.js';
import { jobId, parseJobResult, PROTOCOL_VERSION, QUEUE_NAME, QUEUE_PREFIX, WORKER_SIDE_ERRORS, type AnalysisJob, type AnalysisJobResult } from './protocol.js';
import type { QueueSettings } from './settings.js';
import { withDeadline } from '../util/with-deadline.js';

export interface QueueAnalyzerDeps {
  readonly location: QueueLocation;
  readonly settings: QueueSettings;
  readonly toolVersion: string;
  /** The cache namespace of this scan's facts (cache/namespace.ts). */
  readonly namespace: string;
  /** The shared facts cache, on the queue's Redis: where the workers' facts are read back. */
  readonly cache: FactsCache;
  /** The coordinator's own analysis, for whatever no worker does. */
  readonly local: Analyzer;
  readonly warn: (code: string, message: string) => void;
}

/** The queue Analyzer, with how the work was split. */
export interface QueueAnalyzer extends Analyzer {
  summary(): QueueSummary;
}

/** Jobs per addBulk call: one round trip each, small enough to stay under a command deadline. */
const ENQUEUE_CHUNK = 200;
/** How long finished jobs stay in Redis (for a look with a BullMQ dashboard), then BullMQ drops them. */
const KEEP_JOBS = { age: 3600 };

/** One remote worker as the profile shows it. */
interface RemoteWorker {
  readonly id: number;
  tasks: number;
  files: number;
  busyMs: number;
  heapUsedBytes: number;
}

/** Connects to the queue; never rejects: a queue that cannot be used is a warning, and every file is analyzed here. */
export async function createQueueAnalyzer(deps: QueueAnalyzerDeps): Promise<QueueAnalyzer> {
  const { location, settings, warn } = deps;
  const scanId = randomUUID();
  const remote = new Map<string, RemoteWorker>();
  const warned = new Set<string>();
  let remoteFiles = 0;
  let localFiles = 0;
  let queue: Queue | undefined;
  let events: QueueEvents | undefined;
  let connected = 0;
  let lost: string | undefined;
  /** Job numbers run on across analyze() calls (the engine calls once per memory batch): an id reused would name an old, finished job. */
  let jobsEnqueued = 0;

  /** One warning per kind of trouble and scan: a hundred jobs with the same problem are one line. */
  const warnOnce = (code: string, message: string) => {
    if (warned.has(code)) return;
    warned.add(code);
    warn(code, message);
  };
  const call = <T>(work: Promise<T>): Promise<T> =>
    withDeadline(work, settings.commandMs, () => `no answer within ${settings.commandMs} ms`);

  if (!deps.cache.enabled) {
    lost = 'the facts cache on it is not usable (see the cache warning), and workers hand results over through it';
  } else {
    try {
      queue = new Queue(QUEUE_NAME, { connection: connectionOptions(location, false), prefix: QUEUE_PREFIX });
      queue.on('error', () => {});
      await call(queue.waitUntilReady());
      // Events from the server's "now", so a job acknowledged before the listener's first read is not missed.
      const client = (await queue.client) as unknown as { time(): Promise<[string, string]> };
      const [seconds, micros] = await call(client.time());
      events = new QueueEvents(QUEUE_NAME, {
        connection: connectionOptions(location, true),
        prefix: QUEUE_PREFIX,
        lastEventId: `${Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - 1}-0`,
      });
      events.on('error', () => {});
      await call(events.waitUntilReady());
      connected = await call(queue.getWorkersCount());
    } catch (error) {
      lost = `not usable (${scrub(location, describe(error))})`;
    }
  }
  if (lost) warn('queue-unavailable', `The queue at ${location.label} is ${lost}: analyzing every file here.`);

  const local = deps.local;

  async function analyze(
    inputs: readonly SourceInput[],
    options: AnalysisOptions,
    onOutcome: (outcome: AnalysisOutcome, workerId: number) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const analyzeHere = async (files: readonly SourceInput[]) => {
      if (files.length === 0) return;
      localFiles += files.length;
      await local.analyze(files, options, (outcome) => onOutcome(outcome, 0), signal);
    };
    if (lost || !queue || !events || inputs.length === 0) return analyzeHere(inputs);
    const liveQueue = queue;
    const liveEvents = events;

    const batches = planBatches(inputs, Math.max(1, connected));
    const pending = new Map<string, readonly SourceInput[]>();
    for (const files of batches) pending.set(jobId(scanId, jobsEnqueued++), files);
    const inbox: ({ readonly kind: 'completed'; readonly id: string; readonly value: unknown } | { readonly kind: 'failed'; readonly id: string; readonly reason: string })[] = [];
    let lastProgress = performance.now();
    let wake: (() => void) | undefined;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    const onActive = ({ jobId: id }: { jobId: string }) => {
      if (pending.has(id)) lastProgress = performance.now();
    };
    const onCompleted = ({ jobId: id, returnvalue }: { jobId: string; returnvalue: unknown }) => {
      if (!pending.has(id)) return;
      lastProgress = performance.now();
      inbox.push({ kind: 'completed', id, value: returnvalue });
      notify();
    };
    const onFailed = ({ jobId: id, failedReason }: { jobId: string; failedReason: string }) => {
      if (!pending.has(id)) return;
      inbox.push({ kind: 'failed', id, reason: failedReason });
      notify();
    };
    liveEvents.on('active', onActive);
    liveEvents.on('completed', onCompleted);
    liveEvents.on('failed', onFailed);
    signal?.addEventListener('abort', notify, { once: true });

    /** Takes a job out of `pending`: its files, or undefined when another path (event or sweep) settled it first. */
    const claim = (id: string): readonly SourceInput[] | undefined => {
      const files = pending.get(id);
      pending.delete(id);
      return files;
    };

    const settleRemote = async (id: string, value: unknown) => {
      const files = claim(id);
      if (!files) return;
      const result = parseJobResult(value);
      if (!result) {
        warnOnce('queue-bad-result', 'A worker answered a job with something that is not a sonde result; its files were analyzed here.');
        return analyzeHere(files);
      }
      await deliverRemote(files, result);
    };

    const deliverRemote = async (files: readonly SourceInput[], result: AnalysisJobResult) => {
      const errors = new Map(result.errors.map((entry) => [entry.path, entry.error] as const));
      const facts = await deps.cache.getMany(files.flatMap((file) => (errors.has(file.path) ? [] : [file.contentKey ?? ''])));
      const worker = workerFor(result);
      const redo: SourceInput[] = [];
      let delivered = 0;
      for (const file of files) {
        const error: FileError | undefined = errors.get(file.path);
        const found = facts.get(file.contentKey ?? '');
        if (error && WORKER_SIDE_ERRORS.has(error.code)) redo.push(file);
        else if (error) {
          delivered += 1;
          onOutcome({ ok: false, path: file.path, error }, worker.id);
        } else if (found) {
          delivered += 1;
          onOutcome({ ok: true, path: file.path, facts: found, stored: true }, worker.id);
        } else redo.push(file);
      }
      remoteFiles += delivered;
      worker.tasks += 1;
      worker.files += delivered;
      worker.busyMs += result.busyMs;
      worker.heapUsedBytes = result.heapUsedBytes;
      if (redo.length > 0) {
        const reasons = [...new Set(redo.map((file) => errors.get(file.path)?.message ?? 'its facts were not in the shared cache (same SONDE_CACHE_SECRET everywhere?)'))];
        warnOnce('queue-redo', `A worker could not deliver some of its files (${reasons.slice(0, 2).join('; ')}); they were analyzed here.`);
        await analyzeHere(redo);
      }
    };

    const workerFor = (result: AnalysisJobResult): RemoteWorker => {
      let worker = remote.get(result.worker);
      if (!worker) {
        worker = { id: remote.size + 1, tasks: 0, files: 0, busyMs: 0, heapUsedBytes: 0 };
        remote.set(result.worker, worker);
      }
      return worker;
    };

    const settleFailed = async (id: string, reason: string) => {
      const files = claim(id);
      if (!files) return;
      const shown = reason.slice(0, 200).replace(/[^\x20-\x7e]/g, '?');
      warnOnce('queue-refused', `A worker failed a job (${shown}); its files were analyzed here.`);
      await analyzeHere(files);
    };

    const loseQueue = async (error: unknown) => {
      lost = scrub(location, describe(error));
      const left = [...pending.keys()].flatMap((id) => claim(id) ?? []);
      warnOnce('queue-unavailable', `The queue at ${location.label} stopped answering (${lost}): analyzing the remaining ${left.length} files here.`);
      await analyzeHere(left);
    };

    /** No progress for a deadline: take back what no live worker holds, one batch at a time, and do it here. */
    const sweep = async () => {
      for (const id of [...pending.keys()]) {
        if (signal?.aborted || lost) return;
        if (performance.now() - lastProgress < settings.deadlineMs) return;
        const state = await call(liveQueue.getJobState(id));
        if (state === 'completed' || state === 'failed') {
          const job = await call(Job.fromId(liveQueue, id));
          if (state === 'completed') await settleRemote(id, job?.returnvalue);
          else await settleFailed(id, job?.failedReason ?? 'failed');
          continue;
        }
        // 'unknown': the job is gone (a restarted Redis without persistence); otherwise remove() succeeds only when no worker holds its lock.
        const gone = state === 'unknown';
        if (!gone && (await call(liveQueue.remove(id))) !== 1) continue;
        if (gone) warnOnce('queue-lost-jobs', `Jobs vanished from the queue at ${location.label} (was Redis restarted?); their files were analyzed here.`);
        const files = claim(id);
        if (files) await analyzeHere(files);
      }
    };

    try {
      const jobs = [...pending].map(([id, files]) => ({ name: 'analyze', data: jobData(files, options), opts: { jobId: id, removeOnComplete: KEEP_JOBS, removeOnFail: KEEP_JOBS } }));
      try {
        for (let start = 0; start < jobs.length; start += ENQUEUE_CHUNK) await call(liveQueue.addBulk(jobs.slice(start, start + ENQUEUE_CHUNK)));
      } catch (error) {
        await loseQueue(error);
      }
      lastProgress = performance.now();
      while (pending.size > 0) {
        if (signal?.aborted) throw new ScanAbortedError();
        const message = inbox.shift();
        try {
          if (message?.kind === 'completed') await settleRemote(message.id, message.value);
          else if (message?.kind === 'failed') await settleFailed(message.id, message.reason);
          else if (performance.now() - lastProgress >= settings.deadlineMs) await sweep();
          else await sleep(Math.min(250, settings.deadlineMs / 4), (resolve) => (wake = resolve));
        } catch (error) {
          if (error instanceof ScanAbortedError || signal?.aborted) throw error;
          await loseQueue(error);
        }
      }
    } catch (error) {
      if (signal?.aborted) {
        // Leave nothing for the workers to do for a scan that is gone (best effort, not awaited for long).
        await Promise.allSettled([...pending.keys()].map((id) => call(liveQueue.remove(id))));
        throw new ScanAbortedError();
      }
      throw error;
    } finally {
      liveEvents.off('active', onActive);
      liveEvents.off('completed', onCompleted);
      liveEvents.off('failed', onFailed);
      signal?.removeEventListener('abort', notify);
    }
  }

  function jobData(files: readonly SourceInput[], analysis: AnalysisOptions): AnalysisJob {
    return {
      protocol: PROTOCOL_VERSION,
      scanId,
      toolVersion: deps.toolVersion,
      namespace: deps.namespace,
      analysis,
      // A BOM the decoder dropped is 3 bytes the worker must still be allowed to read.
      files: files.map((file) => ({ path: file.path, key: file.contentKey ?? '', size: Buffer.byteLength(file.text) + 3 })),
    };
  }

  return {
    strategy: 'parallel',
    workers: connected,
    analyze,
    stats(wallMs: number): WorkerStats[] {
      const remoteStats = [...remote.values()].map((worker) => ({
        id: worker.id,
        tasks: worker.tasks,
        files: worker.files,
        busyMs: worker.busyMs,
        utilization: wallMs > 0 ? Math.min(1, worker.busyMs / wallMs) : 0,
        heapUsedBytes: worker.heapUsedBytes,
      }));
      return [...(localFiles > 0 ? local.stats(wallMs) : []), ...remoteStats];
    },
    summary: () => ({ workers: remote.size, remoteFiles, localFiles }),
    async close() {
      await Promise.allSettled([
        local.close(),
        events && withDeadline(events.close(), settings.commandMs, () => 'close').catch(() => events?.disconnect()),
        queue && withDeadline(queue.close(), settings.commandMs, () => 'close').catch(() => queue?.disconnect()),
      ]);
    },
  };
}

function sleep(ms: number, register: (resolve: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    register(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
