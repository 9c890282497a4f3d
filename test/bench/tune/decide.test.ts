import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planMemory } from '../../../src/config/memory-budget.js';
import { MEMORY_HEADROOM, recommendSettings } from '../../../src/bench/tune/decide.js';
import { compareTimes } from '../../../src/bench/tune/evidence.js';
import { formatComparison, formatTune } from '../../../src/bench/tune/format.js';
import type { ArmResult, TuneMeasurement, TuneSample } from '../../../src/bench/tune/measure.js';
import { armName, workerCandidates } from '../../../src/bench/tune/plan.js';
import type { TuneReport } from '../../../src/bench/tune/run-tune.js';
import { sizeClassOf } from '../../../src/parallel/tuned-record.js';

const MiB = 1024 * 1024;

function runs(walls: readonly number[], peakMiB = 100): TuneSample[] {
  return walls.map((wallMs) => ({
    wallMs,
    scanMs: wallMs * 0.7,
    peakRssBytes: peakMiB * MiB,
    cpuUserMs: 0,
    cpuSystemMs: 0,
    processCpuMs: 0,
    cacheHits: 0,
    cacheMisses: 0,
    files: 1255,
    lines: 59_637,
  }));
}

const arm = (workers: number | null, walls: readonly number[], peakMiB?: number): ArmResult => ({
  name: workers === null ? 'cache:warm' : armName(workers),
  workers,
  samples: runs(walls, peakMiB),
  failures: [],
});

function measured(arms: readonly ArmResult[], cold: number | null = 2100): TuneMeasurement {
  return { arms, coldRun: cold === null ? null : runs([cold], 150)[0]!, rounds: Math.max(...arms.map((a) => a.samples.length)), elapsedMs: 30_000 };
}

// Tight, clearly separated series (about 1% spread), so verdicts do not hinge on the bootstrap.
const around = (ms: number, n = 6) => Array.from({ length: n }, (_, i) => ms * (1 + ((i % 3) - 1) * 0.01));

describe('sonde tune: what it measures', () => {
  it('worker counts from 0 to the cores, in powers of two, without 1', () => {
    assert.deepEqual(workerCandidates(1), [0]);
    assert.deepEqual(workerCandidates(2), [0, 2]);
    assert.deepEqual(workerCandidates(6), [0, 2, 4, 6]);
    assert.deepEqual(workerCandidates(16), [0, 2, 4, 8, 16]);
  });

  it('no verdict and no interval below three runs a side', () => {
    assert.deepEqual(compareTimes([1, 2], [3, 4, 5]), { kind: 'too few runs', runs: 2, referenceRuns: 3 });
    const c = compareTimes(around(500), around(1000));
    assert.ok(c.kind === 'compared' && c.verdict === 'faster' && c.low > 1 && c.ratio > 1.9, JSON.stringify(c));
    const noise = compareTimes([1000, 1100, 900, 1050], [1020, 950, 1080, 990]);
    assert.ok(noise.kind === 'compared' && noise.verdict === 'within noise' && noise.low < 1 && noise.high > 1, JSON.stringify(noise));
  });
});

