import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanEvent } from '../../src/engine/events.js';
import { activeFilter, initialNav, navigate, type NavContext, type NavState } from '../../src/ui/done/navigation.js';
import { directoryRows, fileRows, findingRows, hotspotRows, summarize } from '../../src/ui/done/result-model.js';
import { allFindings, countBySeverity, hotspots } from '../../src/reporters/report-model.js';
import { applyEvents, initialProgress, MAX_LOG_LINES, progressRates } from '../../src/ui/scan/scan-progress.js';
import { emptyResult, sampleResult } from './fixtures.js';

describe('scan progress reducer', () => {
  const start: ScanEvent = { type: 'scan:start', root: '/r', strategy: 'parallel', workers: 2, cache: true };
  it('counts files, lines, cache hits, errors and per-worker work', () => {
    let state = applyEvents(initialProgress('/r', 0), [start, { type: 'files:discovered', total: 10, skipped: 1 }, { type: 'phase:start', phase: 'analyze' }], 0);
    state = applyEvents(
      state,
      [
        { type: 'file:done', path: 'a.ts', lines: 100, cached: false, workerId: 1 },
        { type: 'file:done', path: 'b.ts', lines: 50, cached: false, workerId: 2 },
        { type: 'file:done', path: 'c.ts', lines: 50, cached: true },
        { type: 'file:done', path: 'd.bin', lines: 0, cached: false, error: 'binary file', workerId: 1 },
        { type: 'sample', sample: { t: 10, rss: 5e7, heapUsed: 1, heapTotal: 2, external: 0, cpuPercent: 180 } },
      ],
      2000,
    );
    assert.equal(state.done, 4);
    assert.equal(state.lines, 200);
    assert.equal(state.cacheHits, 1);
    assert.equal(state.errors, 1);
    assert.deepEqual([...state.perWorker], [[1, 2], [2, 1]]);
    assert.equal(state.phase, 'analyze');
    assert.equal(state.cpuPercent, 180);
    assert.deepEqual(state.logs.map((l) => l.text), ['d.bin: binary file']);
    const rates = progressRates(state);
    assert.equal(rates.filesPerSecond, 2);
    assert.equal(rates.linesPerSecond, 100);
    assert.equal(rates.fraction, 0.4);
    assert.equal(rates.etaMs, 3000);
  });
  it('caps the log and counts what it dropped', () => {
    const warnings: ScanEvent[] = Array.from({ length: MAX_LOG_LINES + 7 }, (_, i) => ({ type: 'warning', code: 'w', message: String(i) }));
    const state = applyEvents(initialProgress('/r', 0), warnings, 0);
    assert.equal(state.logs.length, MAX_LOG_LINES);
    assert.equal(state.droppedLogs, 7);
    assert.deepEqual(state.logs.slice(0, 2).map((l) => l.id), [0, 1]);
  });
});

describe('result model', () => {
  const result = sampleResult();
  it('summarizes lines, functions, errors and findings by severity', () => {
    const s = summarize(result);
    assert.equal(s.files, 5);
    assert.equal(s.lines, 705);
    assert.equal(s.functions, 6);
    assert.equal(s.errors, 1);
    assert.deepEqual(s.findings, { error: 2, warning: 2, info: 2 });
    assert.equal(s.rules[0].rule, 'complexity');
  });
  it('sorts hotspots by the chosen metric', () => {
    assert.deepEqual(hotspotRows(result, 'cyclomatic').slice(0, 2).map((h) => h.name), ['runEngine', 'parseToken']);
    assert.deepEqual(hotspotRows(result, 'cognitive', 'util').map((h) => h.name), ['pad', 'trim']);
  });
  it('shares the reporters\' meaning of hotspots and findings', () => {
    for (const sort of ['cyclomatic', 'cognitive'] as const) {
      const rows = hotspotRows(result, sort).map((row) => `${row.path}:${row.line}:${row.name}`);
      const model = hotspots(result, Number.POSITIVE_INFINITY, sort).map(({ path, fn }) => `${path}:${fn.line}:${fn.name}`);
      assert.deepEqual(rows, model, sort);
    }
    assert.deepEqual(summarize(result).findings, countBySeverity(allFindings(result)));
    const key = (finding: { path: string; line: number; rule: string }) => `${finding.path}:${finding.line}:${finding.rule}`;
    const items = findingRows(result, 'file').flatMap((row) => (row.kind === 'item' ? [key(row.finding)] : []));
    assert.deepEqual(items.sort(), allFindings(result).map(key).sort());
  });
  it('groups findings by rule or by file, most severe group first', () => {
    const byRule = findingRows(result, 'rule');
    assert.deepEqual(byRule.filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? `${r.label}:${r.count}` : '')), [
      'cognitive-complexity:1', 'parse-error:1', 'complexity:2', 'todo-comment:1', 'unused-export:1',
    ]);
    const byFile = findingRows(result, 'file');
    assert.equal(byFile[0].kind === 'group' && byFile[0].label, 'src/core/engine.ts');
    assert.equal(byFile.length, 6 + 3, 'six findings under three files');
  });
  it('sorts files by lines, complexity, findings or path', () => {
    assert.equal(fileRows(result, 'lines')[0].path, 'src/core/engine.ts');
    assert.deepEqual(fileRows(result, 'findings').map((f) => f.findings), [2, 2, 2, 0, 0]);
    assert.equal(fileRows(result, 'path')[0].path, 'index.ts');
    assert.equal(fileRows(result, 'lines').find((f) => f.error)?.error, 'binary file');
  });
  it('aggregates every directory level', () => {
    const dirs = directoryRows(result);
    assert.deepEqual(dirs.map((d) => `${d.dir}:${d.files}:${d.lines}`), ['.:5:705', 'src:4:690', 'src/core:2:630', 'src/util:2:60']);
    assert.equal(dirs.find((d) => d.dir === 'src/util')?.findings, 2);
  });
  it('gives empty lists for an empty result', () => {
    assert.equal(summarize(emptyResult()).files, 0);
    assert.deepEqual(fileRows(emptyResult(), 'lines'), []);
    assert.deepEqual(directoryRows(emptyResult()), []);
  });
});

