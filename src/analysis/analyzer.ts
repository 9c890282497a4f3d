import type { AnalysisOptions } from '../config/options.js';
import type { FileError, FileFacts, QueueSummary, WorkerStats } from '../types.js';

/** A file whose content was read and hashed, ready to analyze. */
export interface SourceInput {
  readonly path: string;
  readonly text: string;
  /** The cache's content key of the bytes read (extension + hash): a queue job names the file by it. */
  readonly contentKey?: string;
}

/** The outcome of analyzing one file: facts, or the reason there are none. */
export type AnalysisOutcome =
  /** `stored`: the facts are in the cache already (a queue worker wrote them), so the scan need not write them again. */
  | { readonly ok: true; readonly path: string; readonly facts: FileFacts; readonly stored?: true }
  | { readonly ok: false; readonly path: string; readonly error: FileError };

/**
 * A strategy for turning sources into facts: in-process (sequential) or a
 * worker pool. `analyze` resolves once every input has an outcome, calling
 * `onOutcome` as each completes, in any order.
 */
export interface Analyzer {
  readonly strategy: 'sequential' | 'parallel';
  readonly workers: number;
  analyze(
    inputs: readonly SourceInput[],
    options: AnalysisOptions,
    onOutcome: (outcome: AnalysisOutcome, workerId: number) => void,
    signal?: AbortSignal,
  ): Promise<void>;
  /** Per-thread busy time etc., measured inside each thread. */
  stats(analyzeWallMs: number): WorkerStats[];
  /** How a `--queue` scan split the work (the queue analyzer only). */
  summary?(): QueueSummary;
  close(): Promise<void>;
}
