import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph } from '../../src/graph/build-graph.js';
import { createResolver } from '../../src/graph/resolve.js';
import { findUnusedExports } from '../../src/graph/unused-exports.js';
import type { FileResult } from '../../src/types.js';
import { exp, file, imp } from './helpers.js';

function unused(files: FileResult[], entries: string[] = []): string[] {
  const resolve = createResolver('/r', new Set(files.map((f) => f.path)), { ts: {}, pkg: { entryFields: [] }, notes: [] });
  const built = buildGraph(files, resolve);
  const ids = new Set(entries.map((e) => built.nodes.indexOf(e)));
  return findUnusedExports(built, ids).map((u) => `${built.nodes[u.node]}:${u.name}`);
}

const reexport = (spec: string, names: string[]) => imp(spec, names, { kind: 'reexport' });

const cases: [string, FileResult[], string[], string[]][] = [
  ['named import uses only that name',
    [file('a.ts', [], [exp('x'), exp('y', 2)]), file('m.ts', [imp('./a', ['x'])])], [], ['a.ts:y']],
  ['default import',
    [file('a.ts', [], [exp('default'), exp('y', 2)]), file('m.ts', [imp('./a', ['default'])])], [], ['a.ts:y']],
  ['namespace import uses everything',
    [file('a.ts', [], [exp('x'), exp('y')]), file('m.ts', [imp('./a', ['*'])])], [], []],
  ['dynamic import uses everything',
    [file('a.ts', [], [exp('x')]), file('m.ts', [imp('./a', [], { kind: 'dynamic' })])], [], []],
  ['destructured dynamic import uses the names it lists',
    [file('a.ts', [], [exp('x'), exp('y')]), file('m.ts', [imp('./a', ['x'], { kind: 'dynamic' })])], [], ['a.ts:y']],
  ['require uses everything',
    [file('a.ts', [], [exp('x')]), file('m.ts', [imp('./a', [], { kind: 'require' })])], [], []],
  ['side-effect import uses nothing',
    [file('a.ts', [], [exp('x')]), file('m.ts', [imp('./a')])], [], ['a.ts:x']],
  ['named re-export: used through the barrel',
    [file('a.ts', [], [exp('x'), exp('y', 2)]),
     file('index.ts', [reexport('./a', ['x', 'y'])], [exp('x', 1, { from: './a', sourceName: 'x' }), exp('y', 1, { from: './a', sourceName: 'y' })]),
     file('m.ts', [imp('./index', ['x'])])], [], ['a.ts:y', 'index.ts:y']],
  ['renamed re-export',
    [file('a.ts', [], [exp('x')]),
     file('index.ts', [reexport('./a', ['x'])], [exp('z', 1, { from: './a', sourceName: 'x' })]),
     file('m.ts', [imp('./index', ['z'])])], [], []],
  ['export star forwards names, two levels deep',
    [file('a.ts', [], [exp('x'), exp('y', 2), exp('default', 3)]),
     file('mid.ts', [reexport('./a', ['*'])], [exp('*', 1, { from: './a' })]),
     file('index.ts', [reexport('./mid', ['*'])], [exp('own', 2)]),
     file('m.ts', [imp('./index', ['x', 'own'])])], [], ['a.ts:y', 'a.ts:default']],
  ['own export shadows export star',
    [file('a.ts', [], [exp('x')]),
     file('index.ts', [reexport('./a', ['*'])], [exp('x', 2)]),
     file('m.ts', [imp('./index', ['x'])])], [], ['a.ts:x']],
  ['namespace of a barrel reaches through export star, not default',
    [file('a.ts', [], [exp('x'), exp('default', 2)]),
     file('index.ts', [reexport('./a', ['*'])]),
     file('m.ts', [imp('./index', ['*'])])], [], ['a.ts:default']],
  ['export * as ns: using ns uses all of the source',
    [file('a.ts', [], [exp('x'), exp('default', 2)]),
     file('index.ts', [reexport('./a', ['*'])], [exp('ns', 1, { from: './a', sourceName: '*' }), exp('other', 2)]),
     file('m.ts', [imp('./index', ['ns'])])], [], ['index.ts:other']],
  ['export * as ns unused: nothing forwarded',
    [file('a.ts', [], [exp('x')]),
     file('index.ts', [reexport('./a', ['*'])], [exp('ns', 1, { from: './a', sourceName: '*' })])], [], ['a.ts:x', 'index.ts:ns']],
  ['entry point exports are used, through its re-exports',
    [file('a.ts', [], [exp('x')]),
     file('src/index.ts', [reexport('../a', ['x'])], [exp('x', 1, { from: '../a', sourceName: 'x' })])], ['src/index.ts'], []],
  ['re-export cycle terminates',
    [file('a.ts', [reexport('./b', ['*'])], [exp('x')]), file('b.ts', [reexport('./a', ['*'])], [exp('y')]),
     file('m.ts', [imp('./a', ['y', 'nothere'])])], [], ['a.ts:x']],
  ['type import uses a type export',
    [file('a.ts', [], [exp('T', 1, { typeOnly: true })]), file('m.ts', [imp('./a', ['T'], { typeOnly: true })])], [], []],
  ['imports of externals and missing files use nothing here',
    [file('a.ts', [imp('react', ['x']), imp('./missing', ['x'])], [exp('x')])], [], ['a.ts:x']],
];

describe('findUnusedExports', () => {
  for (const [name, files, entries, expected] of cases) {
    it(name, () => assert.deepEqual(unused(files, entries).sort(), [...expected].sort()));
  }
});
