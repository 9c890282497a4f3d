/**
 * Splitting the files of a scan into worker tasks. Pure, so the sizing rule
 * is unit-tested and documented in one place.
 *
 * Why these numbers (measured on this machine, see benchmarks/strategies.ts
 * and the issue #3 note): a no-op task round trip through piscina costs
 * ~0.05–0.1 ms, and analysis costs roughly 1 ms per 2–4 KB of source. A batch
 * of at least MIN_BATCH_BYTES (≈ 5–15 ms of work) keeps messaging below ~1%
 * of a task. Aiming at BATCHES_PER_WORKER batches per worker keeps the tail
 * short (the last batch to finish is small compared to the whole) and lets
 * results stream while the scan runs. MAX_BATCH_BYTES bounds the work lost
 * and redone when a worker dies.
 */
import type { SourceInput } from '../analysis/analyzer.js';

export const MIN_BATCH_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 512 * 1024;
const BATCHES_PER_WORKER = 8;
const MAX_BATCH_FILES = 256;

/** Target bytes per batch for a workload: enough batches to balance, none too small to pay for a message. */
export function batchTargetBytes(totalBytes: number, workers: number): number {
  const share = totalBytes / Math.max(1, workers * BATCHES_PER_WORKER);
  return Math.min(MAX_BATCH_BYTES, Math.max(MIN_BATCH_BYTES, Math.ceil(share)));
}

/**
 * Consecutive batches of `inputs`, each closed once it reaches the target size
 * (a single file larger than the target is a batch of its own). Every input
 * appears in exactly one batch, in the original order.
 */
export function planBatches(inputs: readonly SourceInput[], workers: number): SourceInput[][] {
  const total = inputs.reduce((sum, input) => sum + input.text.length, 0);
  const target = batchTargetBytes(total, workers);
  const batches: SourceInput[][] = [];
  let current: SourceInput[] = [];
  let currentBytes = 0;
  for (const input of inputs) {
    current.push(input);
    currentBytes += input.text.length;
    if (currentBytes >= target || current.length >= MAX_BATCH_FILES) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
