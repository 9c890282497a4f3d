import '../helpers/outside-ci.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BenchListener } from '../../src/bench/events.js';
import type { BenchReport } from '../../src/bench/types.js';
import type { CliIO } from '../../src/io.js';
import { benchResultLines, cellText, matrixRows } from '../../src/ui/bench/bench-lines.js';
import { applyBenchEvents, initialBench } from '../../src/ui/bench/bench-progress.js';
import { runBenchUi } from '../../src/ui/bench/run-bench-ui.js';
import { benchEvents, benchReport } from './bench-fixtures.js';
import { FakeStdin, FakeStdout, waitFor } from './terminal.js';

describe('bench view model', () => {
  it('fills the strategies × runs matrix as runs complete, warm-ups marked', () => {
    const events = benchEvents();
    // Stop halfway: the 2nd measured run of parallel:2 has started but not finished.
    const cut = events.findIndex((e) => e.type === 'run:start' && e.strategy === 'parallel:2' && e.run === 2 && !e.warmup);
    const state = applyBenchEvents(initialBench(0), events.slice(0, cut + 1), 1000);
    const rows = matrixRows(state, 80);
    assert.deepEqual(rows.map((r) => r.strategy.trim()), ['sequential', 'parallel:2', 'cache:warm']);
    assert.deepEqual(rows[1].cells.map((c) => c.text.trim()), ['✓1501', '✓1201', '…']);
    assert.deepEqual(rows[1].cells.map((c) => c.dim), [true, false, false]);
    assert.equal(rows[0].count, '2/3');
    assert.equal(rows[2].count, '1/3');
  });
  it('marks failed runs and logs them', () => {
    const state = applyBenchEvents(initialBench(0), [
      { type: 'bench:start', target: '/r', strategies: ['sequential'], plannedRuns: 2, warmupRuns: 0 },
      { type: 'run:start', strategy: 'sequential', run: 1, warmup: false },
      { type: 'run:done', strategy: 'sequential', run: 1, warmup: false, wallMs: 0, peakRssBytes: 0, error: 'child exited with 2' },
    ], 0);
    assert.equal(cellText(state.cells.get('sequential')![0]), '✗');
    assert.deepEqual(state.messages.map((m) => m.text), ['sequential run 1: child exited with 2']);
  });
  it('shows only the latest runs when they do not fit', () => {
    const many = applyBenchEvents(initialBench(0), [
      { type: 'bench:start', target: '/r', strategies: ['s'], plannedRuns: 30, warmupRuns: 0 },
      ...Array.from({ length: 30 }, (_, i) => ({ type: 'run:done' as const, strategy: 's', run: i + 1, warmup: false, wallMs: 100 + i, peakRssBytes: 0 })),
    ], 0);
    const row = matrixRows(many, 80)[0];
    assert.equal(row.cells[0].text.trim(), '…');
    assert.equal(row.cells.at(-1)?.text.trim(), '✓129');
    assert.ok(row.strategy.length + row.cells.length * 7 + row.count.length + 1 <= 80);
  });
  it('writes the results table, speedups and recommendations', () => {
    const text = benchResultLines(benchReport(), 80).map((l) => l.text).join('\n');
    assert.match(text, /sequential\s+1,850 ± 40 ms\s+\[1802–1898\]\s+1,847\s+█+/);
    assert.match(text, /Warnings\n  ! parallel:2: 2 outliers were detected/);
    assert.ok(text.indexOf('Recommendations') < text.indexOf('Warnings'), 'advice before warnings');
    assert.match(text, /Speedup vs sequential/);
    assert.match(text, /cache:warm\s+4\.40× \[4\.20–4\.60\]\s+faster\s+█+/);
    assert.match(text, /• Use --cache/);
    const long = benchReport();
    const narrow = benchResultLines({ ...long, recommendations: ['word '.repeat(40).trim()] }, 60);
    assert.ok(benchResultLines(long, 80).every((l) => l.text.length <= 80), 'lines fit 80 columns');
    assert.ok(narrow.filter((l) => l.text.includes('word')).every((l) => l.text.length <= 60), 'prose is wrapped');
    assert.equal(narrow.filter((l) => l.text.includes('word')).length, 4);
  });
});

