/**
 * What travels through the queue between `sonde scan --queue` (the
 * coordinator) and `sonde worker`: one typed file, as the pool's worker
 * protocol is (parallel/protocol.ts).
 *
 * A job carries paths, content keys and the analysis options: data, never
 * code. Both directions are untrusted (anyone who can reach the Redis can
 * write a job or a result), so each side parses what it reads with the
 * strict checks below instead of casting it.
 */
import type { AnalysisOptions } from '../config/options.js';
import type { FileError } from '../types.js';

/** The BullMQ queue every coordinator and worker of this protocol share. */
export const QUEUE_NAME = 'analysis';
/** Redis key prefix of the queue (BullMQ's default is `bull`): sonde's keys are recognisable in a shared server. */
export const QUEUE_PREFIX = 'sonde-queue';
/** Bumped when a job's or a result's shape changes: a worker refuses a job of another protocol. */
export const PROTOCOL_VERSION = 1;

/** Bounds on what a job may ask of a worker, so a forged job cannot make it read without end. */
export const MAX_JOB_FILES = 4096;
const MAX_PATH_LENGTH = 4096;
const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_TODO_TAGS = 64;

/** One file of a job: where it is under the worker's root, and which bytes the coordinator read there. */
export interface JobFile {
  /** Relative to the scanned root, forward slashes, no `..`. */
  readonly path: string;
  /** The cache's content key, `<extension>:<sha1 of the bytes>`. */
  readonly key: string;
  /** Bytes the coordinator read; the worker reads no more than this. */
  readonly size: number;
}

/** An analysis job: a batch of files of one scan. */
export interface AnalysisJob {
  readonly protocol: typeof PROTOCOL_VERSION;
  /** Random per coordinator run: events and results of other scans on the same queue are not this scan's. */
  readonly scanId: string;
  /** The coordinator's sonde version; facts are cached per version. */
  readonly toolVersion: string;
  /** The cache namespace the facts belong under (format, version, options hash): a worker that computes another refuses. */
  readonly namespace: string;
  readonly analysis: AnalysisOptions;
  readonly files: readonly JobFile[];
}

/** A file the worker could not turn into cached facts, and why. */
export interface JobFileError {
  readonly path: string;
  readonly error: FileError;
}

/** What a worker answers when it acknowledges a job. */
export interface AnalysisJobResult {
  /** The worker's name (host, pid): counts the remote workers of a scan. */
  readonly worker: string;
  /** Time spent analyzing, for the profile's per-worker table. */
  readonly busyMs: number;
  readonly heapUsedBytes: number;
  /**
   * Files without facts in the cache. Analysis errors (`analysis-failed`, a
   * parser stack overflow) are the file's result; the others (`hash-mismatch`,
   * `outside-root`, `unreadable`, `cache-write`) mean the worker's checkout or
   * cache could not serve this file, and the coordinator analyzes it itself.
   */
  readonly errors: readonly JobFileError[];
}

/** Errors that describe the worker's situation, not the file: the coordinator redoes those files locally. */
export const WORKER_SIDE_ERRORS: ReadonlySet<string> = new Set(['hash-mismatch', 'outside-root', 'unreadable', 'vanished', 'cache-write', 'not-source']);

/** A job id: the scan id first, so a coordinator recognises its own jobs in the queue's events. */
export function jobId(scanId: string, batch: number): string {
  return `${scanId}-${batch}`;
}

/** The scan a job id belongs to, or undefined when it is not of this protocol. */
export function scanIdOf(id: string | undefined): string | undefined {
  const match = id === undefined ? null : /^([0-9a-f-]{36})-\d+$/.exec(id);
  return match?.[1];
}

/** The job as a worker must see it, or a reason it is not a job of this protocol. */
export function parseJob(data: unknown): AnalysisJob | string {
  if (!isRecord(data)) return 'not an object';
  if (data.protocol !== PROTOCOL_VERSION) return `protocol ${String(data.protocol)}, this worker speaks ${PROTOCOL_VERSION}`;
  if (typeof data.scanId !== 'string' || !/^[0-9a-f-]{36}$/.test(data.scanId)) return 'no valid scan id';
  if (typeof data.toolVersion !== 'string' || data.toolVersion.length > 64) return 'no valid sonde version';
  if (typeof data.namespace !== 'string' || data.namespace.length > 256) return 'no valid cache namespace';
  const analysis = parseAnalysisOptions(data.analysis);
  if (!analysis) return 'no valid analysis options';
  if (!Array.isArray(data.files) || data.files.length > MAX_JOB_FILES) return `files must be a list of at most ${MAX_JOB_FILES}`;
  const files: JobFile[] = [];
  for (const file of data.files as unknown[]) {
    if (!isRecord(file) || typeof file.path !== 'string' || typeof file.key !== 'string') return 'a file without path and key';
    if (file.path.length > MAX_PATH_LENGTH || !/^[a-z0-9]{1,8}:[0-9a-f]{40}$/.test(file.key)) return 'a file with an invalid path or key';
    if (!Number.isSafeInteger(file.size) || (file.size as number) < 0 || (file.size as number) > MAX_FILE_BYTES) return 'a file with an invalid size';
    files.push({ path: file.path, key: file.key, size: file.size as number });
  }
  return { protocol: PROTOCOL_VERSION, scanId: data.scanId, toolVersion: data.toolVersion, namespace: data.namespace, analysis, files };
}

/** A worker's answer as the coordinator may use it, or undefined when it is not one. */
export function parseJobResult(value: unknown): AnalysisJobResult | undefined {
  const data = typeof value === 'string' ? safeParse(value) : value;
  if (!isRecord(data) || typeof data.worker !== 'string' || data.worker.length > 256) return undefined;
  if (!Number.isFinite(data.busyMs) || !Number.isFinite(data.heapUsedBytes) || !Array.isArray(data.errors)) return undefined;
  const errors: JobFileError[] = [];
  for (const entry of data.errors as unknown[]) {
    if (!isRecord(entry) || typeof entry.path !== 'string' || !isRecord(entry.error)) return undefined;
    const { code, message } = entry.error;
    if (typeof code !== 'string' || typeof message !== 'string') return undefined;
    errors.push({ path: entry.path, error: { code, message } });
  }
  return { worker: data.worker, busyMs: data.busyMs as number, heapUsedBytes: data.heapUsedBytes as number, errors };
}

function parseAnalysisOptions(value: unknown): AnalysisOptions | undefined {
  if (!isRecord(value) || Object.keys(value).some((key) => key !== 'todoTags')) return undefined;
  const tags = value.todoTags;
  if (!Array.isArray(tags) || tags.length > MAX_TODO_TAGS || !tags.every((tag) => typeof tag === 'string' && tag.length <= 64)) return undefined;
  return { todoTags: tags as string[] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
