/**
 * A small RuleTester in typescript-eslint's shape: a rule plus tables of
 * valid cases (no findings) and invalid cases (exactly these findings). Each
 * case becomes one node:test `it`, named after the case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleConfig } from '../../src/rules/rule.js';
import { defaultRulesConfig } from '../../src/rules/index.js';
import type { FileFinding, FileRule } from '../../src/rules/rule.js';
import type { FileFacts, FunctionFacts, Observation } from '../../src/types.js';

export interface ValidCase {
  readonly name: string;
  readonly facts: FileFacts;
  /** Merged over the rule's default configuration. */
  readonly config?: Partial<RuleConfig>;
}

export interface InvalidCase extends ValidCase {
  readonly expected: readonly FileFinding[];
}

export interface RuleTable {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

function configFor(rule: FileRule, overrides: Partial<RuleConfig> = {}): RuleConfig {
  const defaults = defaultRulesConfig()[rule.id];
  assert.ok(defaults, `${rule.id} is in the registry`);
  return { ...defaults, ...overrides };
}

/** Registers one test per case. */
export function runRuleTable(rule: FileRule, table: RuleTable): void {
  describe(`rule ${rule.id}`, () => {
    assert.ok(table.valid.length > 0 && table.invalid.length > 0, 'a table needs both kinds of case');
    for (const testCase of table.valid) {
      it(`valid: ${testCase.name}`, () => {
        assert.deepEqual(rule.check(testCase.facts, configFor(rule, testCase.config)), []);
      });
    }
    for (const testCase of table.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        assert.deepEqual(rule.check(testCase.facts, configFor(rule, testCase.config)), testCase.expected);
      });
    }
  });
}

/** A function whose metrics fire no default rule; override what the case is about. */
export function fn(overrides: Partial<FunctionFacts> = {}): FunctionFacts {
  const line = overrides.line ?? 1;
  const endLine = overrides.endLine ?? line + 2;
  return {
    name: 'f',
    line,
    column: 1,
    endLine,
    params: 0,
    cyclomatic: 1,
    cognitive: 0,
    maxDepth: 0,
    length: endLine - line + 1,
    ...overrides,
  };
}

/** File facts with nothing in them; override what the case is about. */
export function facts(overrides: Partial<FileFacts> = {}): FileFacts {
  return { lines: 10, code: 8, comment: 1, blank: 1, functions: [], imports: [], exports: [], observations: [], ...overrides };
}

/** Facts holding only these observations. */
export function observed(...observations: Observation[]): FileFacts {
  return facts({ observations });
}
