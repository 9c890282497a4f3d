import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPORTERS, REPORT_FORMATS } from '../../src/reporters/index.js';
import { asParallelWarmScan, makeResult } from './fixtures.js';

describe('reporter registry', () => {
  it('has one reporter per format, in the --help order', () => {
    assert.deepEqual(REPORT_FORMATS, ['pretty', 'json', 'sarif', 'markdown', 'dot', 'mermaid']);
    assert.deepEqual(Object.keys(REPORTERS).sort(), [...REPORT_FORMATS].sort());
  });

  it('every reporter returns text ending in a newline, without ANSI codes when color is false', () => {
    for (const format of REPORT_FORMATS) {
      const text = REPORTERS[format](makeResult(), { color: false, columns: 80, top: 5 });
      assert.ok(text.length > 0 && text.endsWith('\n'), format);
      assert.equal(text.includes('\u001b['), false, format);
    }
  });

  it('renders the module graph for dot and mermaid, independent of file completion order', () => {
    const dot = REPORTERS.dot(makeResult(), { color: false });
    assert.match(dot, /"src\/a\.ts" -> "src\/z\.ts"/);
    assert.equal(REPORTERS.dot(asParallelWarmScan(makeResult()), { color: false }), dot);
    const mermaid = REPORTERS.mermaid(makeResult(), { color: false });
    assert.match(mermaid, /^flowchart LR\n/);
    assert.equal(REPORTERS.mermaid(asParallelWarmScan(makeResult()), { color: false }), mermaid);
  });
});
