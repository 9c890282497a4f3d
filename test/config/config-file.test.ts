import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from '../../src/config/config-file.js';
import { parseRuleFlag, resolveRules } from '../../src/config/resolve-rules.js';
import { parseByteSize } from '../../src/config/byte-size.js';
import { UserError } from '../../src/errors.js';

const rejects = (raw: unknown, pathPattern: RegExp) =>
  assert.throws(() => validateConfig(raw), (error: unknown) => error instanceof UserError && pathPattern.test(error.message));

describe('config file validation', () => {
  it('accepts a complete, valid config', () => {
    const config = validateConfig({
      include: ['src/**'], exclude: ['**/*.test.ts'], parallel: 2, cache: true, maxFileSize: '1MB', failOn: 'warning',
      rules: { complexity: { severity: 'error', threshold: 15 }, 'todo-comment': 'off', 'max-depth': 'error' },
    });
    assert.equal(config.maxFileSize, 1_000_000);
    assert.equal(config.parallel, 2);
  });

  const invalid: [string, unknown, RegExp][] = [
    ['not an object', [], /\(root\): expected an object/],
    ['unknown key', { paralel: 2 }, /paralel: expected one of/],
    ['bad array item', { include: ['a', 3] }, /include\[1\]: expected a string, got 3/],
    ['bad parallel', { parallel: -1 }, /parallel: expected a worker count/],
    ['unknown rule', { rules: { complexityy: 'error' } }, /rules\.complexityy: expected a known rule id/],
    ['bad severity', { rules: { complexity: { severity: 'fatal' } } }, /rules\.complexity\.severity: expected error, warning or info, got "fatal"/],
    ['bad threshold', { rules: { complexity: { threshold: 'ten' } } }, /rules\.complexity\.threshold: expected a number ≥ 0, got "ten"/],
    ['threshold on a rule without one', { rules: { 'todo-comment': { threshold: 3 } } }, /rules\.todo-comment\.threshold/],
    ['bad size', { maxFileSize: 'huge' }, /maxFileSize: expected a size/],
  ];
  for (const [name, raw, pattern] of invalid) {
    it(`names the bad path: ${name}`, () => rejects(raw, pattern));
  }
});

describe('rule settings', () => {
  it('merges defaults, config file and flags in that order', () => {
    const rules = resolveRules({ complexity: { threshold: 20 }, 'max-depth': 'off' }, ['complexity=error', 'max-params=6']);
    assert.deepEqual(rules.complexity, { enabled: true, severity: 'error', threshold: 20 });
    assert.equal(rules['max-depth']!.enabled, false);
    assert.equal(rules['max-params']!.threshold, 6);
    assert.equal(rules['max-params']!.severity, 'warning');
  });

  it('parses every --rule form and rejects nonsense', () => {
    assert.deepEqual(parseRuleFlag('complexity=error:15'), { id: 'complexity', setting: { severity: 'error', threshold: 15 } });
    assert.deepEqual(parseRuleFlag('todo-comment=off'), { id: 'todo-comment', setting: 'off' });
    assert.throws(() => parseRuleFlag('nope=error'), /unknown rule 'nope'/);
    assert.throws(() => parseRuleFlag('complexity=loud:3'), /not a severity/);
    assert.throws(() => parseRuleFlag('empty-catch=3'), /has no threshold/);
  });

  it('parses byte sizes', () => {
    assert.equal(parseByteSize('2MB'), 2_000_000);
    assert.equal(parseByteSize('512KiB'), 524_288);
    assert.equal(parseByteSize('1000'), 1000);
    assert.equal(parseByteSize('2 parsecs'), undefined);
  });
});
