import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/errors.js';
import { needsPrimedCache, parseStrategies, scanArgs } from '../../src/bench/strategy.js';

test('parses every strategy kind and expands parallel:sweep to 2×cores', () => {
  const specs = parseStrategies('sequential, parallel:2,cache:cold,cache:warm,cache:partial:25,parallel:sweep', 2);
  assert.deepEqual(
    specs.map((s) => s.name),
    ['sequential', 'parallel:2', 'cache:cold', 'cache:warm', 'cache:partial:25', 'parallel:1', 'parallel:3', 'parallel:4'],
  );
  assert.deepEqual(specs[4], { kind: 'partial', name: 'cache:partial:25', percent: 25 });
  assert.equal(parseStrategies('cache:partial', 2)[0].name, 'cache:partial:10');
});

test('rejects unknown or malformed strategies with a UserError', () => {
  for (const bad of ['turbo', 'parallel:0', 'parallel:x', 'cache:hot', 'cache:partial:0', 'cache:partial:101', 'sequential:2', '']) {
    assert.throws(() => parseStrategies(bad, 2), UserError, bad);
  }
});

test('scan flags: cache strategies run in-process with their cache file', () => {
  const [seq, par, warm, part] = parseStrategies('sequential,parallel:3,cache:warm,cache:partial:5', 2);
  assert.deepEqual(scanArgs(seq, null), ['--parallel', '0', '--progress', 'none', '--no-cache']);
  assert.deepEqual(scanArgs(par, null), ['--parallel', '3', '--progress', 'none', '--no-cache']);
  assert.deepEqual(scanArgs(warm, '/t/c.sqlite'), ['--parallel', '0', '--progress', 'none', '--cache', '--cache-location', '/t/c.sqlite']);
  assert.equal(needsPrimedCache(warm) && needsPrimedCache(part) && !needsPrimedCache(seq), true);
  assert.throws(() => scanArgs(warm, null));
});
