/**
 * The measurement loop's plumbing (order, warm-ups, cache files, tree copy)
 * against a stand-in child script that logs its argv: fast and exact. The
 * real CLI is exercised end to end in runner-real.test.ts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { BenchEvent } from '../../../src/bench/events.js';
import { measureStrategies, plannedRuns } from '../../../src/bench/run/measure.js';
import { parseStrategies } from '../../../src/bench/strategy.js';
import { createWorkspace } from '../../../src/bench/run/workspace.js';
import { makeTinyTree, tempDir, treeDigest } from '../helpers.js';

/** A child that behaves like `sonde scan --format json`: a cache file = hits, else misses; logs argv. */
function fakeBin(dir: string, options: { failStrategy?: string } = {}): { bin: string; log: string } {
  const log = path.join(dir, 'argv.log');
  const bin = path.join(dir, 'fake-sonde.mjs');
  fs.writeFileSync(
    bin,
    `import fs from 'node:fs';
const argv = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(argv) + '\\n');
fs.appendFileSync(${JSON.stringify(log)} + '.home', JSON.stringify([argv, process.env.XDG_CACHE_HOME ?? null, process.env.SONDE_CACHE_LOCATION ?? null]) + '\\n');
const at = argv.indexOf('--cache-location');
const cache = at >= 0 ? argv[at + 1] : null;
const warm = cache !== null && fs.existsSync(cache);
if (cache && !warm) fs.writeFileSync(cache, 'primed');
if (${JSON.stringify(options.failStrategy ?? '')} === argv[argv.indexOf('--parallel') + 1]) { console.error('worker exploded'); process.exit(2); }
const files = 5;
process.stdout.write(JSON.stringify({ summary: { files, lines: 50, durationMs: 12, peakRssBytes: 50e6,
  cache: { enabled: !!cache, hits: warm ? files : 0, misses: warm || !cache ? 0 : files } },
  profile: { cpuUserMs: 30, cpuSystemMs: 5, samples: [{ t: 0, rss: 40e6 }, { t: 10, rss: 50e6 }] } }));
process.exitCode = 1; // findings: still a valid sample
`,
  );
  return { bin, log };
}

const SETTINGS = { warmupRuns: 1, minRuns: 3, maxRuns: 3, timeBudgetMs: 0, targetRme: null, seed: 1 };

test('runs count as hyperfine: max(min, budget ÷ first), capped; target RME lifts the budget cap', () => {
  const s = { minRuns: 5, maxRuns: 50, timeBudgetMs: 10_000, targetRme: null };
  assert.equal(plannedRuns(1000, s), 10);
  assert.equal(plannedRuns(5000, s), 5);
  assert.equal(plannedRuns(10, s), 50);
  assert.equal(plannedRuns(1000, { ...s, targetRme: 0.02 }), 50);
});

test('warm-ups first, then strategies round-robin; warm-ups discarded; caches primed and isolated', async () => {
  const root = makeTinyTree();
  const before = treeDigest(root);
  const { bin, log } = fakeBin(tempDir());
  const specs = parseStrategies('sequential,parallel:2,cache:cold,cache:warm,cache:partial:40', 2);
  const events: BenchEvent[] = [];
  const ws = createWorkspace();
  try {
    const results = await measureStrategies(root, specs, { ...SETTINGS, warmupRuns: 0, bin }, ws, (e) => events.push(e));
    const order = events.filter((e) => e.type === 'run:start').map((e) => `${e.strategy}${e.warmup ? ' w' : ''}`);
    assert.deepEqual(order, [
      'cache:warm w', 'cache:partial:40 w', // primed even with --warmup 0
      ...Array.from({ length: 3 }, () => ['sequential', 'parallel:2', 'cache:cold', 'cache:warm', 'cache:partial:40']).flat(),
    ]);
    assert.deepEqual(results.map((r) => r.samples.length), [3, 3, 3, 3, 3]);
    const argv = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);
    const cacheOf = (a: string[]) => a[a.indexOf('--cache-location') + 1];
    const cold = argv.filter((a) => a.includes('--cache') && a[1] === root && !cacheOf(a).includes('warm'));
    assert.equal(new Set(cold.map(cacheOf)).size, 3, 'a fresh cache file per cold run');
    // The private cache folder (code cache): fresh per cold run, one per other strategy, never the user's.
    const homes = fs.readFileSync(`${log}.home`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as [string[], string | null, string | null]);
    const homesOf = (pred: (a: string[]) => boolean) => homes.filter(([a]) => pred(a)).map(([, h]) => h);
    const coldHomes = homesOf((a) => a.includes('--cache') && a[1] === root && !cacheOf(a).includes('warm'));
    assert.equal(new Set(coldHomes).size, 3, 'a fresh private cache folder per cold run');
    assert.equal(new Set(homesOf((a) => cacheOf(a)?.includes('cache-warm') ?? false)).size, 1, 'cache:warm keeps its own');
    assert.ok(homes.every(([, h]) => h !== null && h.startsWith(ws.dir) && h !== process.env.XDG_CACHE_HOME), 'never the user folder');
    assert.ok(homes.every(([, , l]) => l === null), 'SONDE_CACHE_LOCATION is not passed on');
    assert.equal(results[2].cacheHitRate, 0);
    assert.equal(results[3].cacheHitRate, 1, 'warm runs only hit');
    const partialTargets = new Set(argv.filter((a) => cacheOf(a)?.includes('partial')).map((a) => a[1]));
    assert.equal(partialTargets.size, 1);
    assert.notEqual([...partialTargets][0], root, 'cache:partial scans a copy');
    assert.deepEqual(argv[2].slice(0, 5), ['scan', root, '--format', 'json', '--no-ui']);
    assert.equal(results[0].cpuUtilization > 0, true);
    assert.equal(results[0].memoryTimeline?.length, 2);
  } finally {
    ws.dispose();
  }
  assert.equal(treeDigest(root), before, 'the tree is byte-identical');
});

test('a failing strategy is reported, retried at most 3 times, and does not stop the others', async () => {
  const { bin } = fakeBin(tempDir(), { failStrategy: '2' });
  const events: BenchEvent[] = [];
  const ws = createWorkspace();
  try {
    const results = await measureStrategies(makeTinyTree(), parseStrategies('sequential,parallel:2', 2), { ...SETTINGS, minRuns: 5, maxRuns: 5, bin }, ws, (e) => events.push(e));
    assert.equal(results[0].samples.length, 5);
    assert.equal(results[1].samples.length, 0);
    assert.equal(results[1].failures.length, 3);
    assert.match(results[1].failures[0].error, /exited with code 2: worker exploded/);
    assert.ok(events.some((e) => e.type === 'run:done' && e.error !== undefined));
  } finally {
    ws.dispose();
  }
});

test('an aborted signal stops the loop with an ABORTED error', async () => {
  const { bin } = fakeBin(tempDir());
  const ctrl = new AbortController();
  ctrl.abort();
  const ws = createWorkspace();
  try {
    await assert.rejects(
      measureStrategies(makeTinyTree(), parseStrategies('sequential', 2), { ...SETTINGS, bin }, ws, () => {}, ctrl.signal),
      (e: unknown) => (e as { code?: string }).code === 'ABORTED',
    );
  } finally {
    ws.dispose();
  }
});
