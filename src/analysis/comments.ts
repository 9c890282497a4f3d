/**
 * `todo-comment` observations: comments that contain a configured tag
 * (`TODO`, `FIXME`, …) as a whole word, case-sensitive.
 *
 * Finding comments without a regex over the raw text (which would see `//`
 * inside strings, templates and regex literals): every string-like token is
 * an AST node, so the text between a node's children ("gaps") holds only
 * punctuation, keywords, whitespace and comments, where `//` and `/*` can
 * only start comments; a leaf node's own text is preceded by its leading
 * trivia. Gaps + leaf trivia cover every comment exactly once.
 * (JsxText has no trivia: its `//` is text.)
 */
import { ts } from './typescript-api.cjs';
import type { DisableDirective, Observation } from '../types.js';

const SK = ts.SyntaxKind;

interface Range {
  readonly pos: number;
  readonly end: number;
}

/** Every comment's range, in no particular order (iterative: safe on deep trees). */
function commentRanges(sourceFile: ts.SourceFile): Range[] {
  const text = sourceFile.text;
  const found: Range[] = [];
  const shebangEnd = text.startsWith('#!') ? lineEnd(text, 0, text.length) : 0;
  const stack: ts.Node[] = [sourceFile];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): undefined => {
    children.push(child);
    return undefined;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    children.length = 0;
    ts.forEachChild(node, collect);
    if (children.length === 0) {
      if (node.kind === SK.JsxText || node.kind === SK.JsxTextAllWhiteSpaces) continue;
      if (node.kind >= SK.FirstLiteralToken && node.kind <= SK.LastTemplateToken) {
        // A literal's text may hold `//`: only its leading trivia can hold comments.
        // TS splits that trivia into "trailing" (same line as the previous token) and "leading".
        for (const r of ts.getTrailingCommentRanges(text, node.pos) ?? []) found.push({ pos: r.pos, end: r.end });
        for (const r of ts.getLeadingCommentRanges(text, node.pos) ?? []) found.push({ pos: r.pos, end: r.end });
      } else {
        // Identifiers, keywords and childless composites (`{ /* c */ }`) are all gap.
        scanGap(text, Math.max(node.pos, shebangEnd), node.end, found);
      }
      continue;
    }
    let cursor = node.pos;
    for (const child of children) {
      if (child.pos > cursor) scanGap(text, Math.max(cursor, shebangEnd), child.pos, found);
      if (child.end > cursor) cursor = child.end;
    }
    if (node.end > cursor) scanGap(text, Math.max(cursor, shebangEnd), node.end, found);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

function lineEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i;
  }
  return limit;
}

function scanGap(text: string, start: number, end: number, found: Range[]): void {
  let i = start;
  while (i < end - 1) {
    if (text.charCodeAt(i) !== 47 /* / */) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === 47) {
      const stop = lineEnd(text, i + 2, end);
      found.push({ pos: i, end: stop });
      i = stop;
    } else if (next === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      const stop = close < 0 || close + 2 > end ? end : close + 2;
      found.push({ pos: i, end: stop });
      i = stop;
    } else {
      i++;
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One `todo-comment` observation per comment containing a tag; text = the first tag in it. */
export function todoComments(sourceFile: ts.SourceFile, tags: readonly string[]): Observation[] {
  const text = sourceFile.text;
  const present = tags.filter((tag) => tag.length > 0 && text.includes(tag));
  if (present.length === 0) return []; // the common case costs one substring search per tag
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${present.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'u');
  const result: Observation[] = [];
  let previous = -1;
  for (const range of commentRanges(sourceFile).sort((a, b) => a.pos - b.pos)) {
    if (range.pos === previous) continue;
    previous = range.pos;
    const match = pattern.exec(text.slice(range.pos, range.end));
    if (match === null) continue;
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(range.pos + match.index);
    result.push({ kind: 'todo-comment', line: line + 1, column: character + 1, text: match[0] });
  }
  return result;
}

/** `sonde-disable`, `sonde-disable-line`, `sonde-disable-next-line`, then rule ids split by commas, then an optional `-- reason`. */
const DIRECTIVE = /^sonde-disable(-next-line|-line)?(?:\s+([\s\S]*))?$/;

/** The file's `sonde-disable…` comments, in source order. */
export function disableDirectives(sourceFile: ts.SourceFile): DisableDirective[] {
  const text = sourceFile.text;
  if (!text.includes('sonde-disable')) return [];
  const result: DisableDirective[] = [];
  let previous = -1;
  for (const range of commentRanges(sourceFile).sort((a, b) => a.pos - b.pos)) {
    if (range.pos === previous) continue;
    previous = range.pos;
    const raw = text.slice(range.pos, range.end);
    const body = (raw.startsWith('/*') ? raw.slice(2, raw.endsWith('*/') ? -2 : undefined) : raw.slice(2)).trim();
    const match = DIRECTIVE.exec(body);
    if (match === null) continue;
    const rules = (match[2] ?? '')
      .split(/\s--\s|^--\s|\s--$/)[0]!
      .split(',')
      .map((rule) => rule.trim())
      .filter((rule) => rule.length > 0);
    const start = sourceFile.getLineAndCharacterOfPosition(range.pos);
    const end = sourceFile.getLineAndCharacterOfPosition(range.end);
    const kind = match[1] === '-next-line' ? 'next-line' : match[1] === '-line' ? 'line' : 'file';
    result.push({ kind, line: start.line + 1, column: start.character + 1, target: kind === 'next-line' ? end.line + 2 : start.line + 1, rules });
  }
  return result;
}
