import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeTerminal } from '../../src/text/index.js';

describe('escapeTerminal', () => {
  it('leaves ordinary text, CJK, emoji and backslashes unchanged (the same string)', () => {
    for (const text of ['src/a.ts', '日本語/ファイル.ts', '😀 émoji', 'C:\\path', '']) assert.equal(escapeTerminal(text), text);
  });
  it('shows C0, DEL and C1 controls as \\xNN, and newline, CR and tab by name', () => {
    assert.equal(escapeTerminal('\u001b]0;pwned\u0007.ts'), '\\x1b]0;pwned\\x07.ts');
    assert.equal(escapeTerminal('a\nb\r\tc'), 'a\\nb\\r\\tc');
    assert.equal(escapeTerminal('\u0000\u007f\u009b'), '\\x00\\x7f\\x9b');
  });
  it('shows bidi overrides, isolates and marks as \\uNNNN', () => {
    assert.equal(escapeTerminal('evil\u202etxt.ts'), 'evil\\u202etxt.ts');
    assert.equal(
      escapeTerminal('\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029'),
      '\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029',
    );
  });
  it('leaves no control or bidi character in any output, on every code point below U+3000', () => {
    let all = '';
    for (let code = 0; code < 0x3000; code++) if (code < 0xd800 || code > 0xdfff) all += String.fromCharCode(code);
    const escaped = escapeTerminal(all);
    assert.doesNotMatch(escaped, /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assert.equal(escaped.length > all.length, true, 'something was escaped');
  });
});
