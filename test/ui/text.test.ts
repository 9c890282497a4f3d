import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bar, bucketMax, progressBar, sparkline } from '../../src/ui/charts.js';
import { formatBytes, formatCount, formatDuration, formatRate, truncate, truncateLeft } from '../../src/ui/format.js';
import { windowStart } from '../../src/ui/line.js';

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

describe('format', () => {
  it('formats counts, sizes, durations and rates', () => {
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(formatBytes(118_500_000), '119 MB');
    assert.equal(formatBytes(1_500_000), '1.5 MB');
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(1234), '1.23 s');
    assert.equal(formatDuration(125_000), '2m 05s');
    assert.equal(formatRate(12_500, 'lines'), '12.5k lines/s');
    assert.equal(formatRate(0, 'files'), '0 files/s');
  });
  it('truncates from the right or, for paths, from the left', () => {
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(truncateLeft('src/deep/file.ts', 8), '…file.ts');
    assert.equal(truncate('abc', 4), 'abc');
  });
  it('keeps the selection inside the window', () => {
    assert.equal(windowStart(5, 4, 10), 0);
    assert.equal(windowStart(100, 0, 10), 0);
    assert.equal(windowStart(100, 50, 10), 45);
    assert.equal(windowStart(100, 99, 10), 90);
  });
});
