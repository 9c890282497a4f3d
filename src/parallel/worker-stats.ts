/**
 * Per-thread accounting for the pool, fed by the numbers each worker measures
 * about itself (busy time, heap). piscina's own `utilization` is not used: it
 * is mis-scaled in piscina 5.3.
 */
import type { WorkerStats } from '../types.js';
import type { WorkerTaskStats } from './protocol.js';

interface Row {
  readonly id: number;
  tasks: number;
  files: number;
  busyMs: number;
  heapUsedBytes: number;
  codeCache?: { readonly loaded: number; readonly compiled: number };
}

/** Maps piscina thread ids to small stable ids (1, 2, … in order of first task) and sums their work. */
export class WorkerStatsTable {
  readonly #rows = new Map<number, Row>();

  /** Records one finished task; returns the small id of the worker that ran it. */
  record(stats: WorkerTaskStats, files: number): number {
    const row = this.#row(stats.threadId);
    row.tasks += 1;
    row.files += files;
    row.busyMs += stats.busyMs;
    row.heapUsedBytes = stats.heapUsedBytes;
    if (stats.codeCache) row.codeCache = stats.codeCache;
    return row.id;
  }

  /** One entry per thread that ran a task, plus idle live threads, by id. */
  snapshot(wallMs: number, liveThreadIds: readonly number[] = []): WorkerStats[] {
    for (const threadId of liveThreadIds) this.#row(threadId);
    return [...this.#rows.values()]
      .sort((a, b) => a.id - b.id)
      .map((row) => ({
        id: row.id,
        tasks: row.tasks,
        files: row.files,
        busyMs: row.busyMs,
        utilization: wallMs > 0 ? row.busyMs / wallMs : 0,
        heapUsedBytes: row.heapUsedBytes,
        ...(row.codeCache ? { codeCache: row.codeCache } : {}),
      }));
  }

  #row(threadId: number): Row {
    let row = this.#rows.get(threadId);
    if (!row) {
      row = { id: this.#rows.size + 1, tasks: 0, files: 0, busyMs: 0, heapUsedBytes: 0 };
      this.#rows.set(threadId, row);
    }
    return row;
  }
}
