import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { RulesConfig } from '../../src/rules/rule.js';
import { ALL_RULES, FILE_RULES, applyFileRules, defaultRulesConfig } from '../../src/rules/index.js';
import { facts, fn } from './rule-tester.js';

/** One function over every function threshold, a long file, and one observation of each kind. */
const everything = facts({
  lines: 600,
  functions: [
    fn({ name: 'monster', line: 40, column: 3, endLine: 140, cyclomatic: 11, cognitive: 16, maxDepth: 5, params: 5 }),
  ],
  observations: [
    { kind: 'parse-error', line: 1, column: 1, text: 'x' },
    { kind: 'todo-comment', line: 2, column: 4, text: 'TODO' },
    { kind: 'explicit-any', line: 50, column: 10 },
    { kind: 'empty-catch', line: 60, column: 5 },
  ],
});

const without = (config: RulesConfig, id: string): RulesConfig => ({ ...config, [id]: { ...config[id], enabled: false } });

describe('rule registry', () => {
  it('has unique ids, and defaults for every rule with thresholds where the rule has one', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    const config = defaultRulesConfig();
    assert.deepEqual(Object.keys(config).sort(), [...ids].sort());
    assert.deepEqual(config.complexity, { enabled: true, severity: 'warning', threshold: 10 });
    assert.deepEqual(config['cognitive-complexity'], { enabled: true, severity: 'warning', threshold: 15 });
    assert.deepEqual(config['max-lines'], { enabled: true, severity: 'warning', threshold: 500 });
    assert.deepEqual(config['parse-error'], { enabled: true, severity: 'error' });
    assert.deepEqual(config['unused-export'], { enabled: true, severity: 'info' });
  });

  it('has a valid/invalid table in test/rules for every per-file rule', () => {
    for (const rule of FILE_RULES) {
      const table = new URL(`../../../test/rules/${rule.id}.test.ts`, import.meta.url);
      assert.ok(existsSync(table), `missing test/rules/${rule.id}.test.ts`);
    }
  });
});

describe('applyFileRules', () => {
  it('applies every enabled rule with the default config, sorted by position', () => {
    const findings = applyFileRules(everything, defaultRulesConfig());
    assert.deepEqual(
      findings.map((finding) => `${finding.line}:${finding.column} ${finding.rule}`),
      [
        '1:1 parse-error',
        '2:4 todo-comment',
        '40:3 cognitive-complexity',
        '40:3 complexity',
        '40:3 max-depth',
        '40:3 max-lines-per-function',
        '40:3 max-params',
        '50:10 no-explicit-any',
        '60:5 empty-catch',
        '501:1 max-lines',
      ],
    );
  });

  it('yields nothing for a disabled rule, and only for that rule', () => {
    for (const rule of FILE_RULES) {
      const findings = applyFileRules(everything, without(defaultRulesConfig(), rule.id));
      assert.equal(findings.filter((finding) => finding.rule === rule.id).length, 0, rule.id);
      assert.equal(findings.length, 9, `${rule.id}: the other nine still report`);
    }
  });

  it('treats a rule missing from the config as disabled', () => {
    const { complexity: _dropped, ...rest } = defaultRulesConfig();
    assert.equal(applyFileRules(everything, rest).some((finding) => finding.rule === 'complexity'), false);
  });

  it('passes each rule its own threshold and severity', () => {
    const config: RulesConfig = { ...defaultRulesConfig(), complexity: { enabled: true, severity: 'error', threshold: 11 } };
    const findings = applyFileRules(everything, config);
    assert.equal(findings.some((finding) => finding.rule === 'complexity'), false, '11 is not above 11');
    const loose: RulesConfig = { ...defaultRulesConfig(), 'max-params': { enabled: true, severity: 'error', threshold: 4 } };
    assert.equal(applyFileRules(everything, loose).find((finding) => finding.rule === 'max-params')?.severity, 'error');
  });

  it('returns nothing for empty facts', () => {
    assert.deepEqual(applyFileRules(facts(), defaultRulesConfig()), []);
  });
});