describe('runBenchUi', () => {
  it('shows the live matrix, then the results, and resolves with the report on q', async () => {
    const stdout = new FakeStdout(80, 24);
    const stdin = new FakeStdin();
    const io = { stdout, stderr: new FakeStdout(), stdin, env: {}, cwd: '/' } as unknown as CliIO;
    const report = benchReport();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runBench = async (listener: BenchListener): Promise<BenchReport> => {
      const events = benchEvents();
      for (const event of events.slice(0, 8)) listener(event);
      await gate;
      for (const event of events.slice(8)) listener(event);
      listener({ type: 'bench:done' });
      return report;
    };
    const ui = runBenchUi({ io, color: false, runBench });
    const live = await waitFor(() => stdout.text(), (t) => t.includes('✓721'));
    assert.match(live, /sequential\s+✓2151\s+…\s+0\/3/);
    assert.match(live, /parallel:2\s+✓1501\s+0\/3/);
    release();
    await waitFor(() => stdout.text(), (t) => t.includes('Recommendations'));
    stdin.press('q');
    assert.equal(await ui, report);
    assert.match(stdout.text(), /cache:warm\s+✓721\s+✓421\s+✓422\s+✓423\s+3\/3/);
  });

  it('header: "1 warm-up run", no literal "(dim)"; run-end warnings only under Warnings, not above the header', async () => {
    const stdout = new FakeStdout(100, 40);
    const stdin = new FakeStdin();
    const io = { stdout, stderr: new FakeStdout(), stdin, env: {}, cwd: '/' } as unknown as CliIO;
    const base = benchReport();
    const outlier = 'parallel:2: 1 slower statistical outlier than the rest';
    // As runBench builds it: the strategy's warning, also in the report's list.
    const report = { ...base, results: base.results.map((r) => (r.strategy === 'parallel:2' ? { ...r, warnings: [outlier] } : r)), warnings: [outlier] };
    const runBench = async (listener: BenchListener): Promise<BenchReport> => {
      for (const event of benchEvents()) listener(event);
      // What runBench emits at the end: each warning as a message, then done.
      for (const w of report.warnings) listener({ type: 'bench:message', level: 'warning', message: w });
      listener({ type: 'bench:message', level: 'info', message: 'generating the small project (seed 42)…' });
      listener({ type: 'bench:done' });
      return report;
    };
    const ui = runBenchUi({ io, color: false, runBench });
    await waitFor(() => stdout.text(), (t) => t.includes('Recommendations'));
    stdin.press('q');
    await ui;
    const text = stdout.text();
    assert.match(text, /sonde bench \/repo · .* · 1 warm-up run per strategy, not counted/);
    assert.doesNotMatch(text, /\(dim\)|1 warm-up runs/);
    const warning = /1 slower statistical outlier/g;
    const header = text.lastIndexOf('sonde bench /repo');
    const before = text.slice(0, header).match(warning) ?? [];
    assert.equal(before.length, 0, 'no warning line above the header');
    assert.match(text.slice(header), /Warnings\n {2}! parallel:2: 1 slower statistical outlier/);
    // Listed once, though it is both the strategy's and the report's warning.
    const frameAfter = text.slice(text.lastIndexOf('Warnings'));
    assert.equal(frameAfter.match(/1 slower statistical outlier/g)?.length, 1);
    // Info messages (suite generation) still go above, as a log.
    assert.ok(text.indexOf('generating the small project') < header);
  });

  it('resolves undefined when the benchmark fails', async () => {
    const stdout = new FakeStdout(80, 24);
    const stdin = new FakeStdin();
    const io = { stdout, stderr: new FakeStdout(), stdin, env: {}, cwd: '/' } as unknown as CliIO;
    const ui = runBenchUi({ io, color: false, runBench: async () => Promise.reject(new Error('no strategies')) });
    await waitFor(() => stdout.text(), (t) => t.includes('The benchmark failed'));
    stdin.press('q');
    assert.equal(await ui, undefined);
    assert.match(stdout.text(), /The benchmark failed: no strategies/);
  });
});
