import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFileFacts } from '../../src/cache/validate-facts.js';
import { applyDirectives } from '../../src/rules/directives.js';
import type { DisableDirective, Finding } from '../../src/types.js';
import { analyze } from '../analysis/analyze-helpers.js';

const UNUSED = { enabled: true, severity: 'warning' as const };
const finding = (rule: string, line: number): Finding => ({ rule, severity: 'warning', line, column: 1, message: `${rule}@${line}` });
const directive = (kind: DisableDirective['kind'], line: number, rules: string[], target = kind === 'next-line' ? line + 1 : line): DisableDirective => ({
  kind,
  line,
  column: 1,
  target,
  rules,
});

describe('disableDirectives: read from the comments (analysis facts)', () => {
  const table: [string, string, Omit<DisableDirective, 'column'>[]][] = [
    ['next-line with two rules and a reason', '// sonde-disable-next-line complexity, max-params -- legacy\nf();\n', [{ kind: 'next-line', line: 1, target: 2, rules: ['complexity', 'max-params'] }]],
    ['same line, trailing', 'f(); // sonde-disable-line todo-comment\n', [{ kind: 'line', line: 1, target: 1, rules: ['todo-comment'] }]],
    ['block comment: the whole file', 'f();\n/* sonde-disable complexity */\n', [{ kind: 'file', line: 2, target: 2, rules: ['complexity'] }]],
    ['no rules: every rule', '/* sonde-disable-next-line */ f();\n', [{ kind: 'next-line', line: 1, target: 2, rules: [] }]],
    ['a multi-line block comment covers the line after its end', '/*\n sonde-disable-next-line complexity\n*/\nf();\n', [{ kind: 'next-line', line: 1, target: 4, rules: ['complexity'] }]],
    ['inside a string it is not a comment', 'const s = "// sonde-disable-line complexity";\n', []],
    ['another word is not a directive', '// sonde-disabled complexity\n// see sonde-disable-line\n', []],
  ];
  for (const [name, source, expected] of table) {
    it(name, async () => {
      const facts = await analyze(source);
      assert.deepEqual((facts.directives ?? []).map(({ column: _column, ...rest }) => rest), expected);
      assert.ok(isFileFacts(facts), 'the cache accepts the facts');
    });
  }

  it('a file without directives has no field (the facts of existing files are unchanged)', async () => {
    assert.equal('directives' in (await analyze('f(); // just a comment\n')), false);
  });

  it('the cache refuses a malformed directive', () => {
    const facts = { lines: 1, code: 1, comment: 0, blank: 0, functions: [], imports: [], exports: [], observations: [] };
    assert.ok(isFileFacts({ ...facts, directives: [directive('line', 1, ['complexity'])] }));
    assert.equal(isFileFacts({ ...facts, directives: [{ ...directive('line', 1, []), kind: 'block' }] }), false);
    assert.equal(isFileFacts({ ...facts, directives: [{ ...directive('line', 1, []), rules: 'complexity' }] }), false);
  });
});

describe('applyDirectives', () => {
  const valid: [string, Finding[], DisableDirective[], string[]][] = [
    ['next-line drops the named rule on the next line', [finding('complexity', 2), finding('complexity', 3)], [directive('next-line', 1, ['complexity'])], ['complexity@3']],
    ['line drops it on its own line', [finding('todo-comment', 4)], [directive('line', 4, ['todo-comment'])], []],
    ['file drops it anywhere', [finding('complexity', 2), finding('complexity', 90)], [directive('file', 50, ['complexity'])], []],
    ['no rules: every rule on that line', [finding('complexity', 2), finding('max-params', 2)], [directive('next-line', 1, [])], []],
    ['another rule stays', [finding('max-params', 2)], [directive('next-line', 1, ['max-params', 'complexity'])], ['unused-disable-directive@1']],
  ];
  for (const [name, findings, directives, expected] of valid) {
    it(name, () => {
      const kept = applyDirectives(findings, directives, UNUSED).map((entry) => `${entry.rule}@${entry.line}`);
      assert.deepEqual(kept, expected);
    });
  }

  const unused: [string, Finding[], DisableDirective[], string[]][] = [
    ['a directive on the wrong line', [finding('complexity', 3)], [directive('next-line', 1, ['complexity'])], ["Unused sonde-disable-next-line directive (no 'complexity' finding to suppress)."]],
    ['a rule-less directive with nothing', [], [directive('line', 1, [])], ['Unused sonde-disable-line directive (no finding to suppress).']],
    ['a file directive for a rule that did not fire', [finding('max-params', 3)], [directive('file', 1, ['complexity'])], ["Unused sonde-disable directive (no 'complexity' finding to suppress)."]],
  ];
  for (const [name, findings, directives, messages] of unused) {
    it(`reports ${name}`, () => {
      const reported = applyDirectives(findings, directives, UNUSED).filter((entry) => entry.rule === 'unused-disable-directive');
      assert.deepEqual(reported.map((entry) => entry.message), messages);
      assert.ok(reported.every((entry) => entry.severity === 'warning' && entry.line === directives[0]!.line));
    });
  }

  it('unused-disable-directive=off reports nothing', () => {
    assert.deepEqual(applyDirectives([], [directive('line', 1, ['complexity'])], { enabled: false, severity: 'warning' }), []);
  });
});
