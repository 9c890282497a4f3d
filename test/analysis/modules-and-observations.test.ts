import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from './analyze-helpers.js';

describe('imports and exports', () => {
  it('records every kind of module reference with its names', async () => {
    const facts = await analyze(
      [
        "import def, { a as b, type T } from './x';",
        "import * as ns from 'pkg';",
        "import './side-effect';",
        "import type { U } from './types';",
        "export { c as d } from './y';",
        "export * from './z';",
        "export * as all from './w';",
        "import q = require('./q');",
        "const { r1, r2 } = require('./r');",
        "const lazy = await import('./lazy');",
        "declare module 'm' { import x from 'not-top-level'; }",
      ].join('\n'),
    );
    assert.deepEqual(
      facts.imports.map((i) => [i.specifier, i.kind, i.typeOnly, i.names.join(','), i.line]),
      [
        ['./x', 'import', false, 'default,a,T', 1],
        ['pkg', 'import', false, '*', 2],
        ['./side-effect', 'import', false, '', 3],
        ['./types', 'import', true, 'U', 4],
        ['./y', 'reexport', false, 'c', 5],
        ['./z', 'reexport', false, '*', 6],
        ['./w', 'reexport', false, '*', 7],
        ['./q', 'require', false, '*', 8],
        ['./r', 'require', false, 'r1,r2', 9],
        ['./lazy', 'dynamic', false, '*', 10],
      ],
    );
  });

  it('records exported names, re-exports with from/sourceName, type-only exports', async () => {
    const facts = await analyze(
      [
        'export function f() {}',
        'export const a = 1, { b, c: [d] } = o;',
        'export interface I {}',
        'export type T = 1;',
        'export default class {}',
        'const local = 1; export { local as renamed };',
        "export { x as y } from './m';",
        "export * from './all';",
        "export * as ns from './ns';",
        'export function over(a: string): void;',
        'export function over(a: any) {}',
      ].join('\n'),
    );
    assert.deepEqual(facts.exports, [
      { name: 'f', line: 1, typeOnly: false },
      { name: 'a', line: 2, typeOnly: false },
      { name: 'b', line: 2, typeOnly: false },
      { name: 'd', line: 2, typeOnly: false },
      { name: 'I', line: 3, typeOnly: true },
      { name: 'T', line: 4, typeOnly: true },
      { name: 'default', line: 5, typeOnly: false },
      { name: 'renamed', line: 6, typeOnly: false },
      { name: 'y', line: 7, typeOnly: false, from: './m', sourceName: 'x' },
      { name: '*', line: 8, typeOnly: false, from: './all' },
      { name: 'ns', line: 9, typeOnly: false, from: './ns', sourceName: '*' },
      { name: 'over', line: 10, typeOnly: false },
    ]);
  });
});

describe('observations', () => {
  it('finds explicit any, empty catch (comments do not count) and TODO-like comments as words', async () => {
    const facts = await analyze(
      [
        'let a: any = b as any;',
        'try { f(); } catch { /* ignored */ }',
        'try { f(); } catch (e) { log(e); }',
        '// TODO: one',
        "const s = '// TODO not a comment';",
        '/* FIXME multi',
        '   line */',
        '// TODOS is not the word',
      ].join('\n'),
    );
    assert.deepEqual(
      facts.observations.map((o) => [o.kind, o.line, o.column, o.text]),
      [
        ['explicit-any', 1, 8, undefined],
        ['explicit-any', 1, 19, undefined],
        ['empty-catch', 2, 14, undefined],
        ['todo-comment', 4, 4, 'TODO'],
        ['todo-comment', 6, 4, 'FIXME'],
      ],
    );
  });

  it('reports a syntax error as parse-error observations and still returns facts', async () => {
    const facts = await analyze('function f(a) {\n  if (a) { return 1 }\n  let = ;\n}\nconst x = (;\n');
    const errors = facts.observations.filter((o) => o.kind === 'parse-error');
    assert.ok(errors.length >= 1);
    assert.equal(errors[0]!.line, 3);
    assert.match(errors[0]!.text!, /expected/i);
    assert.equal(facts.functions[0]!.name, 'f');
    assert.equal(facts.functions[0]!.cyclomatic, 2);
    assert.equal(facts.lines, 5);
  });
});
