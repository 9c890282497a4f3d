import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideWorkers, SEQUENTIAL_BYTES_PER_MS } from '../../src/parallel/auto.js';

const secondsOfWork = (seconds: number) => ({ files: 5000, bytes: seconds * 1000 * SEQUENTIAL_BYTES_PER_MS });

describe('decideWorkers', () => {
  it('passes a fixed setting through (0 = in-process)', () => {
    assert.equal(decideWorkers(0, secondsOfWork(100), 16), 0);
    assert.equal(decideWorkers(3, secondsOfWork(0.001), 2), 3);
  });

  it('on 2 cores, uses two workers only for large work (measured break-even ≈ 11 MB of source)', () => {
    const megabytes = (mb: number) => ({ files: 5000, bytes: mb * 1e6 });
    assert.equal(decideWorkers('auto', megabytes(0.66), 2), 0, 'suite small');
    assert.equal(decideWorkers('auto', megabytes(4.6), 2), 0, 'rxjs, 1,255 files');
    assert.equal(decideWorkers('auto', megabytes(7.1), 2), 0, 'suite medium');
    assert.equal(decideWorkers('auto', megabytes(70.6), 2), 2, 'suite large');
    assert.equal(decideWorkers('auto', megabytes(1000), 1), 0, 'one core');
  });

  it('stays in-process when the work is too small to pay for starting workers', () => {
    assert.equal(decideWorkers('auto', secondsOfWork(0.5), 16), 0);
    assert.equal(decideWorkers('auto', { files: 1, bytes: 1e9 }, 16), 0);
  });

  it('uses workers on many cores when the work is large, never more than the cores can feed', () => {
    const workers = decideWorkers('auto', secondsOfWork(60), 16);
    assert.ok(workers >= 2 && workers <= 15, `${workers}`);
    assert.ok(decideWorkers('auto', secondsOfWork(60), 4) <= 3);
  });

  it('is monotonic in the amount of work and deterministic', () => {
    let previous = 0;
    for (const seconds of [0.1, 0.5, 1, 2, 5, 10, 30, 100]) {
      const workers = decideWorkers('auto', secondsOfWork(seconds), 8);
      assert.ok(workers >= previous, `${seconds}s → ${workers} < ${previous}`);
      assert.equal(decideWorkers('auto', secondsOfWork(seconds), 8), workers);
      previous = workers;
    }
  });
});
