import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripVTControlCharacters as stripAnsi } from 'node:util';
import { prettyReporter } from '../../src/reporters/pretty.js';
import { textWidth } from '../../src/text/index.js';
import { facts, file, fn, makeResult } from './fixtures.js';

const ESC = '\u001b[';

describe('pretty reporter', () => {
  it('has no escape codes when color is false', () => {
    const text = prettyReporter(makeResult(), { color: false });
    assert.equal(text.includes(ESC), false);
  });

  it('styles with ANSI when color is true, and the text under the styles is the uncoloured report', () => {
    const colored = prettyReporter(makeResult(), { color: true });
    assert.ok(colored.includes(`${ESC}31m`), 'errors in red');
    assert.equal(stripAnsi(colored), prettyReporter(makeResult(), { color: false }));
  });

  it('summarizes counts, strategy and cache', () => {
    const text = prettyReporter(
      makeResult({ strategy: 'parallel', workers: 4, cache: { enabled: true, hits: 3, misses: 1 } }),
      { color: false },
    );
    assert.match(text, /^ {2}files {6}4 {2}\(1 not analyzed, 1 skipped\)$/m);
    assert.match(text, /^ {2}lines {6}57$/m);
    assert.match(text, /^ {2}findings {3}6 {2}\(1 error, 4 warnings, 1 info\)$/m);
    assert.match(text, /^ {2}strategy {3}parallel, 4 workers$/m);
    assert.match(text, /^ {2}cache {6}3 hits, 1 miss \(75\.0% hit rate\)$/m);
    assert.match(text, /^ {2}duration {3}123 ms$/m);
  });

  it('lists hotspots by cyclomatic then cognitive, with path:line, limited by top', () => {
    const lines = prettyReporter(makeResult(), { color: false, top: 3 }).split('\n');
    const start = lines.findIndex((line) => line.startsWith('Hotspots'));
    assert.match(lines[start], /top 3/);
    assert.deepEqual(lines.slice(start + 2, start + 5).map((line) => line.trim().split(/\s+/)), [
      ['12', '18', 'render', 'src/z.ts:3'],
      ['3', '4', '<anonymous>', 'src/a.ts:8'],
      ['3', '2', 'a', 'src/a.ts:2'],
    ]);
    assert.equal(lines[start + 5], '', 'helper (cyclomatic 1) is cut by top 3');
  });

  it('aligns hotspot columns by terminal width: CJK names and emoji paths take two columns a character', () => {
    const result = makeResult({
      files: [
        file('src/日本/ファイル.ts', facts({ functions: [fn('計算する', 1, { cyclomatic: 9 })] })),
        file('src/😀.ts', facts({ functions: [fn('ab', 1, { cyclomatic: 8 })] })),
        file('src/plain.ts', facts({ functions: [fn('abcdefghij', 1, { cyclomatic: 7 })] })),
      ],
    });
    const lines = prettyReporter(result, { color: false, top: 3 }).split('\n');
    const start = lines.findIndex((line) => line.startsWith('Hotspots'));
    const rows = lines.slice(start + 2, start + 5);
    const locationColumns = rows.map((row) => textWidth(row.slice(0, row.indexOf('src/'))));
    assert.equal(new Set(locationColumns).size, 1, rows.join('\n'));
  });

  it('groups findings under their file, stylish-style, cross-file ones included', () => {
    const text = prettyReporter(makeResult(), { color: false, columns: 200 });
    const section = text.slice(text.indexOf('\nsrc/a.ts\n') + 1);
    assert.match(section, /^src\/a\.ts\n {2}1:1 {2}warning {2}Import cycle: .* {2}import-cycle\n {2}9:3 {2}error {4}Empty catch block/);
    assert.match(text, /^ {2}20:5 {2}info {5}Unresolved TODO comment\. +todo-comment$/m);
  });

  it('fits columns by wrapping long messages, keeping every word', () => {
    const text = prettyReporter(makeResult(), { color: false, columns: 60 });
    for (const line of text.split('\n')) assert.ok([...line].length <= 60, `too wide: ${line}`);
    const lines = text.split('\n');
    const first = lines.findIndex((line) => /^ {2}3:1 .* complexity$/.test(line));
    const continued = [lines[first].replace(/\s+complexity$/, '')];
    for (let i = first + 1; /^ {10,}\S/.test(lines[i]); i += 1) continued.push(lines[i]);
    assert.ok(continued.length > 1, 'the message wrapped');
    assert.equal(
      continued.map((line) => line.trim()).join(' ').replace(/^3:1 +warning +/, ''),
      "Function 'render' has a cyclomatic complexity of 12 (max 10).",
    );
  });

  it('lists files that could not be analyzed', () => {
    const text = prettyReporter(makeResult(), { color: false });
    assert.match(text, /Files that could not be analyzed \(1\)\n {2}assets\/logo\.ts Binary file \(contains NUL bytes\)\. \(binary\)/);
  });

  it('ends with a verdict line', () => {
    const bad = prettyReporter(makeResult(), { color: false }).trimEnd().split('\n').at(-1);
    assert.equal(bad, '✖ 6 problems (1 error, 4 warnings, 1 info) in 2 files, 1 file not analyzed.');
    const clean = makeResult({
      files: [file('a.ts', facts({ functions: [fn('f', 1)] }))],
      fileFindings: new Map(),
      crossFile: { graph: { nodes: [], edges: [], external: [], unresolved: [] }, findings: [] },
      skipped: [],
    });
    assert.equal(prettyReporter(clean, { color: false }).trimEnd().split('\n').at(-1), '✔ No problems in 1 file.');
  });

  it('prints scan warnings', () => {
    const text = prettyReporter(makeResult({ warnings: ['Cache is corrupt; rebuilt it.'] }), { color: false });
    assert.match(text, /Warnings\n {2}Cache is corrupt; rebuilt it\./);
  });
});
