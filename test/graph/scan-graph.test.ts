/**
 * The cross-file pass through the full pipeline, scan(), with the real
 * per-file analysis: the fixtures' expected tables, and freshness — a change
 * in one file changes cross-file results about files served from the cache.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createScanOptions, scan } from '../../src/index.js';
import { defaultRulesConfig } from '../../src/rules/index.js';
import type { RulesConfig } from '../../src/rules/rule.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');

interface Expected {
  readonly rules: string[];
  readonly entries?: string[];
  readonly cases: { readonly ignoreTypeOnlyCycles: boolean; readonly findings: string[] }[];
}

function onlyRules(ids: readonly string[]): RulesConfig {
  const defaults = defaultRulesConfig();
  return Object.fromEntries(Object.entries(defaults).map(([id, config]) => [id, { ...config, enabled: ids.includes(id) }]));
}

describe('scan() on the graph fixtures', () => {
  for (const name of ['graph-cycles', 'graph-reexports', 'graph-aliases', 'graph-unused']) {
    const root = path.join(FIXTURES, name);
    const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected;
    for (const c of expected.cases) {
      it(`${name}, ignoreTypeOnlyCycles=${c.ignoreTypeOnlyCycles}`, async () => {
        const options = createScanOptions(root, {
          parallel: 0,
          sampleIntervalMs: 0,
          entries: expected.entries ?? [],
          ignoreTypeOnlyCycles: c.ignoreTypeOnlyCycles,
          rules: onlyRules(expected.rules),
        });
        const result = await scan(options);
        assert.deepEqual(result.crossFile.findings.map((f) => `${f.path}:${f.line} ${f.rule} ${f.message}`), c.findings);
      });
    }
  }
});

describe('cross-file results are never stale with a warm cache', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sonde-graph-fresh-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  cpSync(path.join(FIXTURES, 'graph-cycles'), root, { recursive: true });
  const cFile = path.join(root, 'src/c.ts');
  const dagFile = path.join(root, 'src/dag.ts');
  const original = readFileSync(cFile, 'utf8');
  const originalDag = readFileSync(dagFile, 'utf8');
  const run = () =>
    scan(createScanOptions(root, {
      parallel: 0,
      sampleIntervalMs: 0,
      rules: onlyRules(['import-cycle', 'unused-export']),
      cache: { enabled: true, location: path.join(root, '.sonde/cache.sqlite') },
    }));
  const cycles = (r: Awaited<ReturnType<typeof run>>) =>
    r.crossFile.findings.filter((f) => f.rule === 'import-cycle').map((f) => f.message);

  it('drops the cycle and reports the newly unused export when another file changes', async () => {
    const cold = await run();
    assert.ok(cycles(cold).some((m) => m.includes('src/a.ts → src/b.ts → src/c.ts')));
    assert.ok(!cold.crossFile.findings.some((f) => f.rule === 'unused-export' && f.path === 'src/a.ts'));

    // The two importers of a.ts stop importing it; a.ts itself is untouched.
    writeFileSync(cFile, original.replace("import { a } from './a.js';", 'const a = 0;'));
    writeFileSync(dagFile, originalDag.replace("import { a } from './a.js';", 'const a = () => 0;'));
    const warm = await run();
    assert.ok(warm.files.find((f) => f.path === 'src/a.ts')!.cached, 'a.ts comes from the cache');
    assert.ok(!warm.files.find((f) => f.path === 'src/c.ts')!.cached, 'c.ts was re-analyzed');
    assert.ok(!cycles(warm).some((m) => m.includes('src/a.ts → src/b.ts')), cycles(warm).join('\n'));
    const unusedInA = warm.crossFile.findings.filter((f) => f.rule === 'unused-export' && f.path === 'src/a.ts');
    assert.deepEqual(unusedInA.map((f) => `${f.line} ${f.message}`), ["3 'a' is exported but never imported"]);

    writeFileSync(cFile, original);
    writeFileSync(dagFile, originalDag);
    const back = await run();
    assert.ok(back.files.every((f) => f.cached), 'everything from the cache');
    assert.deepEqual(cycles(back), cycles(cold));
  });
});
