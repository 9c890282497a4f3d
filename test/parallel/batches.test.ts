import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_BATCH_BYTES, MIN_BATCH_BYTES, batchTargetBytes, planBatches } from '../../src/parallel/batches.js';

const file = (i: number, size: number) => ({ path: `f${i}`, text: 'x'.repeat(size) });

describe('planBatches', () => {
  it('keeps every file exactly once, in order', () => {
    const inputs = Array.from({ length: 500 }, (_, i) => file(i, 100 + (i % 13) * 500));
    const batches = planBatches(inputs, 3);
    assert.deepEqual(batches.flat().map((f) => f.path), inputs.map((f) => f.path));
  });

  it('never makes a batch below the minimum size except the last', () => {
    const inputs = Array.from({ length: 400 }, (_, i) => file(i, 1000));
    const batches = planBatches(inputs, 4);
    for (const batch of batches.slice(0, -1)) {
      assert.ok(batch.reduce((s, f) => s + f.text.length, 0) >= MIN_BATCH_BYTES);
    }
  });

  it('aims at several batches per worker on large inputs, bounded above', () => {
    assert.equal(batchTargetBytes(10, 2), MIN_BATCH_BYTES);
    assert.equal(batchTargetBytes(1e9, 2), MAX_BATCH_BYTES);
    const inputs = Array.from({ length: 2000 }, (_, i) => file(i, 2000));
    const batches = planBatches(inputs, 2);
    assert.ok(batches.length >= 16, `${batches.length} batches`);
  });

  it('puts a file larger than the target in a batch of its own', () => {
    const batches = planBatches([file(0, MAX_BATCH_BYTES * 2), file(1, 10)], 1);
    assert.equal(batches.length, 2);
  });
});
