/**
 * Terminal columns: width, padding, truncation and wrapping, measured as a
 * terminal draws the text (string-width and cli-truncate: CJK and most emoji
 * take two columns, combining marks none, ANSI styling none). Everything here
 * returns plain strings, so callers lay out unstyled text first and style it
 * afterwards.
 */
import { createRequire } from 'node:module';
import type cliTruncateFunction from 'cli-truncate';
import type stringWidthFunction from 'string-width';

/*
 * string-width and cli-truncate are loaded on the first text that is not
 * NARROW_TEXT: loading string-width compiles its Unicode property regexes
 * and builds an Intl.Segmenter, ~30 ms, a tenth of a warm scan whose report
 * is all narrow text. (require of an ES module: Node >= 20.19.)
 */
const load = createRequire(import.meta.url);
let stringWidthModule: typeof stringWidthFunction | undefined;
let cliTruncateModule: typeof cliTruncateFunction | undefined;
const stringWidth = (text: string): number =>
  (stringWidthModule ??= (load('string-width') as { default: typeof stringWidthFunction }).default)(text);
const cliTruncate: typeof cliTruncateFunction = (text, columns, options) =>
  (cliTruncateModule ??= (load('cli-truncate') as { default: typeof cliTruncateFunction }).default)(text, columns, options);

/**
 * Text of one-column characters only (printable ASCII, Latin-1 and Latin
 * Extended letters, general punctuation such as `…` and `—`, arrows such as
 * `→`, box drawing and blocks, the check marks `✔ ✖`): one column per UTF-16
 * unit, no grapheme ever spans two of them, so width is length and any cut is
 * clean. string-width agrees on every one of these characters
 * (test/text/width.test.ts checks each). Most of a report is such text, and
 * string-width's grapheme segmentation costs ~4 µs a call: 35 ms for a
 * 6,000-finding report.
 */
const NARROW_VISIBLE = '\\x21-\\x7e\\u00a1-\\u00ac\\u00ae-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u21ff\\u2500-\\u259f\\u2713\\u2714\\u2716\\u2717';
export const NARROW_TEXT = new RegExp(`^[ \\u00a0${NARROW_VISIBLE}]*$`);

/** Columns the text takes in a terminal. */
export function textWidth(text: string): number {
  return NARROW_TEXT.test(text) ? text.length : stringWidth(text);
}

/** Cuts text to at most `width` columns, marking the cut with `…` at the end. */
export function truncate(text: string, width: number): string {
  return fit(text, width, 'end');
}

/** Cuts text from the left, keeping the end (where a path's file name is): `…/deep/file.ts`. */
export function truncateStart(text: string, width: number): string {
  return fit(text, width, 'start');
}

/** The text within `width` columns, cut at `position` when it is wider. Narrow text is measured and cut by length (one test of NARROW_TEXT). */
function fit(text: string, width: number, position: 'start' | 'end'): string {
  if (width <= 0) return '';
  if (NARROW_TEXT.test(text)) {
    if (text.length <= width) return text;
    if (width === 1) return '…';
    return position === 'end' ? `${text.slice(0, width - 1)}…` : `…${text.slice(text.length - (width - 1))}`;
  }
  return stringWidth(text) <= width ? text : cut(text, width, position);
}

/** cli-truncate, asked for one column less when a wide character at the cut would overflow the width. */
function cut(text: string, width: number, position: 'start' | 'end'): string {
  for (let columns = width; columns > 1; columns--) {
    const result = cliTruncate(text, columns, { position });
    if (textWidth(result) <= width) return result;
  }
  return '…';
}

/** Left-aligns text in exactly `width` columns: padded with spaces, or truncated with `…`. */
export function padEnd(text: string, width: number): string {
  const fitted = truncate(text, width);
  const length = textWidth(fitted);
  return length >= width ? fitted : fitted + ' '.repeat(width - length);
}

