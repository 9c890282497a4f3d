/**
 * End to end: `sonde bench` as a user runs it (spawned bin, NO_COLOR), all
 * exports written, the HTML report rendered in headless Chromium, and a
 * baseline compare that exits 1 on a regression.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BenchReport } from '../../src/bench/types.js';
import { makeTinyTree, tempDir, treeDigest } from '../bench/helpers.js';

const BIN = fileURLToPath(new URL('../../../bin/sonde.js', import.meta.url));
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

function sonde(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 });
}

function chromium(args: string[]): string {
  const profile = tempDir('sonde-chromium-');
  const r = spawnSync(
    CHROMIUM!,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--window-size=1280,2200', ...args],
    { encoding: 'utf8', timeout: 90_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('sonde bench writes every export and the HTML report draws its charts in Chromium', async (t) => {
  const root = makeTinyTree();
  const before = treeDigest(root);
  const out = tempDir();
  const r = sonde(['bench', root, '-s', 'sequential,cache:warm', '--runs', '3', '--warmup', '0',
    '--export-json', 'r.json', '--export-csv', 'r.csv', '--export-markdown', 'r.md', '--export-html', 'r.html'], out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Benchmark: sequential {2}\(3 runs/);
  assert.match(r.stdout, /Time \(mean ± σ\):/);
  assert.match(r.stdout, /cache:warm: [\d.]+ ± [\d.]+ times (faster|slower) than sequential/);
  assert.match(r.stderr, /sequential run 3: /);
  const json = JSON.parse(fs.readFileSync(path.join(out, 'r.json'), 'utf8')) as BenchReport;
  assert.equal(json.results[0].samples.length, 3);
  assert.equal(fs.readFileSync(path.join(out, 'r.csv'), 'utf8').trim().split('\r\n').length, 1 + 6);
  assert.match(fs.readFileSync(path.join(out, 'r.md'), 'utf8'), /\| `cache:warm` \|/);
  assert.equal(treeDigest(root), before);

  if (!CHROMIUM) {
    t.skip('chromium not installed (apt-get install -y chromium): the HTML report was not rendered');
    return;
  }
  const dom = chromium(['--dump-dom', `file://${path.join(out, 'r.html')}`]);
  const total = Number(/data-charts-drawn="(\d+)"/.exec(dom)?.[1] ?? -1);
  const perChart = [...dom.matchAll(/<svg[^>]*class="chart"[^>]*data-drawn="(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(perChart.length >= 3, `time, memory and timeline charts rendered (${perChart.length})`);
  assert.ok(perChart.every((n) => n > 0), `every chart has drawn shapes: ${perChart.join(', ')}`);
  // 2 time bars + 2 whiskers + 2 memory bars + 2 whiskers + timeline paths.
  assert.ok(total >= 8, `shapes with a non-zero box: ${total}`);
  chromium([`--screenshot=${path.join(out, 'r.png')}`, `file://${path.join(out, 'r.html')}`]);
  assert.ok(fs.statSync(path.join(out, 'r.png')).size > 20_000, 'a screenshot with content');
});

test('sonde bench --suite writes the scaling curves, and Chromium draws them', (t) => {
  const out = tempDir();
  const r = sonde(['bench', '--suite', '--sizes', 'small,medium', '-s', 'sequential,cache:warm', '--runs', '2', '--warmup', '0',
    '--export-json', 's.json', '--export-html', 's.html', '-q'], out);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(fs.readFileSync(path.join(out, 's.json'), 'utf8')) as BenchReport;
  assert.deepEqual(json.suite?.sizes.map((size) => size.size), ['small', 'medium']);
  assert.equal(json.suite?.scaling.length, 2);
  assert.match(r.stdout, /Scaling/);
  if (!CHROMIUM) {
    t.skip('chromium not installed (apt-get install -y chromium): the HTML report was not rendered');
    return;
  }
  const dom = chromium(['--dump-dom', `file://${path.join(out, 's.html')}`]);
  assert.match(dom, /Scaling: median wall time vs project size/);
  const perChart = [...dom.matchAll(/<svg[^>]*class="chart"[^>]*data-drawn="(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(perChart.length >= 5, `strategy, memory, timeline and both scaling charts rendered (${perChart.length})`);
  assert.ok(perChart.every((n) => n > 0), `every chart has drawn shapes: ${perChart.join(', ')}`);
});

test('--compare exits 1 on a significant regression and 0 against itself', () => {
  const root = makeTinyTree();
  const baselines = tempDir();
  const base = ['bench', root, '-s', 'sequential', '--runs', '3', '--warmup', '0', '--baseline-dir', baselines, '-q'];
  const saved = sonde([...base, '--save-baseline', 'now'], root);
  assert.equal(saved.status, 0, saved.stderr);
  const file = path.join(baselines, 'now.json');
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchReport;
  // A baseline 3× faster than anything this machine measures: the current run must read as a regression.
  const fast = { ...report, results: report.results.map((r) => ({ ...r, samples: r.samples.map((s) => ({ ...s, wallMs: s.wallMs / 3 })) })) };
  fs.writeFileSync(path.join(baselines, 'fast.json'), JSON.stringify(fast));
  const regressed = sonde([...base, '--compare', 'fast'], root);
  assert.equal(regressed.status, 1, regressed.stdout + regressed.stderr);
  assert.match(regressed.stdout, /sequential .* regressed/);
  assert.match(regressed.stdout, /REGRESSION: sequential slower beyond 5%/);
  const same = sonde([...base, '--compare', 'now', '--regression-threshold', '1000'], root);
  assert.equal(same.status, 0, same.stdout + same.stderr);
  assert.equal(fs.existsSync(path.join(root, '.sonde')), false, 'with --baseline-dir nothing is written into the tree');
});
