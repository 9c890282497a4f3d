/**
 * runBench against the real CLI (bin/sonde.js) on a tiny real tree and on a
 * tiny generated suite: few runs, so it stays a few seconds per scan.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { BenchEvent } from '../../src/bench/events.js';
import { runBench } from '../../src/bench/runner.js';
import { generateProject } from '../../src/generate/index.js';
import { makeTinyTree, tempDir, treeDigest } from './helpers.js';

test('bench on a real tree: every strategy measured, caches behave, the tree is byte-identical', async () => {
  const root = makeTinyTree();
  const before = treeDigest(root);
  const events: BenchEvent[] = [];
  const report = await runBench(
    { target: root, strategies: ['sequential', 'parallel:2', 'cache:warm', 'cache:partial:50'], minRuns: 2, maxRuns: 2, warmupRuns: 0 },
    (e) => events.push(e),
  );
  assert.deepEqual(report.results.map((r) => [r.strategy, r.samples.length, r.failures.length]), [
    ['sequential', 2, 0],
    ['parallel:2', 2, 0],
    ['cache:warm', 2, 0],
    ['cache:partial:50', 2, 0],
  ]);
  for (const r of report.results) {
    for (const s of r.samples) {
      assert.equal(s.files, 5, `${r.strategy} scans the 5 source files`);
      assert.ok(s.lines > 10 && s.peakRssBytes > 10e6 && s.scanMs > 0 && s.wallMs > s.scanMs, JSON.stringify(s));
    }
  }
  const byName = new Map(report.results.map((r) => [r.strategy, r]));
  assert.equal(byName.get('sequential')?.cacheHitRate, null);
  assert.equal(byName.get('cache:warm')?.cacheHitRate, 1);
  const partial = byName.get('cache:partial:50')?.cacheHitRate ?? -1;
  assert.ok(partial > 0 && partial < 1, `partial hit rate ${partial}`);
  assert.deepEqual(report.comparisons.map((c) => c.strategy), ['parallel:2', 'cache:warm', 'cache:partial:50']);
  assert.ok(report.recommendations.length > 0);
  assert.equal(report.machine.gitCommit, execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim());
  assert.equal(events[0].type, 'bench:start');
  assert.equal(events.at(-1)?.type, 'bench:done');
  assert.equal(treeDigest(root), before, 'the benchmark never modifies the tree');
  assert.equal(fs.existsSync(path.join(root, '.sonde')), false);
});

test('suite on tiny generated projects: per-size results and scaling fits', async () => {
  const counts: Record<string, number> = { small: 6, medium: 24 };
  const suiteDir = tempDir();
  const report = await runBench(
    { suite: true, sizes: ['small', 'medium'], strategies: ['sequential', 'cache:warm'], minRuns: 2, maxRuns: 2, warmupRuns: 0, suiteDir },
    () => {},
    undefined,
    { generate: (size, seed, outDir) => generateProject({ size: counts[size], seed, outDir }) },
  );
  assert.ok(report.suite);
  assert.deepEqual(report.suite.sizes.map((s) => [s.size, s.files]), [['small', 6], ['medium', 24]]);
  assert.deepEqual(report.suite.scaling.map((f) => f.strategy), ['sequential', 'cache:warm']);
  for (const f of report.suite.scaling) assert.ok(Number.isFinite(f.msPerFile) && Number.isFinite(f.timeExponent) && Number.isFinite(f.memoryExponent));
  assert.equal(report.results, report.suite.sizes[1].results, 'top-level results are the largest size');
  assert.ok(fs.existsSync(path.join(suiteDir, 'medium-seed42', '.sonde-suite-complete')), 'generated projects are kept in --suite-dir');
});
