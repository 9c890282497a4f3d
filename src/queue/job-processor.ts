/**
 * What `sonde worker` does with one job: check it is a job this worker may
 * do, read each file from its own checkout (inside its root only), check
 * the bytes are the ones the coordinator hashed, analyze, and write the
 * facts to the shared cache under the job's namespace. The result names
 * only the files without facts, and why.
 *
 * The job is untrusted input (whoever reaches the Redis can write one):
 * its paths are relative names checked here and read through the bounded
 * reader, never followed out of the root; nothing in it is executed.
 */
import { hash } from 'node:crypto';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { performance } from 'node:perf_hooks';
import { UnrecoverableError } from 'bullmq';
import type { AnalysisOutcome, Analyzer, SourceInput } from '../analysis/analyzer.js';
import { cacheNamespace } from '../cache/namespace.js';
import type { AnalysisOptions } from '../config/options.js';
import type { FileError, FileFacts } from '../types.js';
import { readRegularFileBytes, UnreadableFileError } from '../util/read-regular-file.js';
import { parseJob, type AnalysisJob, type AnalysisJobResult, type JobFile, type JobFileError } from './protocol.js';

/** Bytes → source text, or why they are not (the engine's decodeSource, injected: the engine sits above this folder). */
export type DecodeSource = (bytes: Buffer) => { readonly kind: 'text'; readonly text: string } | { readonly kind: 'error'; readonly error: FileError };

export interface JobProcessorDeps {
  /** The worker's checkout: an absolute, real (symlink-free) path. */
  readonly root: string;
  readonly toolVersion: string;
  /** The worker's name in results: host and pid. */
  readonly workerName: string;
  /** The analysis, parser loaded once for the worker's life. */
  readonly analyzer: Analyzer;
  readonly decode: DecodeSource;
  /**
   * Writes facts to the shared cache under these options' namespace; false
   * when the write did not happen (no usable cache, a timeout): those files
   * then go back to the coordinator, never silently missing.
   */
  storeFacts(analysis: AnalysisOptions, entries: readonly (readonly [string, FileFacts])[]): Promise<boolean>;
}

/** Does one job; rejects with an UnrecoverableError (the job fails, with the reason, and is not retried) when it must refuse it. */
export async function processJob(data: unknown, deps: JobProcessorDeps): Promise<AnalysisJobResult> {
  const job = acceptJob(data, deps.toolVersion);

  const inputs: SourceInput[] = [];
  const errors: JobFileError[] = [];
  const keyByPath = new Map<string, string>();
  for (const file of job.files) {
    const read = readJobFile(file, deps);
    if ('error' in read) errors.push({ path: file.path, error: read.error });
    else {
      inputs.push(read);
      keyByPath.set(file.path, file.key);
    }
  }

  const fresh: [string, FileFacts][] = [];
  const analyzed: string[] = [];
  const started = performance.now();
  await deps.analyzer.analyze(inputs, job.analysis, (outcome: AnalysisOutcome) => {
    if (outcome.ok) {
      fresh.push([keyByPath.get(outcome.path)!, outcome.facts]);
      analyzed.push(outcome.path);
    } else errors.push({ path: outcome.path, error: outcome.error });
  });
  const busyMs = performance.now() - started;
  if (fresh.length > 0 && !(await deps.storeFacts(job.analysis, fresh))) {
    for (const path of analyzed) errors.push({ path, error: CACHE_WRITE });
  }
  return { worker: deps.workerName, busyMs, heapUsedBytes: getHeapStatistics().used_heap_size, errors };
}

/** The parsed job, or an UnrecoverableError saying why this worker will not do it. */
function acceptJob(data: unknown, toolVersion: string): AnalysisJob {
  const job = parseJob(data);
  if (typeof job === 'string') throw new UnrecoverableError(`refused: not a sonde analysis job (${job})`);
  if (job.toolVersion !== toolVersion) {
    throw new UnrecoverableError(`refused: this worker runs sonde ${toolVersion}, the scan runs ${safeLabel(job.toolVersion)}; run the same version on both`);
  }
  // Same version, other options hash: the options reached this worker changed, or hash another way. Writing
  // its facts under the job's namespace would poison the cache for everyone, so refuse.
  const namespace = cacheNamespace(toolVersion, job.analysis);
  if (namespace !== job.namespace) {
    throw new UnrecoverableError(`refused: the job's analysis options hash to ${safeLabel(job.namespace)} there and ${namespace} here`);
  }
  return job;
}

/** One file's source text from the worker's root, or the per-file error. */
function readJobFile(file: JobFile, deps: JobProcessorDeps): SourceInput | { readonly error: FileError } {
  const problem = unsafePath(file.path);
  if (problem) return { error: { code: 'outside-root', message: `Refused path: ${problem}.` } };
  let bytes: Buffer;
  try {
    // The declared size bounds the read: more bytes could not hash the same anyway.
    bytes = readRegularFileBytes(path.join(deps.root, file.path), { maxBytes: file.size, within: deps.root });
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.reason.startsWith('is larger than')) return { error: MISMATCH };
    return error.kind === 'outside'
      ? { error: { code: 'outside-root', message: 'The file resolves outside the worker\'s root.' } }
      : { error: { code: 'unreadable', message: `The worker's copy ${error.reason}.` } };
  }
  const key = `${path.extname(file.path).slice(1)}:${hash('sha1', bytes)}`;
  if (key !== file.key) return { error: MISMATCH };
  const decoded = deps.decode(bytes);
  if (decoded.kind === 'error') return { error: { code: 'not-source', message: decoded.error.message } };
  return { path: file.path, text: decoded.text };
}

const CACHE_WRITE: FileError = { code: 'cache-write', message: 'The worker could not write the facts to the shared cache (see its warnings).' };
const MISMATCH: FileError = { code: 'hash-mismatch', message: "The worker's copy of this file differs from the coordinator's (another commit?)." };

/** Why a job's path may not be joined to the root, or undefined when it may. */
export function unsafePath(relative: string): string | undefined {
  if (relative === '' || relative.includes('\0') || relative.includes('\\')) return 'empty, or with a NUL or backslash';
  if (relative.startsWith('/') || path.isAbsolute(relative)) return 'absolute';
  if (relative.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'a `..`, `.` or empty segment';
  return undefined;
}

/** A string from the job, bounded and restricted to printable ASCII before it goes into a message. */
function safeLabel(text: string): string {
  return text.slice(0, 80).replace(/[^\x20-\x7e]/g, '?');
}