describe('navigation reducer', () => {
  const ctx: NavContext = { listLength: 5, detailsLength: 3, pageSize: 10, selectedPath: 'a.ts' };
  const press = (state: NavState, input: string, key = {}, c = ctx) => navigate(state, input, key, c);
  it('switches tabs with digits, Tab, Shift-Tab and arrows', () => {
    const s = initialNav();
    assert.equal(press(s, '4').state.tab, 'files');
    assert.equal(press(s, '', { tab: true }).state.tab, 'hotspots');
    assert.equal(press(s, '', { tab: true, shift: true }).state.tab, 'profile');
    assert.equal(press(s, '', { rightArrow: true }).state.tab, 'hotspots');
  });
  it('moves the cursor within the list bounds', () => {
    let s = press(initialNav(), '4').state;
    for (let i = 0; i < 9; i++) s = press(s, 'j').state;
    assert.equal(s.cursor.files, 4);
    s = press(s, '', { upArrow: true }).state;
    assert.equal(s.cursor.files, 3);
    assert.equal(press(s, '', { home: true }).state.cursor.files, 0);
  });
  it('edits, applies and clears a filter', () => {
    let s = press(initialNav(), '/').state;
    for (const c of 'cor') s = press(s, c).state;
    assert.equal(activeFilter(s), 'cor');
    s = press(s, '', { backspace: true }).state;
    s = press(s, '', { return: true }).state;
    assert.equal(s.filter, 'co');
    assert.equal(s.draft, undefined);
    assert.equal(press(s, '', { escape: true }).state.filter, '');
    // q while typing is text, not quit
    const typing = press(press(initialNav(), '/').state, 'q');
    assert.equal(typing.command, undefined);
    assert.equal(typing.state.draft, 'q');
  });
  it('cycles sorts and groups, opens and closes details, toggles help', () => {
    const files = press(initialNav(), '4').state;
    assert.deepEqual([1, 2, 3, 4].map((n) => {
      let s = files;
      for (let i = 0; i < n; i++) s = press(s, 's').state;
      return s.fileSort;
    }), ['complexity', 'findings', 'path', 'lines']);
    assert.equal(press(press(initialNav(), '3').state, 'g').state.group, 'file');
    const open = press(files, '', { return: true }).state;
    assert.equal(open.details, 'a.ts');
    assert.equal(press(open, '', { escape: true }).state.details, undefined);
    const help = press(initialNav(), '?').state;
    assert.equal(help.help, true);
    assert.equal(press(help, 'x').state.help, false);
  });
  it('returns quit and rescan commands; Enter on a directory opens its files', () => {
    assert.equal(press(initialNav(), 'q').command, 'quit');
    assert.equal(press(initialNav(), 'r').command, 'rescan');
    const dirs = press(initialNav(), '5').state;
    const next = press(dirs, '', { return: true }, { ...ctx, selectedPath: undefined, selectedDir: 'src/core' }).state;
    assert.equal(next.tab, 'files');
    assert.equal(next.filter, 'src/core/');
  });
});
