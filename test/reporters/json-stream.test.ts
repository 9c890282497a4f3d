import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonChunks, LazyItems } from '../../src/reporters/json-stream.js';

const text = (value: unknown) => [...jsonChunks(value)].join('');

describe('jsonChunks', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes', () => {
    const long = Array.from({ length: 1000 }, (_, index) => ({ from: `a/${index}.ts`, to: 'b "quoted"\nline.ts', n: index / 3, ok: index % 2 === 0 }));
    const values: unknown[] = [
      {},
      [],
      { a: [], b: {}, c: null, d: undefined, e: 'é ✓ \u2028', f: [1, [2, []]], g: { h: { i: long } } },
      { nested: [long, [], { deep: long }], numbers: [0, -0, 1e21, 1.5], empty: '' },
      long,
      Array.from({ length: 300 }, (_, index) => (index % 7 === 0 ? undefined : index)),
      'plain',
      42,
      null,
    ];
    for (const value of values) assert.equal(text(value), JSON.stringify(value, null, 2));
  });

  it('builds LazyItems as it writes them, and writes them as an array', () => {
    const built: number[] = [];
    const lazy = new LazyItems(3, (index) => {
      built.push(index);
      return { index, tags: ['x'] };
    });
    const pieces = jsonChunks({ before: 1, files: lazy, after: [] });
    let written = '';
    for (const piece of pieces) {
      written += piece;
      if (written.includes('"before"') && !written.includes('"files"')) assert.deepEqual(built, [], 'nothing built before its turn');
    }
    assert.deepEqual(built, [0, 1, 2]);
    const plain = { before: 1, files: [0, 1, 2].map((index) => ({ index, tags: ['x'] })), after: [] };
    assert.equal(written, JSON.stringify(plain, null, 2));
    assert.equal(text(new LazyItems(0, () => 1)), '[]');
  });
});
