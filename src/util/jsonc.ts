/**
 * A JSON-with-comments reader (tsconfig.json, sonde.config.jsonc): blanks
 * `//` and block comments and trailing commas, then hands the text to
 * JSON.parse. A hand scanner (rather than TypeScript's own config parser)
 * keeps the cross-file pass free of the 10 MB compiler load and never
 * evaluates anything. Blanking keeps every offset, so an error's line and
 * column are those of the original text.
 */

/** Returns `text` as strict JSON of the same length: comments and trailing commas become spaces (newlines kept), strings untouched. */
function stripJsonc(text: string): string {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  // Index in `out` of the last comma seen outside a string, while only whitespace/comments follow it.
  let pendingComma = -1;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) out.push(text[k] === '\n' ? '\n' : ' ');
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"') {
      const start = i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(i + 1, n);
      for (let k = start; k < i; k++) out.push(text[k]!);
      pendingComma = -1;
    } else if (ch === '/' && text[i + 1] === '/') {
      const start = i;
      while (i < n && text[i] !== '\n') i++;
      blank(start, i);
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (ch === '}' || ch === ']') {
      if (pendingComma !== -1) out[pendingComma] = ' ';
      pendingComma = -1;
      out.push(ch);
      i++;
    } else {
      if (ch === ',') pendingComma = out.length;
      else if (!/\s/.test(ch)) pendingComma = -1;
      out.push(ch);
      i++;
    }
  }
  return out.join('');
}

/** A JSON(C) syntax error: where (offset, line, column), never the text around it. */
export class JsonSyntaxError extends SyntaxError {
  constructor(
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(line === undefined ? 'not valid JSON' : `not valid JSON at line ${line} column ${column}`);
  }
}

/** Parses JSON with comments and trailing commas; throws JsonSyntaxError (with line and column) on anything else. */
export function parseJsonc(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const json = stripJsonc(body);
  try {
    return JSON.parse(json);
  } catch {
    const offset = jsonErrorOffset(json);
    if (offset === undefined) throw new JsonSyntaxError(undefined, undefined);
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    throw new JsonSyntaxError(line, before.length - before.lastIndexOf('\n'));
  }
}

const NUMBER_OR_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * The offset of the first syntax error in strict JSON (V8's messages in
 * Node 20 do not always give one, and may quote the content); undefined
 * when none is found or the nesting is too deep to walk.
 */
export function jsonErrorOffset(t: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const space = () => {
    while (i < t.length && (t[i] === ' ' || t[i] === '\t' || t[i] === '\n' || t[i] === '\r')) i++;
  };
  const string = () => {
    i++;
    while (i < t.length && t[i] !== '"') {
      if (t.charCodeAt(i) < 0x20) fail();
      i += t[i] === '\\' ? 2 : 1;
    }
    if (i >= t.length) fail();
    i++;
  };
  const list = (close: string, item: () => void) => {
    i++;
    space();
    if (t[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (t[i] === ',') i++;
      else if (t[i] === close) return void i++;
      else fail();
    }
  };
  const value = (): void => {
    space();
    const c = t[i];
    if (c === '{') {
      return list('}', () => {
        space();
        if (t[i] !== '"') fail();
        string();
        space();
        if (t[i] !== ':') fail();
        i++;
        value();
      });
    }
    if (c === '[') return list(']', value);
    if (c === '"') return string();
    NUMBER_OR_LITERAL.lastIndex = i;
    if (!NUMBER_OR_LITERAL.exec(t)) fail();
    i = NUMBER_OR_LITERAL.lastIndex;
  };
  try {
    value();
    space();
    if (i < t.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof JsonStop) return Math.min(error.offset, t.length);
    return undefined; // too deep: a RangeError from the recursion
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}
