import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch, editDistance } from '../../src/util/edit-distance.js';

const COMMANDS = ['scan', 'bench', 'generate', 'cache', 'help'];

describe('editDistance (optimal string alignment)', () => {
  const table: [string, string, number][] = [
    ['scan', 'scan', 0],
    ['scna', 'scan', 1], // a swap of neighbours is one edit (Damerau)
    ['benchh', 'bench', 1],
    ['paralel', 'parallel', 1],
    ['fromat', 'format', 1],
    ['', 'abc', 3],
    ['src', 'scan', 3],
    ['kitten', 'sitting', 3],
  ];
  for (const [a, b, expected] of table) it(`${a || "''"} → ${b}: ${expected}`, () => assert.equal(editDistance(a, b), expected));
});

describe('closestMatch', () => {
  const valid: [string, string][] = [
    ['benchh', 'bench'],
    ['scna', 'scan'],
    ['cach', 'cache'],
    ['genrate', 'generate'],
    ['hlep', 'help'],
  ];
  for (const [word, expected] of valid) it(`suggests ${expected} for ${word}`, () => assert.equal(closestMatch(word, COMMANDS), expected));

  const invalid = ['src', 'lib', 'ab', 'fixtures', 'benchmarks', 'scanner-x'];
  for (const word of invalid) it(`suggests nothing for ${word}`, () => assert.equal(closestMatch(word, COMMANDS), undefined));

  it('prefers the closest candidate, then the earlier one', () => {
    assert.equal(closestMatch('parallel', ['parallels', 'parallel']), 'parallel');
    assert.equal(closestMatch('topp', ['top', 'tops']), 'top');
  });
});
