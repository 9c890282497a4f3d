/**
 * The tune loop driven by a stand-in scan and a stand-in clock: each "run"
 * advances the clock by a fixed time per setting, so budgets, rounds and the
 * race are checked without timing anything.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { runChildScan } from '../../../src/bench/run/child-run.js';
import { measureTune, type TuneEvent } from '../../../src/bench/tune/measure.js';

/** A scan whose wall time depends on its flags: --parallel N and whether it uses a cache. */
function standIn(times: { sequential: number; parallel: Record<number, number>; warm: number; cold: number }, fail: (args: readonly string[]) => boolean = () => false) {
  let clock = 0;
  let calls = 0;
  const seen: string[][] = [];
  let cacheFilled = false;
  const runScan: typeof runChildScan = async ({ args }) => {
    seen.push([...args]);
    calls += 1;
    if (fail(args)) throw new Error('the scan exited with code 2: boom');
    const workers = Number(args[args.indexOf('--parallel') + 1]);
    const cached = args.includes('--cache');
    // ±1% alternating jitter keeps the series from being constant.
    const jitter = 1 + ((calls % 3) - 1) * 0.01;
    const base = cached ? (cacheFilled ? times.warm : times.cold) : workers === 0 ? times.sequential : times.parallel[workers]!;
    if (cached) cacheFilled = true;
    const wallMs = base * jitter;
    clock += wallMs;
    return {
      wallMs,
      scanMs: wallMs * 0.8,
      peakRssBytes: (100 + workers * 50) * 1024 * 1024,
      cpuUserMs: 0,
      cpuSystemMs: 0,
      processCpuMs: 0,
      cacheHits: 0,
      cacheMisses: 0,
      files: 12,
      lines: 340,
      timeline: [],
    };
  };
  return { runScan, now: () => clock, seen };
}

describe('sonde tune: the measuring loop', () => {
  it('fills the cache first, then runs rounds in a rotating order until the budget', async () => {
    const s = standIn({ sequential: 1000, parallel: { 2: 1000 }, warm: 1000, cold: 1000 });
    const result = await measureTune({ target: '/tree', workers: [0, 2], budgetMs: 10_000, runScan: s.runScan, now: s.now });
    // 1 s for the fill, then 3 s a round: the fourth round would end at 13 s.
    assert.equal(result.rounds, 3);
    assert.deepEqual(result.arms.map((a) => [a.name, a.samples.length]), [['sequential', 3], ['parallel:2', 3], ['cache:warm', 3]]);
    assert.ok(result.coldRun);
    const order = s.seen.map((args) => (args.includes('--cache') ? 'warm' : args[args.indexOf('--parallel') + 1]));
    assert.deepEqual(order, ['warm', '0', '2', 'warm', '2', 'warm', '0', 'warm', '0', '2']);
    assert.ok(s.seen.every((args) => args.includes('--cache') !== args.includes('--no-cache')), 'every run says whether it uses the cache');
  });

  it('gives every setting one run even when the budget is smaller than one round', async () => {
    const s = standIn({ sequential: 5000, parallel: { 2: 4000, 4: 4500 }, warm: 800, cold: 6000 });
    const result = await measureTune({ target: '/tree', workers: [0, 2, 4], budgetMs: 1000, runScan: s.runScan, now: s.now });
    assert.equal(result.rounds, 1);
    assert.deepEqual(result.arms.map((a) => a.samples.length), [1, 1, 1, 1]);
  });

  it('a worker count significantly slower than the best leaves the race, and the budget goes to the rest', async () => {
    const events: TuneEvent[] = [];
    const s = standIn({ sequential: 1000, parallel: { 2: 600, 4: 2000 }, warm: 200, cold: 1200 });
    const result = await measureTune({ target: '/tree', workers: [0, 2, 4], budgetMs: 30_000, runScan: s.runScan, now: s.now, onEvent: (e) => events.push(e) });
    const byName = new Map(result.arms.map((a) => [a.name, a]));
    assert.match(byName.get('parallel:4')?.dropped ?? '', /significantly slower than parallel:2 after 3 runs/);
    assert.match(byName.get('sequential')?.dropped ?? '', /significantly slower than parallel:2/);
    assert.equal(byName.get('parallel:4')?.samples.length, 3);
    assert.ok(byName.get('parallel:2')!.samples.length > 10, 'the survivor keeps running');
    assert.equal(byName.get('cache:warm')?.dropped, undefined, 'the cache is never raced against the pools');
    assert.ok(events.some((e) => e.type === 'drop' && e.arm === 'parallel:4'));
    assert.ok(result.rounds <= 30);
  });

  it('a setting whose runs fail leaves the race with the reason; the others go on', async () => {
    const s = standIn({ sequential: 1000, parallel: { 2: 900 }, warm: 300, cold: 1000 }, (args) => args.includes('2'));
    const result = await measureTune({ target: '/tree', workers: [0, 2], budgetMs: 8000, runScan: s.runScan, now: s.now });
    const failed = result.arms.find((a) => a.name === 'parallel:2')!;
    assert.equal(failed.samples.length, 0);
    assert.match(failed.dropped ?? '', /every run failed: the scan exited with code 2: boom/);
    assert.ok(result.arms.find((a) => a.name === 'sequential')!.samples.length >= 3);
  });

  it('stops after a round in which every run failed (an empty tree fails the same way again)', async () => {
    const s = standIn({ sequential: 1000, parallel: { 2: 900 }, warm: 300, cold: 1000 }, () => true);
    const result = await measureTune({ target: '/tree', workers: [0, 2], budgetMs: 60_000, runScan: s.runScan, now: s.now });
    assert.equal(result.rounds, 1);
    assert.equal(s.seen.length, 4, 'the cache fill and one round');
    assert.equal(result.coldRun, null);
  });
});
