/**
 * Physical / code / comment / blank line counts that agree exactly with
 * `cloc --by-file` 1.96 for JavaScript, JSX and TypeScript.
 *
 * cloc does not tokenize, so neither does this: it reproduces cloc's algorithm,
 * quirks included, because the report promises cloc's numbers. What cloc 1.96
 * does (read from its source, confirmed by experiment):
 *  1. Lines are split at `\n`; a missing final newline still makes a line. A
 *     UTF-8 BOM is dropped from line 1; one `\r` before each `\n` is dropped.
 *  2. A line matching /^\s*$/ is blank — even inside a block comment, because
 *     blanks are removed before comments — unless the line before it ends in
 *     `\` (cloc's "EOL continuation" for these languages): then it is kept.
 *  3. The kept lines are joined, each followed by an extra `\n` (except a line
 *     ending in `\`), and Regexp::Common's C++ comment regex is replaced away:
 *     `//` up to and including the next `\n`, `/*` up to the first `*\/`.
 *     Strings are NOT understood (the string-aware filter only runs with
 *     --strip-str-comments): `'/*'` in a string opens a comment, and a
 *     `"http://x"` cuts the rest of its line (which stays code).
 *  4. The result is split at `\n` (trailing empty fields dropped, as Perl's
 *     split does); a field is code unless blank and not after a field ending
 *     in `\` — so a regex like `/a\//` leaves `/a\` and makes the empty
 *     field after it a code line. Comment = total − blank − code. No shebang
 *     rule applies to these languages (they are not cloc "script" languages).
 */

/** What cloc reports for one file. `lines` = code + comment + blank. */
interface LineCounts {
  readonly lines: number;
  readonly code: number;
  readonly comment: number;
  readonly blank: number;
}

const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;

/** Perl's `\s` on a byte string: space, \t, \n, \v, \f, \r. */
function isPerlSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isPerlSpace(text.charCodeAt(i))) return false;
  }
  return true;
}

/** Counts lines the way `cloc --by-file` 1.96 counts a JavaScript/TypeScript file. */
export function countLines(source: string): LineCounts {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.length === 0) return { lines: 0, code: 0, comment: 0, blank: 0 };

  // Steps 1-3: collect the kept lines into cloc's joined text.
  const parts: string[] = [];
  let total = 0;
  let blank = 0;
  let previousContinues = false;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    total++;
    let lineEnd = end;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const continues = lineEnd > start && text.charCodeAt(lineEnd - 1) === BACKSLASH;
    if (isBlank(text, start, lineEnd) && !previousContinues) {
      blank++;
    } else {
      const line = text.slice(start, lineEnd);
      parts.push(continues ? `${line}\n` : `${line}\n\n`);
    }
    previousContinues = continues;
    start = end + 1;
  }
  const code = countCodeLines(stripCppComments(parts.join('')));
  return { lines: total, code, comment: total - blank - code, blank };
}

/** `s/$RE{comment}{C++}//g`: leftmost, non-overlapping, `//…\n` and `/*…*\/`. */
export function stripCppComments(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  // Once no `*/` exists after some offset, none exists after any later one:
  // remembering that keeps an unclosed `/*` from making this quadratic.
  let noCloseFrom = Infinity;
  while (i < text.length) {
    const slash = text.indexOf('/', i);
    if (slash < 0 || slash + 1 >= text.length) break;
    const next = text.charCodeAt(slash + 1);
    if (next === SLASH) {
      const nl = text.indexOf('\n', slash + 2);
      if (nl < 0) break;
      out += text.slice(copied, slash);
      copied = i = nl + 1;
    } else if (next === STAR && slash + 2 < noCloseFrom) {
      const close = text.indexOf('*/', slash + 2);
      if (close < 0) {
        noCloseFrom = slash + 2;
        i = slash + 1;
        continue;
      }
      out += text.slice(copied, slash);
      copied = i = close + 2;
    } else {
      i = slash + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function countCodeLines(text: string): number {
  // Perl's split drops trailing empty fields; they would otherwise count after a `\`.
  let limit = text.length;
  while (limit > 0 && text.charCodeAt(limit - 1) === 10) limit--;
  let code = 0;
  let previousContinues = false;
  let start = 0;
  while (start < limit) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > limit) end = limit;
    if (previousContinues || !isBlank(text, start, end)) code++;
    previousContinues = end > start && text.charCodeAt(end - 1) === BACKSLASH;
    start = end + 1;
  }
  return code;
}
