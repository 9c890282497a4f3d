import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from '../../src/config/config-file.js';
import { parseRuleFlag, resolveRules } from '../../src/config/resolve-rules.js';
import { parseByteSize } from '../../src/config/byte-size.js';
import { UserError } from '../../src/errors.js';
import { ALL_RULES } from '../../src/rules/index.js';

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

  it('accepts the --rule short forms, parsed as --rule parses them', () => {
    const config = validateConfig({ rules: { complexity: 'error:5', 'max-depth': 15, 'max-params': '6', 'todo-comment': 'off', 'empty-catch': 'warning' } });
    assert.deepEqual(config.rules, {
      complexity: { severity: 'error', threshold: 5 },
      'max-depth': { threshold: 15 },
      'max-params': { threshold: 6 },
      'todo-comment': 'off',
      'empty-catch': 'warning',
    });
    for (const [id, value] of [['complexity', 'error:5'], ['max-params', '6'], ['todo-comment', 'off'], ['empty-catch', 'warning']] as const) {
      assert.deepEqual(validateConfig({ rules: { [id]: value } }).rules![id], parseRuleFlag(`${id}=${value}`).setting, `${id}: ${value}`);
    }
  });

  it('drops $schema and keeps the rest', () => {
    assert.deepEqual(validateConfig({ $schema: './node_modules/sonde/sonde.schema.json', cache: false }), { cache: false });
  });

  const invalid: [string, unknown, RegExp][] = [
    ['not an object', [], /\(root\): expected an object, got an array/],
    ['unknown key, with a guess', { paralel: 2 }, /paralel: unknown key \(did you mean "parallel"\?\); expected one of include/],
    ['bad array item', { include: ['a', 3] }, /include\[1\]: expected a string, got 3/],
    ['bad parallel', { parallel: -1 }, /parallel: expected a worker count 0–256 or "auto", got -1/],
    ['unknown rule', { rules: { complexityy: 'error' } }, /rules\.complexityy: unknown key \(did you mean "complexity"\?\)/],
    ['bad severity', { rules: { complexity: { severity: 'fatal' } } }, /rules\.complexity\.severity: expected error, warning or info, got "fatal"/],
    ['bad threshold', { rules: { complexity: { threshold: 'ten' } } }, /rules\.complexity\.threshold: expected a number ≥ 0, got "ten"/],
    ['negative threshold', { rules: { complexity: { threshold: -1 } } }, /rules\.complexity\.threshold: expected a number ≥ 0, got -1/],
    ['threshold on a rule without one', { rules: { 'todo-comment': { threshold: 3 } } }, /rules\.todo-comment\.threshold: unknown key/],
    ['short threshold on a rule without one', { rules: { 'todo-comment': 'error:3' } }, /rules\.todo-comment: expected "off", a severity or \{ severity, enabled \}, got "error:3"/],
    ['bad short form', { rules: { complexity: 'loud:3' } }, /rules\.complexity: expected "off", a severity, .*got "loud:3"/],
    ['bad size', { maxFileSize: 'huge' }, /maxFileSize: expected a size/],
    ['bad failOn', { failOn: 'always' }, /failOn: expected "error", "warning", "info" or "never", got "always"/],
  ];
  for (const [name, raw, pattern] of invalid) {
    it(`names the bad path: ${name}`, () => rejects(raw, pattern));
  }

  it('reports every problem at once, one line each', () => {
    assert.throws(
      () => validateConfig({ parallel: 'many', include: [1], rules: { complexity: { threshold: -1 }, nope: 'off' } }, 'x/sonde.config.json'),
      (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.deepEqual(error.message.split('\n'), [
          'x/sonde.config.json: 4 problems:',
          '  parallel: expected a worker count 0–256 or "auto", got "many"',
          '  include[0]: expected a string, got 1',
          '  rules.complexity.threshold: expected a number ≥ 0, got -1',
          `  rules.nope: unknown key; expected one of ${ALL_RULES.map((rule) => rule.id).join(', ')}`,
        ]);
        return true;
      },
    );
  });

  it('shows a long bad value shortened', () => {
    rejects({ cacheLocation: ['x'.repeat(100)] }, /cacheLocation: expected a path or a redis:\/\/ URL, got an array$/);
    rejects({ failOn: 'y'.repeat(100) }, /got "y{38}…$/);
  });
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
    assert.throws(() => parseRuleFlag('complexity=1e3'), /'1e3' is not a number ≥ 0/);
    assert.throws(() => parseRuleFlag('complexity=error=3'), /'error=3' is not a number/);
  });

  it('parses byte sizes', () => {
    assert.equal(parseByteSize('2MB'), 2_000_000);
    assert.equal(parseByteSize('512KiB'), 524_288);
    assert.equal(parseByteSize('1000'), 1000);
    assert.equal(parseByteSize('2 parsecs'), undefined);
  });
});
