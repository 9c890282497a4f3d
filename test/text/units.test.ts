import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatBinaryBytes,
  formatBytes,
  formatCount,
  formatDuration,
  formatMebibytes,
  formatMs,
  formatP,
  formatPercent,
  formatRate,
  formatRatio,
} from '../../src/text/index.js';

describe('units', () => {
  it('formats counts, sizes, durations and rates', () => {
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(formatCount(Number.NaN), '–');
    for (const value of [0, 7, 999, 1000, 12345.6, -1234567, 1e15, -1]) assert.equal(formatCount(value), Math.round(value).toLocaleString('en-US'), String(value));
    assert.equal(formatBytes(118_500_000), '119 MB');
    assert.equal(formatBytes(1_500_000), '1.5 MB');
    assert.equal(formatMebibytes(118 * 1024 * 1024), '118.0 MiB');
    assert.equal(formatBinaryBytes(512), '512 B');
    assert.equal(formatBinaryBytes(3.4 * 1024), '3.4 KiB');
    assert.equal(formatBinaryBytes(2 * 1024 * 1024), '2.0 MiB');
    assert.equal(formatMebibytes(20 * 1024 ** 3), '20.0 GiB');
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(1234), '1.23 s');
    assert.equal(formatDuration(125_000), '2m 05s');
    assert.equal(formatRate(12_500, 'lines'), '12.5k lines/s');
    assert.equal(formatRate(0, 'files'), '0 files/s');
  });
  it('formats measurements and statistics', () => {
    assert.equal(formatMs(812.34), '812.3 ms');
    assert.equal(formatMs(12_410), '12.4 s');
    assert.equal(formatPercent(0.4204), '42%');
    assert.equal(formatPercent(0.4204, 1), '42.0%');
    assert.equal(formatRatio(1.314), '1.31');
    assert.equal(formatP(0.0001), '< 0.001');
  });
});
