import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonc } from '../../src/graph/jsonc.js';

describe('parseJsonc', () => {
  it('drops comments and trailing commas but keeps strings intact', () => {
    const text = `\uFEFF{
      // line comment
      "a": "http://x/*not a comment*/", /* block */
      "b": [1, 2, ],
      "c": { "d": "say \\"hi\\", // still string", },
    }`;
    assert.deepEqual(parseJsonc(text), { a: 'http://x/*not a comment*/', b: [1, 2], c: { d: 'say "hi", // still string' } });
  });

  it('rejects what is not JSON even with comments removed', () => {
    assert.throws(() => parseJsonc('{ a: 1 }'), SyntaxError);
  });
});
