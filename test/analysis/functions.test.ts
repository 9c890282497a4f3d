/** Which functions exist, their names, report positions, params and depth (ESLint semantics). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, onlyFunction } from './analyze-helpers.js';

describe('functions (the set ESLint complexity reports)', () => {
  it('lists functions, arrows, methods, accessors, constructors, field initializers and static blocks', async () => {
    const facts = await analyze(
      [
        'function decl() {}',
        'const arrow = (x) => x;',
        'class C {',
        '  constructor(a) {}',
        '  method() {}',
        '  get g() { return 1; }',
        '  #priv() {}',
        '  field = 1;',
        '  handler = () => {};',
        '  static { init(); }',
        '  abstract(): void;',
        '}',
        'declare function ambient(): void;',
        'const o = { m() {}, p: function () {}, [k]() {} };',
      ].join('\n'),
    );
    assert.deepEqual(
      facts.functions.map((f) => `${f.name}@${f.line}:${f.column}`),
      [
        'decl@1:1',
        '<anonymous>@2:19', // arrows are reported at `=>`
        'constructor@4:3',
        'method@5:3',
        'g@6:3',
        '#priv@7:3',
        '<class field initializer>@8:11',
        'handler@9:3', // an arrow in a field: the field's start (as a method)
        '<class field initializer>@9:13',
        '<class static block>@10:3',
        'm@14:13',
        'p@14:21',
        '<anonymous>@14:40',
      ],
    );
  });

  it('reports an exported function after `export`, a decorated method at its decorator', async () => {
    const facts = await analyze('export async function f() {}\nclass A { @dec m() {} }');
    assert.deepEqual(facts.functions.map((f) => `${f.line}:${f.column}`), ['1:8', '2:11']);
  });

  it('attributes decorators and computed keys to the enclosing code path', async () => {
    const facts = await analyze('function outer() { class A { @d(a ? 1 : 2) [b ?? c]() {} } }');
    assert.equal(facts.functions.find((f) => f.name === 'outer')!.cyclomatic, 3);
  });

  it('counts params like max-params: `this: void` is not a parameter, `this: T` is', async () => {
    assert.equal((await onlyFunction('function f(this: void, a, b) {}')).params, 2);
    assert.equal((await onlyFunction('function f(this: Window, a) {}')).params, 2);
  });

  it('measures max-depth per function: else-if is not deeper, try is a level, nested functions restart', async () => {
    const f = await onlyFunction('function f() { if (a) {} else if (b) { try { while (c) {} } catch {} } }', 'f');
    assert.equal(f.maxDepth, 3);
    const outer = await onlyFunction('function f() { if (a) { return () => { if (b) {} }; } }', 'f');
    assert.equal(outer.maxDepth, 1);
  });

  it('spans lines: endLine and length', async () => {
    const f = await onlyFunction('\nfunction f() {\n  return 1;\n}\n');
    assert.deepEqual({ line: f.line, endLine: f.endLine, length: f.length }, { line: 2, endLine: 4, length: 3 });
  });

  it('counts length from where ESLint max-lines-per-function starts: the node, not the report token', async () => {
    const facts = await analyze(
      [
        'const f = (', //           1  arrow: from its `(`, reported at `=>` (line 3)
        '  a,',
        ') => {',
        '  return a;',
        '};',
        'export default function', // 6  declaration: from `function`, not `export`
        '  g() {}',
        'const o = {',
        '  p: function (', //         9  property value: the function, not the key
        '  ) {},',
        '  get', //                   11  accessor: the whole `get` member
        '  q() { return 1; },',
        '};',
      ].join('\n'),
    );
    assert.deepEqual(
      facts.functions.map((f) => `${f.name}@${f.line} length ${f.length}`),
      ['<anonymous>@3 length 5', 'g@6 length 2', 'p@9 length 2', 'q@11 length 2'],
    );
  });

  it('marks IIFEs (callee of a call, parentheses aside) and nothing else', async () => {
    const facts = await analyze(
      [
        '(function a() {})();',
        '(() => {})?.();',
        '((function b() {}))();',
        '(function c() {}).call(null);',
        'new (function d() {})();',
        'f(function e() {});',
        '((() => {}) as () => void)();',
      ].join('\n'),
    );
    assert.deepEqual(
      facts.functions.map((f) => `${f.name}@${f.line} ${f.iife === true ? 'iife' : '-'}`),
      ['a@1 iife', '<anonymous>@2 iife', 'b@3 iife', 'c@4 -', 'd@5 -', 'e@6 -', '<anonymous>@7 -'],
    );
    assert.equal('iife' in facts.functions[3]!, false, 'absent, not false, when not an IIFE');
  });
});
