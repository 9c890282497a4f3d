import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bar, bucketMax, progressBar, sparkline } from '../../src/ui/kit/charts.js';
import { windowStart } from '../../src/ui/kit/line.js';

describe('charts', () => {
  it('draws a sparkline from the lowest to the highest block', () => {
    assert.equal(sparkline([0, 7, 14], 10), '▁▅█');
    assert.equal(sparkline([5, 5, 5], 10), '▄▄▄');
    assert.equal(sparkline([], 10), '');
  });
  it('buckets a long series by maximum so spikes survive', () => {
    assert.deepEqual(bucketMax([1, 9, 1, 1, 1, 1], 3), [9, 1, 1]);
    assert.equal(sparkline(Array.from({ length: 500 }, (_, i) => i), 20).length, 20);
  });
  it('draws bars with eighth blocks and a fixed width', () => {
    assert.equal(bar(1, 4), '████');
    assert.equal(bar(0.5, 4), '██  ');
    assert.equal(bar(1 / 32, 4).trimEnd(), '▏');
    assert.equal(bar(2, 3), '███');
    assert.equal(progressBar(0.25, 8), '██░░░░░░');
  });
});

describe('line window', () => {
  it('keeps the selection inside the window', () => {
    assert.equal(windowStart(5, 4, 10), 0);
    assert.equal(windowStart(100, 0, 10), 0);
    assert.equal(windowStart(100, 50, 10), 45);
    assert.equal(windowStart(100, 99, 10), 90);
  });
});
