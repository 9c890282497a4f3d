import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPORTERS, REPORT_FORMATS } from '../../src/reporters/index.js';
import { loadChunkedReporter, loadReporter } from '../../src/reporters/load-reporter.js';
import { toJsonReport } from '../../src/reporters/json.js';
import { makeResult } from './fixtures.js';

describe('loadReporter', () => {
  it('loads, for every format, the reporter REPORTERS has', async () => {
    const result = makeResult();
    for (const format of REPORT_FORMATS) {
      const reporter = await loadReporter(format);
      assert.equal(reporter(result, { color: false }), REPORTERS[format](result, { color: false }), format);
    }
  });

  it('streams, for every format, exactly the text REPORTERS returns', async () => {
    for (const result of [makeResult(), makeResult({ files: [] }), makeResult({ skipped: [], warnings: ['a "quoted" warning\nover two lines'] })]) {
      for (const format of REPORT_FORMATS) {
        const chunks = [...(await loadChunkedReporter(format))(result, { color: false })];
        assert.equal(chunks.join(''), REPORTERS[format](result, { color: false }), format);
      }
    }
  });

  it('streams JSON as the plain 2-space JSON.stringify of the report, one chunk per file entry', async () => {
    const result = makeResult();
    const chunks = [...(await loadChunkedReporter('json'))(result, { color: false })];
    assert.equal(chunks.join(''), `${JSON.stringify(toJsonReport(result), null, 2)}\n`);
    assert.equal(chunks.length, result.files.length + 2);
  });
});
