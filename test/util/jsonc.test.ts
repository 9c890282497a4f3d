import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonSyntaxError, parseJsonc } from '../../src/util/jsonc.js';

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

describe('parseJsonc errors', () => {
  const place = (text: string) => {
    try {
      parseJsonc(text);
    } catch (error) {
      assert.ok(error instanceof JsonSyntaxError);
      return [error.line, error.column];
    }
    return assert.fail('parsed');
  };
  const cases: [string, string, [number, number]][] = [
    ['missing value', '{\n  "a": }', [2, 8]],
    ['bad literal after a comment', '{\n  // "a": 1\n  /* x\n  y */ "b": tru\n}', [4, 13]],
    ['double comma', '{"a": 1,, "b": 2}', [1, 9]],
    ['unterminated array', '[1, 2', [1, 6]],
    ['missing colon', '{"secret" 1}', [1, 11]],
  ];
  for (const [name, text, expected] of cases) {
    it(`gives line and column, not the text: ${name}`, () => assert.deepEqual(place(text), expected));
  }

  it('never quotes the content in its message', () => {
    assert.throws(() => parseJsonc('{"token-abc123": tru}'), (error: Error) => !error.message.includes('token') && /line 1 column 18/.test(error.message));
  });
});
