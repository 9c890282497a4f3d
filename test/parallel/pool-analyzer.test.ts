import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import type { AnalysisOutcome, SourceInput } from '../../src/analysis/analyzer.js';
import { ScanAbortedError } from '../../src/errors.js';
import { createPoolAnalyzer } from '../../src/parallel/pool-analyzer.js';

const STAND_IN = new URL('./stand-ins/marker-analysis.js', import.meta.url);
const CODE_CACHE_STAND_IN = new URL('./stand-ins/code-cache-analysis.js', import.meta.url);

function inputs(count: number, special: Record<number, string> = {}): SourceInput[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/f${String(i).padStart(4, '0')}.ts`,
    text: special[i] ?? `export const x${i} = ${i};\n`.repeat(1 + (i % 7) * 200),
  }));
}

async function collect(
  files: SourceInput[],
  workers: number,
  extra: Parameters<typeof createPoolAnalyzer>[1] = {},
): Promise<{ outcomes: Map<string, AnalysisOutcome>; ids: Set<number>; stats: ReturnType<ReturnType<typeof createPoolAnalyzer>['stats']> }> {
  const analyzer = createPoolAnalyzer(workers, { analysisModule: STAND_IN, ...extra });
  const outcomes = new Map<string, AnalysisOutcome>();
  const ids = new Set<number>();
  try {
    const started = performance.now();
    await analyzer.analyze(files, DEFAULT_ANALYSIS_OPTIONS, (outcome, id) => {
      assert.equal(outcomes.has(outcome.path), false, `${outcome.path} delivered twice`);
      outcomes.set(outcome.path, outcome);
      ids.add(id);
    });
    return { outcomes, ids, stats: analyzer.stats(performance.now() - started) };
  } finally {
    await analyzer.close();
  }
}

describe('createPoolAnalyzer', () => {
  it('delivers exactly one outcome per file, with facts, from two workers', async () => {
    const files = inputs(300);
    const { outcomes, stats } = await collect(files, 2);
    assert.equal(outcomes.size, 300);
    for (const file of files) {
      const outcome = outcomes.get(file.path);
      assert.ok(outcome?.ok);
      assert.equal(outcome.facts.lines, file.text.split('\n').length);
    }
    assert.equal(stats.length, 2);
    assert.equal(stats.reduce((sum, s) => sum + s.files, 0), 300);
    for (const s of stats) {
      assert.ok(s.tasks > 0 && s.busyMs > 0 && s.heapUsedBytes > 0, JSON.stringify(s));
      assert.ok(s.utilization > 0 && s.utilization <= 1, `utilization ${s.utilization}`);
    }
  });

  it('turns an exception on one file into that file’s analysis-failed error', async () => {
    const { outcomes } = await collect(inputs(20, { 7: 'THROW' }), 1);
    const bad = outcomes.get('src/f0007.ts');
    assert.deepEqual(bad, { ok: false, path: 'src/f0007.ts', error: { code: 'analysis-failed', message: 'Analysis failed: cannot analyze src/f0007.ts' } });
    assert.equal([...outcomes.values()].filter((o) => o.ok).length, 19);
  });

  it('retries the batch of a worker that exits, marking only the culprit worker-crashed', async () => {
    const { outcomes } = await collect(inputs(60, { 13: 'EXIT' }), 2);
    assert.equal(outcomes.size, 60);
    const bad = outcomes.get('src/f0013.ts');
    assert.equal(bad?.ok, false);
    assert.equal(!bad.ok && bad.error.code, 'worker-crashed');
    assert.equal([...outcomes.values()].filter((o) => o.ok).length, 59);
  });

  it('survives a worker killed by its resourceLimits', async () => {
    const { outcomes } = await collect(inputs(30, { 4: 'OOM' }), 1, { resourceLimits: { maxOldGenerationSizeMb: 48 } });
    const bad = outcomes.get('src/f0004.ts');
    assert.equal(!bad?.ok && bad?.error.code, 'worker-crashed');
    assert.equal([...outcomes.values()].filter((o) => o.ok).length, 29);
  });

  it('rejects with ScanAbortedError and stops when the signal aborts', async () => {
    const analyzer = createPoolAnalyzer(2, { analysisModule: STAND_IN });
    const controller = new AbortController();
    let delivered = 0;
    const files = inputs(2000);
    const run = analyzer.analyze(files, DEFAULT_ANALYSIS_OPTIONS, () => {
      delivered += 1;
      if (delivered === 1) controller.abort();
    }, controller.signal);
    await assert.rejects(run, ScanAbortedError);
    assert.ok(delivered < files.length, `delivered ${delivered}`);
    await analyzer.close();
  });

  it('answers a no-op ping', async () => {
    const analyzer = createPoolAnalyzer(1, { analysisModule: STAND_IN });
    try {
      const ms = await analyzer.ping();
      assert.ok(ms >= 0 && ms < 5000);
    } finally {
      await analyzer.close();
    }
  });

  it('after an analysis, one worker saves the code cache, once, and close() waits for it', async () => {
    const codeCacheDir = mkdtempSync(path.join(os.tmpdir(), 'sonde-pool-code-cache-'));
    try {
      const analyzer = createPoolAnalyzer(2, { analysisModule: CODE_CACHE_STAND_IN, codeCacheDir });
      try {
        await analyzer.analyze(inputs(100), DEFAULT_ANALYSIS_OPTIONS, () => {});
        await analyzer.analyze(inputs(10), DEFAULT_ANALYSIS_OPTIONS, () => {});
      } finally {
        await analyzer.close();
      }
      assert.equal(readdirSync(codeCacheDir).filter((name) => name.startsWith('saved-')).length, 1);
    } finally {
      rmSync(codeCacheDir, { recursive: true, force: true });
    }
  });

  it('without a code-cache folder, asks no worker to save one', async () => {
    const probe = mkdtempSync(path.join(os.tmpdir(), 'sonde-pool-probe-'));
    process.env.SONDE_STAND_IN_PROBE_DIR = probe;
    try {
      const { outcomes } = await collect(inputs(20), 2, { analysisModule: CODE_CACHE_STAND_IN });
      assert.equal(outcomes.size, 20);
      assert.deepEqual(readdirSync(probe), []);
    } finally {
      delete process.env.SONDE_STAND_IN_PROBE_DIR;
      rmSync(probe, { recursive: true, force: true });
    }
  });
});

