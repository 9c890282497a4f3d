/**
 * End to end: `sonde bench` as a user runs it (spawned bin, NO_COLOR), all
 * exports and a baseline written, and the HTML report rendered in headless
 * Chromium (skipped outside CI when Chromium is missing). The --compare
 * verdict is checked with injected measurements, so it never hangs on timing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBenchCommand } from '../../src/cli/commands/bench.js';
import type { BenchReport } from '../../src/bench/types.js';
import { generateProject } from '../../src/generate/index.js';
import { makeReport, makeTinyTree, tempDir, treeDigest } from '../bench/helpers.js';
import { fakeIO } from '../helpers/fake-io.js';
import { launchChromium, type ChromiumPage } from '../helpers/chromium-page.js';
import { requireProgram } from '../helpers/require-program.js';
import { removeTree } from '../helpers/temp-tree.js';

const BIN = fileURLToPath(new URL('../../../bin/sonde.js', import.meta.url));
const noChromium = requireProgram('chromium');

function sonde(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 });
}

/**
 * One headless Chromium for the file's pages, started on first use (a start
 * costs more than a page; this file used to start three).
 */
let browser: Promise<ChromiumPage> | undefined;
after(async () => {
  if (browser) await (await browser).close();
});

/** The DOM of `file` once its load event has fired (as `chromium --dump-dom` prints it); `screenshot` also saves a PNG. */
async function render(file: string, screenshot?: string): Promise<string> {
  const page = await (browser ??= launchChromium(1280, 2200));
  await page.open(pathToFileURL(file).href);
  assert.deepEqual(page.problems, [], 'no console error, exception or CSP violation');
  if (screenshot) await page.screenshot(screenshot);
  return page.evaluate<string>('document.documentElement.outerHTML');
}

describe('sonde bench on a tiny tree', () => {
  let root: string;
  let out: string;
  let digestBefore: string;
  let r: ReturnType<typeof sonde>;
  before(() => {
    root = makeTinyTree();
    out = tempDir();
    digestBefore = treeDigest(root);
    r = sonde(['bench', root, '-s', 'sequential,cache:warm', '--runs', '3', '--warmup', '0',
      '--export-json', 'r.json', '--export-csv', 'r.csv', '--export-markdown', 'r.md', '--export-html', 'r.html',
      '--baseline-dir', 'baselines', '--save-baseline', 'now'], out);
  });
  after(() => {
    removeTree(root);
    removeTree(out);
  });

  it('writes every export and a baseline, and leaves the tree untouched', () => {
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Benchmark: sequential {2}\(3 runs/);
    assert.match(r.stdout, /Time \(mean ± σ\):/);
    assert.match(r.stdout, /cache:warm vs sequential: [\d.]+× (faster|slower) /);
    assert.match(r.stderr, /sequential run 3: /);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'r.json'), 'utf8')) as BenchReport;
    assert.equal(json.results[0].samples.length, 3);
    assert.equal(fs.readFileSync(path.join(out, 'r.csv'), 'utf8').trim().split('\r\n').length, 1 + 6);
    assert.match(fs.readFileSync(path.join(out, 'r.md'), 'utf8'), /\| `cache:warm` \|/);
    const baseline = JSON.parse(fs.readFileSync(path.join(out, 'baselines', 'now.json'), 'utf8')) as BenchReport;
    assert.equal(baseline.results[0].samples.length, 3);
    assert.equal(treeDigest(root), digestBefore);
    assert.equal(fs.existsSync(path.join(root, '.sonde')), false, 'with --baseline-dir nothing is written into the tree');
  });

  it('the HTML report draws its charts in Chromium', { skip: noChromium }, async () => {
    const dom = await render(path.join(out, 'r.html'), path.join(out, 'r.png'));
    const total = Number(/data-charts-drawn="(\d+)"/.exec(dom)?.[1] ?? -1);
    const perChart = [...dom.matchAll(/<svg[^>]*class="chart"[^>]*data-drawn="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(perChart.length >= 3, `time, memory and timeline charts rendered (${perChart.length})`);
    assert.ok(perChart.every((n) => n > 0), `every chart has drawn shapes: ${perChart.join(', ')}`);
    // 2 time bars + 2 whiskers + 2 memory bars + 2 whiskers + timeline paths.
    assert.ok(total >= 8, `shapes with a non-zero box: ${total}`);
    assert.ok(fs.statSync(path.join(out, 'r.png')).size > 20_000, 'a screenshot with content');
  });
});

test('sonde bench --suite writes the scaling curves, and Chromium draws them', { skip: noChromium }, async (t) => {
  const out = tempDir();
  t.after(() => removeTree(out));
  // Tiny projects in --suite-dir (reused when complete), so the suite measures seconds, not minutes.
  const suiteDir = path.join(out, 'suite');
  for (const [size, files] of [['small', 6], ['medium', 24]] as const) {
    const dir = path.join(suiteDir, `${size}-seed42`);
    generateProject({ size: files, seed: 42, outDir: dir });
    fs.writeFileSync(path.join(dir, '.sonde-suite-complete'), '');
  }
  const r = sonde(['bench', '--suite', '--sizes', 'small,medium', '--suite-dir', suiteDir, '-s', 'sequential,cache:warm', '--runs', '2',
    '--warmup', '0', '--export-json', 's.json', '--export-html', 's.html', '-q'], out);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(fs.readFileSync(path.join(out, 's.json'), 'utf8')) as BenchReport;
  assert.deepEqual(json.suite?.sizes.map((size) => [size.size, size.files]), [['small', 6], ['medium', 24]]);
  assert.equal(json.suite?.scaling.length, 2);
  assert.match(r.stdout, /Scaling/);
  const dom = await render(path.join(out, 's.html'));
  assert.match(dom, /Scaling: median wall time vs project size/);
  const perChart = [...dom.matchAll(/<svg[^>]*class="chart"[^>]*data-drawn="(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(perChart.length >= 5, `strategy, memory, timeline and both scaling charts rendered (${perChart.length})`);
  assert.ok(perChart.every((n) => n > 0), `every chart has drawn shapes: ${perChart.join(', ')}`);
});

test('--compare exits 1 on a significant regression and 0 against itself', async (t) => {
  const root = makeTinyTree();
  t.after(() => removeTree(root));
  const baselines = path.join(root, 'baselines');
  fs.mkdirSync(baselines);
  // Injected measurements: the current run is twice as slow as "fast", with little noise; the verdict is certain.
  const current = makeReport({ sequential: [200, 202, 198, 201, 199, 200] });
  fs.writeFileSync(path.join(baselines, 'fast.json'), JSON.stringify(makeReport({ sequential: [100, 101, 99, 100, 102, 98] })));
  fs.writeFileSync(path.join(baselines, 'now.json'), JSON.stringify(current));
  const bench = createBenchCommand({ runBench: async () => current });
  const args = ['.', '-s', 'sequential', '--baseline-dir', baselines, '-q'];

  const regressed = fakeIO({ cwd: root });
  assert.equal(await bench([...args, '--compare', 'fast'], regressed.io), 1, regressed.stdout + regressed.stderr);
  assert.match(regressed.stdout, /sequential .* regressed/);
  assert.match(regressed.stdout, /REGRESSION: sequential slower beyond 5%/);

  const same = fakeIO({ cwd: root });
  assert.equal(await bench([...args, '--compare', 'now'], same.io), 0, same.stdout + same.stderr);
  assert.doesNotMatch(same.stdout, /REGRESSION/);
});
