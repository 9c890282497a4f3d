import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from '../../src/config/config-file.js';
import { resolveRules } from '../../src/config/resolve-rules.js';
import { maxLinesPerFunctionRule } from '../../src/rules/max-lines-per-function.js';
import { facts, fn, runRuleTable } from './rule-tester.js';
import { thresholdTable } from './threshold-table.js';

runRuleTable(
  maxLinesPerFunctionRule,
  thresholdTable({
    rule: 'max-lines-per-function',
    metric: 'length',
    defaultThreshold: 80,
    defaultSeverity: 'warning',
    message: (name, value, max) => `Function '${name}' is ${value} lines long (max ${max}).`,
  }),
);

// ESLint's `IIFEs` option: immediately invoked functions are skipped unless it is true.
const longIife = facts({ functions: [fn({ name: '<anonymous>', line: 3, column: 2, endLine: 200, length: 198, iife: true })] });

runRuleTable(maxLinesPerFunctionRule, {
  valid: [
    { name: 'an IIFE over the threshold, by default', facts: longIife },
    { name: 'an IIFE over the threshold, IIFEs: false', facts: longIife, config: { IIFEs: false } },
  ],
  invalid: [
    {
      name: 'an IIFE over the threshold, IIFEs: true',
      facts: longIife,
      config: { IIFEs: true },
      expected: [{ rule: 'max-lines-per-function', severity: 'warning', line: 3, column: 2, message: "Function '<anonymous>' is 198 lines long (max 80)." }],
    },
  ],
});

describe('max-lines-per-function IIFEs option in the config file', () => {
  it('reaches the rule config and survives a later --rule flag', () => {
    const rules = resolveRules({ 'max-lines-per-function': { IIFEs: true, threshold: 50 } }, ['max-lines-per-function=error']);
    assert.equal(rules['max-lines-per-function']!.IIFEs, true);
    assert.equal(rules['max-lines-per-function']!.threshold, 50);
    assert.equal(rules['max-lines-per-function']!.severity, 'error');
    assert.equal(resolveRules(undefined, [])['max-lines-per-function']!.IIFEs, undefined);
  });
});

describe('max-lines-per-function IIFEs option validation', () => {
  it('accepts a boolean on max-lines-per-function and rejects it elsewhere or of another type', () => {
    assert.deepEqual(validateConfig({ rules: { 'max-lines-per-function': { IIFEs: true } } }).rules, { 'max-lines-per-function': { IIFEs: true } });
    assert.throws(() => validateConfig({ rules: { 'max-lines-per-function': { IIFEs: 'yes' } } }), /rules\.max-lines-per-function\.IIFEs: expected true or false/);
    assert.throws(() => validateConfig({ rules: { complexity: { IIFEs: true } } }), /rules\.complexity\.IIFEs/);
  });
});
