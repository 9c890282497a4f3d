import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildStrategyResult, compareWithReference, downsample } from '../../../src/bench/results/analyze.js';
import { recommend } from '../../../src/bench/results/recommend.js';
import { makeReport, samples } from '../helpers.js';

test('a strategy result carries the statistics, throughput, memory, CPU and cache rate', () => {
  const r = buildStrategyResult('cache:warm', samples([100, 110, 90, 105, 95], { cacheHits: 9, cacheMisses: 1 }), []);
  assert.equal(r.summary.n, 5);
  assert.equal(r.summary.mean, 100);
  assert.equal(r.summary.median, 100);
  assert.equal(r.filesPerSecond, 2000); // 200 files / 0.1 s
  assert.equal(r.linesPerSecond, 100_000);
  assert.ok(Math.abs(r.cpuUtilization - 1.1) < 1e-9); // the whole process used 1.1 × wall of CPU
  assert.equal(r.cacheHitRate, 0.9);
  assert.equal(r.peakRss.max, 104 * 1024 * 1024);
  assert.equal(r.peakRss.median, 102 * 1024 * 1024);
  assert.equal(buildStrategyResult('sequential', samples([1, 2]), []).cacheHitRate, null);
});

test('outliers and a slow first run produce hyperfine-like warnings', () => {
  const slowFirst = buildStrategyResult('s', samples([300, 100, 101, 99, 100, 102, 98]), []);
  assert.deepEqual(slowFirst.summary.outliers, [0]);
  assert.match(slowFirst.warnings.join('\n'), /first measured run was significantly slower/);
  const outlier = buildStrategyResult('s', samples([100, 101, 99, 100, 300, 102, 98]), []);
  assert.match(outlier.warnings.join('\n'), /: 1 slower statistical outlier than the rest/);
  // A FAST first run is not "the first run was slower" (the wrong-way warning).
  const fastFirst = buildStrategyResult('s', samples([30, 100, 101, 99, 100, 102, 98]), []);
  assert.deepEqual(fastFirst.summary.outliers, [0]);
  assert.doesNotMatch(fastFirst.warnings.join('\n'), /slower/);
  assert.match(fastFirst.warnings.join('\n'), /: 1 faster statistical outlier than the rest/);
  // n = 3 and 4: no outlier warning at all, however far off a run is.
  assert.deepEqual(buildStrategyResult('s', samples([300, 100, 101]), []).summary.outliers, []);
  assert.doesNotMatch(buildStrategyResult('s', samples([300, 100, 101, 99]), []).warnings.join('\n'), /outlier|first measured/);
  const quiet = buildStrategyResult('s', samples([100, 101, 99, 100, 102]), []);
  assert.deepEqual(quiet.warnings, []);
});

test('all-failed strategies have n = 0 and no comparison', () => {
  const failed = buildStrategyResult('parallel:2', [], [{ run: 1, error: 'boom' }]);
  assert.equal(failed.summary.n, 0);
  const ok = buildStrategyResult('sequential', samples([100, 101, 99]), []);
  assert.deepEqual(compareWithReference([ok, failed], 'sequential', { alpha: 0.05 }), []);
});

test('comparisons and recommendations follow the measurements', () => {
  const report = makeReport({
    sequential: [1000, 1010, 990, 1005, 995],
    'parallel:2': [700, 710, 690, 705, 695],
    'parallel:4': [1100, 1120, 1090, 1105, 1095],
    'cache:cold': [1200, 1210, 1190, 1205, 1195],
    'cache:warm': [100, 101, 99, 102, 98],
  });
  const byName = new Map(report.comparisons.map((c) => [c.strategy, c]));
  assert.equal(byName.get('parallel:2')?.verdict, 'faster');
  assert.ok(Math.abs((byName.get('parallel:2')?.speedup.ratio ?? 0) - 1000 / 700) < 1e-4); // geometric means of symmetric runs
  assert.equal(byName.get('parallel:4')?.verdict, 'slower');
  assert.equal(byName.get('cache:warm')?.verdict, 'faster');
  const recs = report.recommendations.join('\n');
  assert.match(recs, /parallel:2 is 1\.43× \(95% CI [\d.]+–[\d.]+\) faster than sequential: use --parallel 2/);
  assert.match(recs, /cache:warm is 10\.0× .* enable --cache/);
  assert.match(recs, /pays for itself after 1 warm scan/); // 200 ms extra vs 900 ms saved
  assert.doesNotMatch(recs, /no strategy beat/);
});

test('no significant difference → says so, and recommends nothing', () => {
  const report = makeReport({
    sequential: [1000, 1100, 900, 1050, 950],
    'parallel:2': [1010, 1090, 910, 1040, 960],
  });
  assert.equal(report.comparisons[0].verdict, 'within noise');
  assert.deepEqual(recommend(report.comparisons, report.results, 'sequential'), [
    'no worker count beat sequential significantly on this tree: keep --parallel 0.',
    'no strategy beat sequential significantly.',
  ]);
});

test('downsample keeps the ends and the requested count', () => {
  const pts = Array.from({ length: 1000 }, (_, i) => i);
  const d = downsample(pts, 50);
  assert.equal(d.length, 50);
  assert.equal(d[0], 0);
  assert.equal(d[49], 999);
  assert.deepEqual(downsample([1, 2, 3], 50), [1, 2, 3]);
});
