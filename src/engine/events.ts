import type { PhaseName, ProfileSample, ScanResult, Strategy, WorkerStats } from '../types.js';

/**
 * Everything the engine tells the outside world while it scans. The Ink UI,
 * the plain progress logger and the NDJSON logger are listeners; the engine
 * never writes to a stream itself.
 */
export type ScanEvent =
  | {
      readonly type: 'scan:start';
      readonly root: string;
      readonly strategy: Strategy;
      readonly workers: number;
      readonly cache: boolean;
    }
  | { readonly type: 'phase:start'; readonly phase: PhaseName }
  | { readonly type: 'phase:end'; readonly phase: PhaseName; readonly durationMs: number }
  | { readonly type: 'files:discovered'; readonly total: number; readonly skipped: number }
  | {
      readonly type: 'file:done';
      readonly path: string;
      readonly lines: number;
      readonly cached: boolean;
      /** Set when the file could not be analyzed. */
      readonly error?: string;
      /** The analysis thread that did the work (0 = in-process). */
      readonly workerId?: number;
    }
  | { readonly type: 'workers:stats'; readonly workers: readonly WorkerStats[] }
  | { readonly type: 'sample'; readonly sample: ProfileSample }
  | { readonly type: 'warning'; readonly code: string; readonly message: string }
  | {
      readonly type: 'scan:done';
      readonly result: ScanResult;
      /** `--watch`: the paths (root-relative, sorted) whose change this result takes in; absent for a full scan. */
      readonly changed?: readonly string[];
    };

export type ScanListener = (event: ScanEvent) => void;

/** A tiny synchronous event bus: listeners run in subscription order. */
export class ScanEventBus {
  readonly #listeners: ScanListener[] = [];

  on(listener: ScanListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index >= 0) this.#listeners.splice(index, 1);
    };
  }

  emit(event: ScanEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
