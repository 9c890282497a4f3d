import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeCell, markdownReporter } from '../../src/reporters/markdown.js';
import { makeResult } from './fixtures.js';

/** The rows of the GFM table that follows a heading, split into cells (escaped pipes kept inside cells). */
function tableAfter(text: string, heading: string): string[][] {
  const lines = text.split('\n');
  let i = heading ? lines.indexOf(heading) + 2 : lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (; lines[i]?.startsWith('|'); i += 1) {
    rows.push(lines[i].slice(2, -2).split(/ (?<!\\)\| /));
  }
  return rows;
}

describe('markdown reporter', () => {
  const text = markdownReporter(makeResult(), { color: false });

  it('starts with a title and a summary table', () => {
    assert.ok(text.startsWith('# sonde report\n\n| metric | value |\n| :--- | ---: |\n'));
    const summary = Object.fromEntries(tableAfter(text, '').slice(2));
    assert.equal(summary.files, '4');
    assert.equal(summary.findings, '6');
    assert.equal(summary['files not analyzed'], '1');
    assert.equal(summary.strategy, 'sequential');
  });

  it('has well-formed tables: every row has as many cells as the header', () => {
    for (const heading of ['', '## Hotspots', '## Findings', '## Files not analyzed']) {
      const rows = tableAfter(text, heading);
      assert.ok(rows.length >= 3, `table under ${heading || 'title'}`);
      assert.match(rows[1].join('|'), /^(:---|---:)(\|(:---|---:))*$/);
      for (const row of rows) assert.equal(row.length, rows[0].length, row.join(' | '));
    }
  });

  it('lists hotspots in order and escapes <anonymous> so it is not taken for HTML', () => {
    const rows = tableAfter(text, '## Hotspots');
    assert.deepEqual(rows[0], ['function', 'location', 'cyclomatic', 'cognitive', 'depth', 'params', 'lines']);
    assert.deepEqual(rows.slice(2).map((row) => row[0]), ['render', '\\<anonymous\\>', 'a', 'helper']);
    assert.deepEqual(rows[2].slice(1, 4), ['src/z.ts:3', '12', '18']);
  });

  it('lists every finding with path:line:column, sorted by path', () => {
    const rows = tableAfter(text, '## Findings').slice(2);
    assert.equal(rows.length, 6);
    assert.deepEqual(rows[1], ['error', 'empty-catch', 'src/a.ts:9:3', 'Empty catch block: the error is silently swallowed.']);
    assert.deepEqual(rows.map((row) => row[2].split(':')[0]), ['src/a.ts', 'src/a.ts', 'src/z.ts', 'src/z.ts', 'src/z.ts', 'src/z.ts']);
  });

  it('says so when there are no findings', () => {
    const clean = markdownReporter(makeResult({ fileFindings: new Map(), crossFile: { graph: makeResult().crossFile.graph, findings: [] } }), {
      color: false,
    });
    assert.match(clean, /## Findings\n\nNo findings\./);
  });
});

describe('escapeCell', () => {
  it('escapes pipes and markdown punctuation, and shows newlines and control characters as visible escapes', () => {
    assert.equal(escapeCell('a|b\nc_d*e'), 'a\\|b\\\\nc\\_d\\*e');
    assert.equal(escapeCell('x\u001b[2J\u202ey`'), 'x\\\\x1b\\[2J\\\\u202ey\\`');
  });
});
