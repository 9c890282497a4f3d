import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as sonde from '../src/index.js';
import { FIXTURES } from './helpers/temp-tree.js';

describe('the public API (src/index.ts)', () => {
  it('exports exactly these values; anything else is internal', () => {
    assert.deepEqual(Object.keys(sonde).sort(), [
      'REPORT_FORMATS', 'ScanEventBus', 'UserError', 'createScanOptions', 'defaultCacheLocation', 'loadReporter', 'scan',
    ]);
  });

  it('scans a tree and renders a report with a loaded reporter', async () => {
    const result = await sonde.scan(sonde.createScanOptions(path.join(FIXTURES, 'basic'), { parallel: 0, sampleIntervalMs: 0 }));
    const report = JSON.parse((await sonde.loadReporter('json'))(result, { color: false })) as sonde.JsonReport;
    assert.equal(report.summary.files, result.files.length);
    assert.equal(report.schemaVersion, 1);
  });
});