describe('sonde tune: the recommendation', () => {
  it('keeps --parallel 0 and no cache when nothing is significantly faster', () => {
    const r = recommendSettings(measured([arm(0, around(1000)), arm(2, around(1300)), arm(null, [990, 1010, 1000, 1030, 970, 1000])]));
    assert.equal(r.workers.choice, 0);
    assert.match(r.workers.reason, /no worker count was significantly faster/);
    assert.equal(r.cache.choice, false);
    assert.ok(r.cache.comparison?.evidence.kind === 'compared' && r.cache.comparison.evidence.verdict === 'within noise');
  });

  it('picks the fastest significantly faster pool, and a warm cache that is faster than it', () => {
    const r = recommendSettings(measured([arm(0, around(3000)), arm(2, around(2000), 180), arm(4, around(1500), 260), arm(null, around(400), 90)]));
    assert.equal(r.workers.choice, 4);
    assert.deepEqual(r.workers.comparisons.map((c) => [c.candidate, c.reference]), [['parallel:2', 'sequential'], ['parallel:4', 'sequential']]);
    assert.equal(r.cache.choice, true);
    assert.equal(r.cache.comparison?.reference, 'parallel:4', 'the cache is weighed against the chosen worker count');
    assert.equal(r.cache.coldMs, 2100);
  });

  it('prefers the smaller pool when the larger is not significantly faster than it', () => {
    const r = recommendSettings(measured([arm(0, around(3000)), arm(2, [2000, 2100, 1900, 2050, 1950, 2000]), arm(4, [1950, 2080, 1900, 2000, 1990, 2030])]));
    assert.equal(r.workers.choice, 2);
    assert.match(r.workers.reason, /parallel:4 not significantly faster/);
    assert.deepEqual(r.workers.comparisons.at(-1)?.candidate, 'parallel:4');
    assert.deepEqual(r.workers.comparisons.at(-1)?.reference, 'parallel:2');
  });

  it('too few runs keep the simpler settings, and say so', () => {
    const r = recommendSettings(measured([arm(0, [3000]), arm(2, [1000]), arm(null, [100])]));
    assert.equal(r.workers.choice, 0);
    assert.equal(r.cache.choice, false);
    assert.equal(r.workers.comparisons[0]?.evidence.kind, 'too few runs');
    assert.match(r.cache.reason, /too few runs/);
  });

  it('the memory budget is the highest peak of the chosen settings with headroom, rounded up to 64 MiB', () => {
    const r = recommendSettings(measured([arm(0, around(3000), 120), arm(2, around(2000), 300), arm(null, around(400), 90)]));
    assert.equal(r.workers.choice, 2);
    assert.equal(r.cache.choice, true);
    assert.equal(r.memory.peakRssBytes, 300 * MiB, 'the pool peaks above the cold (150) and warm (90) runs');
    assert.equal(r.memory.budgetBytes, Math.ceil((300 * MEMORY_HEADROOM) / 64) * 64 * MiB);
    assert.equal(r.memory.runs, 6 + 6 + 1);
  });

  it('the memory budget always lets the scan keep the chosen workers', () => {
    const r = recommendSettings(measured([arm(0, around(3000), 90), arm(4, around(1000), 110)], null));
    assert.equal(r.workers.choice, 4);
    assert.ok(r.memory.budgetBytes! > 110 * MEMORY_HEADROOM * MiB, 'more than the peak with headroom');
    assert.equal(r.memory.budgetBytes! % (64 * MiB), 0);
    assert.ok(planMemory(r.memory.budgetBytes!, 1255).maxWorkers >= 4, `${r.memory.budgetBytes! / MiB} MiB`);
  });

  it('prints every comparison with its interval, and each choice with its reason', () => {
    const measurement = measured([arm(0, around(3000)), arm(2, around(2000)), arm(null, [400, 410])]);
    const report: TuneReport = {
      target: '/repo/\u001b[31mred',
      machine: { cpuModel: 'Test CPU', cores: 2, totalMemoryBytes: 8 * 1024 * MiB },
      files: 1255,
      lines: 59_637,
      sizeClass: sizeClassOf(1255),
      budgetMs: 60_000,
      measurement,
      recommendation: recommendSettings(measurement),
    };
    const text = formatTune(report);
    assert.match(text, /1,255 files, 59,637 lines \(1,000–2,999 files\)/);
    assert.match(text, /workers: --parallel 2\n {2}parallel:2 vs sequential: 1\.\d+× faster \(95% CI 1\.\d+–1\.\d+\)/);
    assert.match(text, /cache: off\n {2}cache:warm vs parallel:2: too few runs \(2 and 6\) for a verdict/);
    assert.match(text, /first scan, which fills an empty cache: 2\.10 s/);
    assert.ok(!text.includes('\u001b'), 'the path is escaped');
    const slower = formatComparison({ candidate: 'parallel:2', reference: 'sequential', evidence: compareTimes(around(2000), around(1000)) });
    assert.match(slower, /parallel:2 vs sequential: 2\.\d+× slower \(95% CI (\d\.\d+)–(\d\.\d+)× slower\)/);
    const [, low, high] = /CI (\d\.\d+)–(\d\.\d+)× slower/.exec(slower)!;
    assert.ok(Number(low) > 1 && Number(low) < Number(high), slower);
  });
});
