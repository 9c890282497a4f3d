import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countLines, stripCppComments } from '../../src/analysis/lines.js';

/** source → [code, comment, blank], each row checked against cloc 1.96 by hand. */
const TABLE: readonly (readonly [string, string, readonly [number, number, number]])[] = [
  ['empty file', '', [0, 0, 0]],
  ['no final newline', 'a;\nb;', [2, 0, 0]],
  ['code with a trailing comment is code', 'a; // c\n', [1, 0, 0]],
  ['line comment', '// c\na;\n', [1, 1, 0]],
  ['blank lines inside a block comment are blank', '/* a\n\n b */\nx;\n', [1, 2, 1]],
  ['whitespace-only line is blank', 'a;\n  \t\nb;\n', [2, 0, 1]],
  ['CRLF', '// c\r\na;\r\n\r\n', [1, 1, 1]],
  ['BOM is dropped', '\uFEFF// c\na;\n', [1, 1, 0]],
  ['shebang is code', '#!/usr/bin/env node\nx();\n', [2, 0, 0]],
  ['JSX comment is code (braces remain)', 'const a = <div>\n{/* c */}\n</div>;\n', [3, 0, 0]],
  ['"//" in a string cuts the line, which stays code', 'const u = "http://x";\n', [1, 0, 0]],
  ["'/*' in a string opens a comment (cloc does not parse strings)", "const s = '/*';\nfoo();\nbar(); // */\nbaz();\n", [2, 2, 0]],
  ['code after a block comment on the same line is code', '/* c */ a;\n', [1, 0, 0]],
  ['a blank line after a line ending in \\ is not blank', 'a = "x\\\n\ny";\n', [3, 0, 0]],
  ['a // comment ending in \\ swallows the next line', 'a; // x \\\nb;\n', [1, 1, 0]],
  ['a regex ending in \\// glues cloc\'s lines: the comment after it counts as code', 'x = /a\\//;\n/* c */\ny;\n', [3, 0, 0]],
  ['unclosed block comment is code', 'a; /* never closed\nb;\n', [2, 0, 0]],
];

describe('countLines (cloc 1.96 semantics)', () => {
  for (const [name, source, [code, comment, blank]] of TABLE) {
    it(name, () => {
      const counts = countLines(source);
      assert.deepEqual({ code: counts.code, comment: counts.comment, blank: counts.blank }, { code, comment, blank });
      assert.equal(counts.lines, code + comment + blank);
    });
  }

  it('stays linear on many unclosed /* (cloc would time out; we must not)', () => {
    const source = 'a = "/*";\n'.repeat(200_000);
    const started = performance.now();
    const counts = countLines(source);
    assert.equal(counts.lines, 200_000);
    assert.ok(performance.now() - started < 2000);
  });
});

describe('stripCppComments', () => {
  it('removes // through its newline and /* … */ leftmost-first', () => {
    assert.equal(stripCppComments('a // b\nc /* d */ e\n'), 'a c  e\n');
    assert.equal(stripCppComments('/*/ x */y\n'), 'y\n');
    assert.equal(stripCppComments('/* // */ z\n'), ' z\n');
  });
});
