/** Test helpers: tiny real trees in temp dirs and BenchReports built from known samples. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildStrategyResult, compareWithReference } from '../../src/bench/results/analyze.js';
import { recommend } from '../../src/bench/results/recommend.js';
import { BENCH_SCHEMA_VERSION, type BenchReport, type BenchSample, type StrategyResult, type SuiteReport } from '../../src/bench/types.js';
import { makeTempDir } from '../helpers/temp-tree.js';

/** A temporary directory, removed when the test process exits. */
export function tempDir(prefix = 'sonde-bench-test-'): string {
  return makeTempDir(prefix);
}

/** A small real TS project (a few files, an import cycle, a .gitignore). */
export function makeTinyTree(): string {
  const root = tempDir('sonde-bench-tree-');
  const files: Record<string, string> = {
    'package.json': '{ "name": "tiny", "version": "1.0.0" }\n',
    '.gitignore': 'dist/\n',
    'src/a.ts': "import { b } from './b';\nexport function a(x: number): number {\n  if (x > 1) return b(x - 1);\n  return x;\n}\n",
    'src/b.ts': "import { a } from './a';\nexport function b(x: number): number {\n  return x > 0 ? a(x) : 0; // TODO: tidy\n}\n",
    'src/c.tsx': 'export const C = (p: { n: number }) => <div>{p.n && p.n > 2 ? "big" : "small"}</div>;\n',
    'src/util/d.js': 'export function d(list) {\n  for (const x of list) {\n    if (x) { console.log(x); }\n  }\n}\n',
    'src/util/e.ts': '/* comment */\nexport const e = 1;\n\nexport class E {\n  m(): number { return e ?? 2; }\n}\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Hash of every path, mode and byte under root: equal hashes = an untouched tree. */
export function treeDigest(root: string): string {
  const h = createHash('sha256');
  const walk = (rel: string): void => {
    const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const child = path.join(rel, e.name);
      const st = fs.lstatSync(path.join(root, child));
      h.update(`${child}\0${st.mode}\0${st.mtimeMs}\0`);
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) h.update(fs.readFileSync(path.join(root, child)));
    }
  };
  walk('');
  return h.digest('hex');
}

/** Samples with the given wall times and otherwise plausible fields. */
export function samples(walls: readonly number[], extra: Partial<BenchSample> = {}): BenchSample[] {
  return walls.map((wallMs, i) => ({
    run: i + 1,
    wallMs,
    scanMs: wallMs * 0.6,
    peakRssBytes: 100 * 1024 * 1024 + i * 1024 * 1024,
    cpuUserMs: wallMs * 0.9,
    cpuSystemMs: wallMs * 0.1,
    processCpuMs: wallMs * 1.1,
    cacheHits: 0,
    cacheMisses: 0,
    files: 200,
    lines: 10_000,
    ...extra,
  }));
}

/** A BenchReport from strategy → wall times (the first strategy is the reference). */
export function makeReport(series: Record<string, readonly number[]>, suite: SuiteReport | null = null): BenchReport {
  const results: StrategyResult[] = Object.entries(series).map(([name, walls]) =>
    buildStrategyResult(name, samples(walls, name.startsWith('cache') ? { cacheHits: 190, cacheMisses: 10 } : {}), []),
  );
  const reference = results[0].strategy;
  const comparisons = compareWithReference(results, reference, { alpha: 0.05 });
  return {
    schemaVersion: BENCH_SCHEMA_VERSION,
    kind: 'sonde-bench',
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      totalMemoryBytes: 8 * 1024 ** 3,
      platform: 'linux',
      arch: 'x64',
      nodeVersion: 'v20.20.0',
      toolVersion: '0.1.0',
      gitCommit: '0123456789abcdef0123456789abcdef01234567',
      gitDirty: false,
      date: '2025-01-01T00:00:00.000Z',
    },
    settings: {
      target: '/tmp/project',
      strategies: results.map((r) => r.strategy),
      reference,
      warmupRuns: 1,
      minRuns: 5,
      maxRuns: 50,
      timeBudgetMs: 5000,
      targetRme: null,
      alpha: 0.05,
      seed: 1,
      suite: suite !== null,
      sizes: suite ? suite.sizes.map((s) => s.size) : [],
    },
    results,
    comparisons,
    recommendations: recommend(comparisons, results, reference),
    warnings: results.flatMap((r) => r.warnings),
    suite,
    totalDurationMs: 1234,
  };
}
