import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { padEnd, padStart, textWidth, truncate, truncateStart, wrap } from '../../src/text/index.js';
import { NARROW_TEXT, wrapMeasured } from '../../src/text/width.js';

describe('textWidth', () => {
  it('counts terminal columns: CJK and emoji take two, combining marks none, ANSI styling none', () => {
    assert.equal(textWidth('abc'), 3);
    assert.equal(textWidth('日本語'), 6);
    assert.equal(textWidth('😀'), 2);
    assert.equal(textWidth('👩‍💻'), 2, 'a ZWJ sequence is one glyph');
    assert.equal(textWidth('e\u0301'), 1);
    assert.equal(textWidth('\u001b[31mred\u001b[39m'), 3);
  });
});

describe('padEnd / padStart', () => {
  it('align CJK and emoji by columns, so the next column starts at the same place', () => {
    const rows = ['abc', '日本', '😀x', 'a'].map((name) => `${padEnd(name, 6)}|${padStart(name, 6)}|`);
    for (const row of rows) assert.equal(textWidth(row), 14, row);
    assert.equal(padEnd('日本', 6), '日本  ');
    assert.equal(padStart('😀', 4), '  😀');
  });
  it('cut text that does not fit, marking the cut', () => {
    assert.equal(padEnd('abcdef', 4), 'abc…');
    assert.equal(padStart('abcdef', 4), 'abc…');
    assert.equal(textWidth(padEnd('日本語テキスト', 5)), 5);
  });
});

describe('truncate / truncateStart', () => {
  it('cut from the right or, for paths, from the left', () => {
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(truncate('abc', 4), 'abc');
    assert.equal(truncate('abc', 0), '');
    assert.equal(truncateStart('src/deep/file.ts', 8), '…file.ts');
  });
  it('never exceed the width with wide characters', () => {
    for (let width = 1; width < 12; width++) {
      assert.ok(textWidth(truncate('日本語のファイル名.ts', width)) <= width, `truncate ${width}`);
      assert.ok(textWidth(truncateStart('src/日本語/ファイル😀.ts', width)) <= width, `truncateStart ${width}`);
    }
  });
});

describe('wrap', () => {
  it('breaks on spaces within the width and hard-breaks longer words', () => {
    assert.deepEqual(wrap('aa bb cc', 5), ['aa bb', 'cc']);
    assert.deepEqual(wrap('abcdefgh', 3), ['abc', 'def', 'gh']);
    assert.deepEqual(wrap('', 3), ['']);
    assert.deepEqual(wrap('ab', 0), ['a', 'b']);
  });
  it('measures columns (an emoji is two) and turns whitespace runs, newlines included, into one space', () => {
    assert.deepEqual(wrap('😀😀 ab', 4), ['😀😀', 'ab']);
    assert.deepEqual(wrap('日本語 テキスト', 6), ['日本語', 'テキス', 'ト']);
    assert.deepEqual(wrap('  a\t\tb \n c  ', 80), ['a b c']);
  });
  it('keeps every word and every line within the width on random text', () => {
    const alphabet = ['a', 'b', 'é', '😀', '日', ' ', ' ', '\t', '\n', '(', '1'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 1000; trial++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)];
      const width = 2 + Math.floor(random() * 10);
      const lines = wrap(text, width);
      const context = JSON.stringify({ text, width, lines });
      for (const line of lines) assert.ok(textWidth(line) <= width, context);
      assert.equal(lines.join('').replace(/\s+/g, ''), text.replace(/\s+/g, ''), context);
    }
  });
});

describe('NARROW_TEXT (the fast path that skips string-width)', () => {
  it('holds only characters string-width measures as one column, each alone and all together', async () => {
    const { default: stringWidth } = await import('string-width');
    const chars: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (NARROW_TEXT.test(char)) chars.push(char);
    }
    assert.ok(chars.length > 900, `${chars.length} characters`);
    for (const char of chars) assert.equal(stringWidth(char), 1, `U+${char.charCodeAt(0).toString(16)}`);
    const all = chars.join('');
    assert.equal(stringWidth(all), all.length);
    assert.equal(textWidth(all), all.length);
  });

  it('cuts narrow text as cli-truncate does', async () => {
    const { default: cliTruncate } = await import('cli-truncate');
    for (const text of ['src/deep/file.ts', 'Import cycle: a.ts → b.ts → a.ts', 'café — naïve…', 'x']) {
      for (let width = 1; width <= text.length + 1; width++) {
        assert.equal(truncate(text, width), cliTruncate(text, width, { position: 'end' }), `end ${width} ${text}`);
        assert.equal(truncateStart(text, width), cliTruncate(text, width, { position: 'start' }), `start ${width} ${text}`);
      }
    }
  });
});

describe('wrap of narrow text (no measuring)', () => {
  it('gives the lines measured wrapping gives, for every width', () => {
    let state = 7;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((state / 2 ** 31) * below);
    };
    const words = ['a', 'of', 'cycle', '→', 'effect/Arbitrary.ts', 'x'.repeat(45), 'naïve', '—', "'name'", '(max', '10)', '…'];
    for (let sample = 0; sample < 300; sample++) {
      const text = Array.from({ length: 1 + random(14) }, () => words[random(words.length)]).join(' '.repeat(1 + (random(8) === 0 ? 1 : 0)));
      const padded = random(5) === 0 ? `  ${text} ` : text;
      for (const width of [1, 2, 5, 17, 36, 40, 80]) assert.deepEqual(wrap(padded, width), wrapMeasured(padded, width), `${JSON.stringify(padded)} at ${width}`);
    }
  });
});
