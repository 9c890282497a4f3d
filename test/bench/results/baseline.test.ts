import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { compareWithBaseline, defaultBaselineDir, loadBaseline, saveBaseline } from '../../../src/bench/results/baseline.js';
import { formatBaselineComparison } from '../../../src/bench/report/format-baseline.js';
import { UserError } from '../../../src/errors.js';
import { makeReport, tempDir } from '../helpers.js';

const OPTS = { name: 'main', thresholdPercent: 5, alpha: 0.05, seed: 1 };
const BASE = { sequential: [1000, 1010, 990, 1005, 995], 'parallel:2': [700, 710, 690, 705, 695] };

test('a significant slowdown beyond the threshold is a regression', () => {
  const current = makeReport({ sequential: [1200, 1210, 1190, 1205, 1195], 'parallel:2': [700, 712, 688, 703, 697] });
  const c = compareWithBaseline(current, makeReport(BASE), OPTS);
  assert.equal(c.regressed, true);
  const seq = c.changes.find((x) => x.strategy === 'sequential');
  assert.equal(seq?.verdict, 'regressed');
  assert.ok(Math.abs((seq?.changePercent ?? 0) - 20) < 1e-2); // of the geometric means
  assert.equal(c.changes.find((x) => x.strategy === 'parallel:2')?.verdict, 'within noise');
  assert.match(formatBaselineComparison(c), /REGRESSION: sequential slower beyond 5%/);
});

test('a significant but small slowdown stays below the threshold; an improvement is reported', () => {
  const current = makeReport({ sequential: [1030, 1031, 1029, 1030, 1030], 'parallel:2': [500, 505, 495, 502, 498] });
  const base = makeReport({ sequential: [1000, 1001, 999, 1000, 1000], 'parallel:2': BASE['parallel:2'] });
  const c = compareWithBaseline(current, base, OPTS);
  assert.equal(c.regressed, false);
  assert.equal(c.changes[0].verdict, 'regressed (below threshold)');
  assert.equal(c.changes[1].verdict, 'improved');
  assert.match(formatBaselineComparison(c), /No significant regression/);
});

test('noisy data with a slower mean is not a regression', () => {
  const current = makeReport({ sequential: [900, 1400, 1000, 1300, 1100] });
  const c = compareWithBaseline(current, makeReport({ sequential: [1000, 1300, 900, 1200, 1050] }), OPTS);
  assert.equal(c.changes[0].verdict, 'within noise');
  assert.equal(c.regressed, false);
});

test('save, load and a clear error for an unknown or invalid name', () => {
  const dir = path.join(tempDir(), '.sonde', 'baselines');
  const report = makeReport(BASE);
  const file = saveBaseline(report, dir, 'v1.2');
  assert.equal(file, path.join(dir, 'v1.2.json'));
  assert.deepEqual(loadBaseline(dir, 'v1.2').results[0].samples, report.results[0].samples);
  assert.throws(() => loadBaseline(dir, 'nope'), (e: unknown) => e instanceof UserError && /Saved baselines: v1\.2/.test(e.hint ?? ''));
  assert.throws(() => saveBaseline(report, dir, '../escape'), UserError);
  fs.writeFileSync(path.join(dir, 'junk.json'), '{"a":1}');
  assert.throws(() => loadBaseline(dir, 'junk'), UserError);
  assert.equal(defaultBaselineDir(report, '/cwd'), path.join('/tmp/project', '.sonde', 'baselines'));
});

test('a baseline saved by schema version 1 (median-based speedups) still loads and compares from its samples', () => {
  const dir = path.join(tempDir(), '.sonde', 'baselines');
  const old = { ...makeReport(BASE), schemaVersion: 1 };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'old.json'), JSON.stringify(old));
  const loaded = loadBaseline(dir, 'old');
  const c = compareWithBaseline(makeReport(BASE), loaded, OPTS);
  assert.deepEqual(
    c.changes.map((change) => change.verdict),
    compareWithBaseline(makeReport(BASE), makeReport(BASE), OPTS).changes.map((change) => change.verdict),
  );
});

test('a different machine is noted', () => {
  const base = makeReport(BASE);
  const other = { ...base, machine: { ...base.machine, cpuModel: 'Other', nodeVersion: 'v22.0.0' } };
  const c = compareWithBaseline(makeReport(BASE), other, OPTS);
  assert.equal(c.notes.length, 2);
});
