/**
 * The observation rules end to end: real source text through the real
 * analyzer (ts-morph), then applyFileRules with the default configuration.
 * The hand-built tables next to this file test the rules; this one tests that
 * the analyzer observes what the rules expect.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadSourceAnalyzer, type SourceAnalyzer } from '../../src/analysis/analyze-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { applyFileRules, defaultRulesConfig } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';

/** The shape of src/analysis/analyze-source.ts, loaded by URL so this file builds before that module lands. */

interface SnippetCase {
  readonly name: string;
  readonly path?: string;
  readonly code: string;
  /** Findings of the rule under test, as `line:column message`. */
  readonly expected: readonly string[];
}

interface SnippetTable {
  readonly valid: readonly Omit<SnippetCase, 'expected'>[];
  readonly invalid: readonly SnippetCase[];
}

const tables: Record<'no-explicit-any' | 'todo-comment' | 'empty-catch' | 'parse-error', SnippetTable> = {
  'no-explicit-any': {
    valid: [
      { name: 'unknown and concrete types', code: 'const x: unknown = 1;\nfunction f(a: string): number { return a.length; }' },
      { name: 'the word any as a name, in a comment and in a string', code: 'const any = 1; // any\nconst s = "any";' },
      { name: 'plain JavaScript', path: 'a.js', code: 'const any = (x) => x;' },
    ],
    invalid: [
      { name: 'a variable annotation', code: 'let x: any;', expected: ['1:8 Unexpected any. Specify a different type.'] },
      {
        name: 'a parameter and a return type',
        code: 'function f(a: any): any[] { return [a]; }',
        expected: ['1:15 Unexpected any. Specify a different type.', '1:21 Unexpected any. Specify a different type.'],
      },
      {
        name: 'a type argument and an assertion',
        code: 'const m = new Map<string, any>();\nconst y = m as any;',
        expected: ['1:27 Unexpected any. Specify a different type.', '2:16 Unexpected any. Specify a different type.'],
      },
    ],
  },
  'todo-comment': {
    valid: [
      { name: 'ordinary comments', code: '// nothing left to do\n/* done */\nconst x = 1;' },
      { name: 'a tag inside a string is not a comment', code: 'const s = "TODO: not a comment";' },
      { name: 'a longer word that starts with a tag', code: '// TODOS are tracked elsewhere' },
    ],
    invalid: [
      { name: 'a line comment after code', code: 'x(); // TODO: fix', expected: ['1:9 Unresolved TODO comment.'] },
      {
        name: 'block and JSDoc comments, each tag',
        code: '/* FIXME later */\n// HACK around a bug\n/**\n * XXX check this\n */',
        expected: ['1:4 Unresolved FIXME comment.', '2:4 Unresolved HACK comment.', '4:4 Unresolved XXX comment.'],
      },
    ],
  },
  'empty-catch': {
    valid: [
      { name: 'a catch that handles the error', code: 'try { f(); } catch (e) { log(e); }' },
      { name: 'try/finally without a catch', code: 'try { f(); } finally { g(); }' },
      { name: 'an empty try block is not an empty catch', code: 'try {} catch (e) { log(e); }' },
    ],
    invalid: [
      {
        name: 'an empty catch without a binding',
        code: 'try { f(); } catch {}',
        expected: ['1:14 Empty catch block: the error is silently swallowed.'],
      },
      {
        name: 'a catch holding only a comment',
        code: 'try {\n  g();\n} catch (e) {\n  // ignore\n}',
        expected: ['3:3 Empty catch block: the error is silently swallowed.'],
      },
    ],
  },
  'parse-error': {
    valid: [
      { name: 'well-formed TypeScript', code: 'export function f(a: number): number {\n  return a * 2;\n}' },
      { name: 'JSX in a .tsx file', path: 'a.tsx', code: 'export const el = <div>{1}</div>;' },
    ],
    invalid: [
      { name: 'an unclosed parameter list', code: 'function f( {', expected: ["1:14 Parsing error: '}' expected."] },
      { name: 'a missing expression', code: 'const a = 1;\nconst x = ;', expected: ['2:11 Parsing error: Expression expected.'] },
    ],
  },
};

const show = (findings: readonly Finding[]) => findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`);

describe('observation rules on real source', () => {
  let analyze: SourceAnalyzer | undefined;
  before(async () => {
    analyze = await loadSourceAnalyzer();
  });

  const findingsOf = (rule: string, path: string, code: string): Finding[] => {
    assert.ok(analyze);
    const facts = analyze(path, code, DEFAULT_ANALYSIS_OPTIONS);
    return applyFileRules(facts, defaultRulesConfig()).filter((finding) => finding.rule === rule);
  };

  for (const [rule, table] of Object.entries(tables)) {
    describe(rule, () => {
      for (const testCase of table.valid) {
        it(`valid: ${testCase.name}`, () => {
          assert.deepEqual(show(findingsOf(rule, testCase.path ?? 'a.ts', testCase.code)), []);
        });
      }
      for (const testCase of table.invalid) {
        it(`invalid: ${testCase.name}`, () => {
          assert.deepEqual(show(findingsOf(rule, testCase.path ?? 'a.ts', testCase.code)), testCase.expected);
        });
      }
    });
  }
});
