import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeCrossFile, type CrossFileOptions } from '../../src/graph/cross-file.js';
import type { FileResult } from '../../src/types.js';
import { exp, file, imp, RULES } from './helpers.js';
import { makeTempDir } from '../helpers/temp-tree.js';

const EMPTY_ROOT = makeTempDir('sonde-graph-');
const options = (over: Partial<CrossFileOptions> = {}): CrossFileOptions => ({
  root: EMPTY_ROOT, entries: [], ignoreTypeOnlyCycles: false, rules: RULES, ...over,
});
const show = (r: { findings: readonly { path?: string; line: number; rule: string; severity: string }[] }) =>
  r.findings.map((f) => `${f.path}:${f.line} ${f.rule} ${f.severity}`);

const cyclic: FileResult[] = [
  file('b.ts', [imp('./a', ['x'], { line: 4 }), imp('./a', ['T'], { line: 2, typeOnly: true })], [exp('y', 7)]),
  file('a.ts', [imp('./b', ['y'], { line: 3 })], [exp('x', 5), exp('T', 6, { typeOnly: true })]),
];

describe('analyzeCrossFile', () => {
  it('reports cycles and unused exports, sorted by path and line, with configured severities', async () => {
    const r = await analyzeCrossFile(cyclic, options());
    assert.deepEqual(show(r), ['a.ts:3 import-cycle warning']);
    const custom = await analyzeCrossFile([...cyclic, file('c.ts', [], [exp('z', 2)])], options({
      rules: { 'import-cycle': { enabled: true, severity: 'error' }, 'unused-export': { enabled: true, severity: 'warning' } },
    }));
    assert.deepEqual(show(custom), ['a.ts:3 import-cycle error', 'c.ts:2 unused-export warning']);
  });

  it('skips disabled rules but still returns the graph', async () => {
    const r = await analyzeCrossFile(cyclic, options({ rules: {} }));
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.graph.edges.map((e) => `${e.from}>${e.to}:${e.specifier}:${e.typeOnly}`), ['a.ts>b.ts:./b:false', 'b.ts>a.ts:./a:false']);
  });

  it('collapses imports into one edge per pair, type-only only when every import is', async () => {
    const types: FileResult[] = [
      file('a.ts', [imp('./b', ['T'], { typeOnly: true }), imp('./b.js', ['U'], { typeOnly: true, line: 2 })], [exp('A', 1, { typeOnly: true })]),
      file('b.ts', [imp('./a', ['A'], { typeOnly: true })], [exp('T'), exp('U')]),
    ];
    const r = await analyzeCrossFile(types, options());
    assert.deepEqual(r.graph.edges.map((e) => `${e.from}>${e.to}:${e.specifier}:${e.typeOnly}`), ['a.ts>b.ts:./b:true', 'b.ts>a.ts:./a:true']);
    assert.deepEqual(show(r), ['a.ts:1 import-cycle warning']);
    assert.deepEqual(show(await analyzeCrossFile(types, options({ ignoreTypeOnlyCycles: true }))), []);
  });

  it('points at the first import of the cycle, a value import when type-only edges are ignored', async () => {
    const files = [
      file('a.ts', [imp('./b', ['T'], { line: 2, typeOnly: true }), imp('./b', ['y'], { line: 4 })], [exp('x')]),
      file('b.ts', [imp('./a', ['x'], { line: 3 })], [exp('y'), exp('T')]),
    ];
    const cyclesOnly = { 'import-cycle': RULES['import-cycle'] };
    assert.deepEqual(show(await analyzeCrossFile(files, options({ rules: cyclesOnly }))), ['a.ts:2 import-cycle warning']);
    const ignoring = await analyzeCrossFile(files, options({ rules: cyclesOnly, ignoreTypeOnlyCycles: true }));
    assert.deepEqual(show(ignoring), ['a.ts:4 import-cycle warning']);
    assert.equal(ignoring.findings[0].message, 'Import cycle: a.ts → b.ts → a.ts');
  });

  it('is independent of the input order', async () => {
    const files = [file('z.ts', [imp('./m', ['q'])]), file('m.ts', [imp('./z')], [exp('q'), exp('r')]), file('k.ts', [imp('react'), imp('./gone')])];
    const a = await analyzeCrossFile(files, options());
    const b = await analyzeCrossFile([...files].reverse(), options());
    assert.deepEqual(a, b);
    assert.deepEqual(a.graph.nodes, ['k.ts', 'm.ts', 'z.ts']);
    assert.deepEqual(a.graph.external, [{ from: 'k.ts', specifier: 'react' }]);
    assert.deepEqual(a.graph.unresolved, [{ from: 'k.ts', specifier: './gone' }]);
  });

  it('keeps files without facts out of the graph, without calling their imports unresolved', async () => {
    const broken: FileResult = { ...file('bin.ts'), facts: null, error: { message: 'binary', code: 'binary' } };
    const r = await analyzeCrossFile([broken, file('a.ts', [imp('./bin', ['x'])])], options());
    assert.deepEqual(r.graph.nodes, ['a.ts']);
    assert.deepEqual(r.graph.unresolved, []);
    assert.deepEqual(r.graph.edges, []);
  });

  it('honours entry globs and notes an unreadable tsconfig instead of failing', async () => {
    const root = makeTempDir('sonde-graph-');
    writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": ');
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ main: './dist/missing.js' }));
    const files = [file('scripts/run.ts', [], [exp('go')]), file('src/lib.ts', [], [exp('unused', 3)])];
    const r = await analyzeCrossFile(files, options({ root, entries: ['scripts/**'] }));
    assert.deepEqual(show(r), ['src/lib.ts:3 unused-export info']);
    assert.equal(r.notes.length, 2);
    assert.match(r.notes[0], /tsconfig\.json/);
    assert.match(r.notes[1], /^1 package\.json entry matches no scanned file \(e\.g\. package\.json main\)$/);
  });
});