/** Right-aligns text in exactly `width` columns: padded with spaces, or truncated with `…`. */
export function padStart(text: string, width: number): string {
  const fitted = truncate(text, width);
  const length = textWidth(fitted);
  return length >= width ? fitted : ' '.repeat(width - length) + fitted;
}

/** Words of narrow text separated by single spaces: wrapping leaves such text as it is if it fits. */
const SIMPLE = new RegExp(`^[${NARROW_VISIBLE}]+(?: [${NARROW_VISIBLE}]+)*$`);
/** Built on the first word too wide for a line (building one costs ~9 ms). */
let graphemes: Intl.Segmenter | undefined;

/**
 * Word-wraps text into lines of at most `width` columns; a word wider than that
 * is broken between graphemes. Runs of whitespace (newlines included) become
 * one space, so the result never holds a line break of the input's.
 * Linear, and measured with string-width word by word: a large report wraps
 * every one of its 100,000 messages, and wrap-ansi took 0.3 ms per message
 * (30 s for such a report at 40 columns) where this takes microseconds.
 */
export function wrap(text: string, width: number): string[] {
  const max = Math.max(1, width);
  if (text.length <= max && SIMPLE.test(text)) return [text];
  if (NARROW_TEXT.test(text) && !text.includes('\u00a0')) return wrapNarrow(text, max);
  return wrapMeasured(text, max);
}

/** `wrap` measuring every word (and, for a word wider than a line, every grapheme): right for any text. */
export function wrapMeasured(text: string, width: number): string[] {
  const lines = new LineBuilder(Math.max(1, width));
  for (const word of text.split(/\s+/)) {
    if (word !== '') lines.addWord(word);
  }
  return lines.finish();
}

/**
 * `wrap` for narrow text whose only whitespace is the plain space (the usual
 * finding message): lengths are widths, so no measuring; the same lines as
 * LineBuilder gives, with a fraction of its calls (a report wraps every one
 * of its messages, most of them in a cold process).
 */
function wrapNarrow(text: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (current !== '' && current.length + 1 + word.length <= max) {
      current += ` ${word}`;
      continue;
    }
    if (current !== '') lines.push(current);
    let start = 0;
    // A word wider than a line: lines of `max` units, the last one left open.
    for (; word.length - start > max; start += max) lines.push(word.slice(start, start + max));
    current = start === 0 ? word : word.slice(start);
  }
  if (current !== '') lines.push(current);
  return lines.length === 0 ? [''] : lines;
}

/** The lines of `wrap` as they fill up. */
class LineBuilder {
  private readonly lines: string[] = [];
  private current = '';
  private currentWidth = 0;
  constructor(private readonly max: number) {}

  addWord(word: string): void {
    const wordWidth = textWidth(word);
    if (this.current !== '' && this.currentWidth + 1 + wordWidth <= this.max) {
      this.append(` ${word}`, 1 + wordWidth);
      return;
    }
    this.flush();
    if (wordWidth <= this.max) this.append(word, wordWidth);
    else this.breakWord(word);
  }

  finish(): string[] {
    this.flush();
    return this.lines.length === 0 ? [''] : this.lines;
  }

  /** A word wider than a line, cut between graphemes (never inside an emoji or a combined character). */
  private breakWord(word: string): void {
    if (NARROW_TEXT.test(word)) {
      // One column a unit, no grapheme spans two: lines of `max` units.
      for (let start = 0; start < word.length; start += this.max) {
        this.flush();
        const piece = word.slice(start, start + this.max);
        this.append(piece, piece.length);
      }
      return;
    }
    for (const { segment } of (graphemes ??= new Intl.Segmenter()).segment(word)) {
      const segmentWidth = textWidth(segment);
      if (this.current !== '' && this.currentWidth + segmentWidth > this.max) this.flush();
      this.append(segment, segmentWidth);
    }
  }

  private append(text: string, width: number): void {
    this.current += text;
    this.currentWidth += width;
  }

  private flush(): void {
    if (this.current !== '') this.lines.push(this.current);
    this.current = '';
    this.currentWidth = 0;
  }
}
