import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPORTERS, REPORT_FORMATS } from '../../src/reporters/index.js';
import { loadReporter } from '../../src/reporters/load-reporter.js';
import { makeResult } from './fixtures.js';

describe('loadReporter', () => {
  it('loads, for every format, the reporter REPORTERS has', async () => {
    const result = makeResult();
    for (const format of REPORT_FORMATS) {
      const reporter = await loadReporter(format);
      assert.equal(reporter(result, { color: false }), REPORTERS[format](result, { color: false }), format);
    }
  });
});
