import type { AnalysisOptions } from '../config/options.js';
import type { FileError, FileFacts, WorkerStats } from '../types.js';

/** A file whose content was read and hashed, ready to analyze. */
export interface SourceInput {
  readonly path: string;
  readonly text: string;
}

/** The outcome of analyzing one file: facts, or the reason there are none. */
export type AnalysisOutcome =
  | { readonly ok: true; readonly path: string; readonly facts: FileFacts }
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
  close(): Promise<void>;
}
