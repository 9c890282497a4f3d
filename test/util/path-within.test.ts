import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWithin } from '../../src/util/path-within.js';

describe('isWithin', () => {
  const table: [string, string, boolean][] = [
    ['/repo', '/repo', true],
    ['/repo', '/repo/src', true],
    ['/repo', '/repo/..x/a.ts', true],
    ['/repo', '/repository', false],
    ['/repo/src', '/repo', false],
    ['/', '/etc/passwd', true],
    ['/repo/', '/repo/src', true],
  ];
  for (const [outer, inner, expected] of table) {
    it(`${inner} in ${outer}: ${expected}`, () => assert.equal(isWithin(outer, inner), expected));
  }
});
