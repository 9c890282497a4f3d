/**
 * The memory model behind `--max-memory` / `maxMemory`: what a scan costs,
 * and how it fits a budget. Measured with /usr/bin/time on generated trees
 * (numbers in benchmarks/memory-scaling.ts's notes); deliberately a little
 * pessimistic, since a budget is a promise.
 */
import { UserError } from '../errors.js';
import { formatBinaryBytes } from '../text/units.js';

const MiB = 1024 * 1024;

/** Node, the parser, the report's head and one batch in flight: what even a tiny scan peaks at. */
export const SCAN_BASE_BYTES = 192 * MiB;
/**
 * What each file costs until the report is written: its findings (packed),
 * holder, graph entry and the cross-file pass's working set (facts are
 * spilled). Measured: a sequential 100,000-file scan peaked at ~340–350 MiB,
 * ~1.6 KiB a file over the base (it was ~4.2 KiB before findings were packed,
 * the holders shared one getter and V8's heap growth was bounded).
 */
export const FILE_BYTES = 2 * 1024;
/** One worker thread: its own heap and parser. */
export const WORKER_BYTES = 96 * MiB;

/** Without a budget: files read, decoded and analyzed before their facts are committed. */
export const DEFAULT_BATCH_FILES = 500;
/** Without a budget: the most bytes of source a batch holds. */
export const DEFAULT_BATCH_BYTES = 16 * MiB;

/** How a scan runs to stay under its budget (or the defaults, without one). */
export interface MemoryPlan {
  /** The most worker threads that fit; Infinity without a budget. */
  readonly maxWorkers: number;
  readonly batchFiles: number;
  readonly batchBytes: number;
}

const UNBOUNDED: MemoryPlan = { maxWorkers: Number.POSITIVE_INFINITY, batchFiles: DEFAULT_BATCH_FILES, batchBytes: DEFAULT_BATCH_BYTES };

/** A budget under what any scan needs is a mistake whatever the tree: said before anything is read. */
export function checkMemoryFloor(budget: number, source: string): void {
  if (budget >= SCAN_BASE_BYTES) return;
  throw new UserError(
    'MEMORY_BUDGET_TOO_SMALL',
    `${source} ${formatBinaryBytes(budget)} is below the ${formatBinaryBytes(SCAN_BASE_BYTES)} that Node and the parser need for any scan.`,
    `Give at least ${formatBinaryBytes(SCAN_BASE_BYTES)}.`,
  );
}

/**
 * The plan for `files` files under `budget` bytes (undefined: no budget).
 * Throws a UserError, before any file is read, when even one thread and small
 * batches cannot fit.
 */
export function planMemory(budget: number | undefined, files: number): MemoryPlan {
  if (budget === undefined) return UNBOUNDED;
  const needed = SCAN_BASE_BYTES + files * FILE_BYTES;
  if (needed > budget) {
    throw new UserError(
      'MEMORY_BUDGET_TOO_SMALL',
      `A memory budget of ${formatBinaryBytes(budget)} is too small for ${files.toLocaleString('en-US')} files: ` +
        `the scan needs about ${formatBinaryBytes(needed)} (${formatBinaryBytes(SCAN_BASE_BYTES)}, then ${formatBinaryBytes(FILE_BYTES)} a file).`,
      'Raise --max-memory (or maxMemory), or scan a part of the tree (a folder, --exclude).',
    );
  }
  const spare = budget - needed;
  // Whatever is left after the files buys workers, then bigger batches.
  const maxWorkers = Math.floor(spare / WORKER_BYTES);
  const batchBytes = Math.max(MiB, Math.min(DEFAULT_BATCH_BYTES, Math.floor(spare / 8)));
  return { maxWorkers, batchFiles: Math.min(DEFAULT_BATCH_FILES, Math.max(50, Math.floor(batchBytes / (8 * 1024)))), batchBytes };
}
