/**
 * Construct tables for cyclomatic (ESLint `complexity`, classic) and
 * cognitive (sonarjs S3776) numbers. Expected values were taken from the two
 * oracles themselves (ESLint 10 / sonarjs 4.2.2 on the same snippet).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onlyFunction } from './analyze-helpers.js';

/** [construct, body of `function f(a, b, c) { … }`, cyclomatic, cognitive]. */
const TABLE: readonly (readonly [string, string, number, number])[] = [
  ['empty', '', 1, 0],
  ['if', 'if (a) {}', 2, 1],
  ['if/else', 'if (a) {} else {}', 2, 2],
  ['if/else if/else', 'if (a) {} else if (b) {} else {}', 3, 3],
  ['nested if', 'if (a) { if (b) {} }', 3, 3],
  ['ternary', 'return a ? b : c;', 2, 1],
  ['nested ternary', 'return a ? b : c ? 1 : 2;', 3, 3],
  ['&& chain counts once (cognitive)', 'return a && b && c;', 3, 1],
  ['|| adds no cognitive in sonarjs 4', 'return a || b || c;', 3, 0],
  ['mixed && || &&', 'return a && b || c && d;', 4, 2],
  ['??', 'return a ?? b;', 2, 0],
  ['logical assignment', 'a &&= 1; b ||= 2; c ??= 3;', 4, 0],
  ['for / for-in / for-of', 'for (;;) {} for (const k in a) {} for (const v of b) {}', 4, 3],
  ['while / do-while', 'while (a) {} do {} while (b);', 3, 2],
  ['switch: cases with a test', 'switch (a) { case 1: break; case 2: break; default: }', 3, 1],
  ['try/catch/finally', 'try {} catch (e) {} finally {}', 2, 1],
  ['catch nested in if', 'if (a) { try {} catch { if (b) {} } }', 4, 6],
  ['labelled break/continue', 'x: for (;;) { break x; continue x; }', 2, 3],
  ['optional chaining', 'return a?.b?.[c]?.(d).e;', 4, 0],
  ['parameter default', '', 1, 0],
  ['destructuring defaults', 'const { x = 1, y: [z = 2] = [] } = a; [b = 1] = c; ({ d = 2 } = c);', 6, 0],
  ['nested function is not counted in the parent', 'return () => { if (a) {} };', 1, 0],
];

describe('cyclomatic and cognitive complexity per construct', () => {
  for (const [name, body, cyclomatic, cognitive] of TABLE) {
    it(name, async () => {
      const f = await onlyFunction(`function f(a, b, c) { ${body} }`, 'f');
      assert.deepEqual({ cyclomatic: f.cyclomatic, cognitive: f.cognitive }, { cyclomatic, cognitive });
    });
  }

  it('counts default parameter values (AssignmentPattern)', async () => {
    const f = await onlyFunction('function f(a = 1, { b = 2 } = {}) {}');
    assert.equal(f.cyclomatic, 4);
  });

  it('keeps the sonarjs quirk: a function as a ?: branch raises the parent nesting for good', async () => {
    const f = await onlyFunction('function f() { const g = a ? () => 1 : 2; if (b) {} }', 'f');
    assert.equal(f.cognitive, 3); // ?: +1, then `if` +2 instead of +1
  });

  it('does not count a short circuit directly inside JSX (sonarjs)', async () => {
    const f = await onlyFunction('function F() { return <div>{a && b && <i/>}</div>; }', 'F', 'c.tsx');
    assert.deepEqual({ cyclomatic: f.cyclomatic, cognitive: f.cognitive }, { cyclomatic: 3, cognitive: 0 });
  });
});
