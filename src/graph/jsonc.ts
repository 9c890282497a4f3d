/**
 * A JSON-with-comments reader for tsconfig.json: strips `//` and block
 * comments and trailing commas, then hands the text to JSON.parse. A hand
 * scanner (rather than TypeScript's own config parser) keeps the cross-file
 * pass free of the 10 MB compiler load and never evaluates anything.
 */

/** Returns `text` as strict JSON: comments blanked, trailing commas removed, strings untouched. */
function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  // Index in `out` of the last comma seen outside a string, while only whitespace/comments follow it.
  let pendingComma = -1;
  while (i < n) {
    const ch = text[i];
    if (ch === '"') {
      const start = i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      out += text.slice(start, i);
      pendingComma = -1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      out += ' ';
    } else if (ch === '}' || ch === ']') {
      if (pendingComma !== -1) out = out.slice(0, pendingComma) + ' ' + out.slice(pendingComma + 1);
      pendingComma = -1;
      out += ch;
      i++;
    } else {
      if (ch === ',') pendingComma = out.length;
      else if (!/\s/.test(ch)) pendingComma = -1;
      out += ch;
      i++;
    }
  }
  return out;
}

/** Parses JSON with comments and trailing commas; throws SyntaxError on anything else. */
export function parseJsonc(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return JSON.parse(stripJsonc(body));
}
