/**
 * Plain ANSI styling and width fitting for the text reporters. No dependency:
 * a handful of SGR codes is all a report needs, and `color: false` (NO_COLOR,
 * a pipe) must give exactly the unstyled text.
 */

/** Functions that wrap text in one style each; identity when colour is off. */
export interface Styles {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly underline: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly green: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
const plain = (text: string) => text;

export function styles(color: boolean): Styles {
  if (!color) {
    return { bold: plain, dim: plain, underline: plain, red: plain, yellow: plain, cyan: plain, green: plain };
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    underline: sgr(4, 24),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    green: sgr(32, 39),
  };
}

// eslint-disable-next-line no-control-regex -- matching escape codes is the point
const ANSI = /\u001b\[[0-9;]*m/g;

/** Text without ANSI styling. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * Length in characters (code points), as a terminal column count approximates
 * it. Counted without building an array: reports call this once per cell.
 */
export function charLength(text: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) surrogatePairs += 1;
  }
  return text.length - surrogatePairs;
}

/** Cuts text to `width` characters, marking the cut with `…`. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (charLength(text) <= width) return text;
  return `${[...text].slice(0, width - 1).join('')}…`;
}

/** Cuts text from the left (keeps the end, where a path's file name is). */
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length <= width) return text;
  return `…${chars.slice(chars.length - width + 1).join('')}`;
}

export function padEnd(text: string, width: number): string {
  const length = charLength(text);
  return length >= width ? text : text + ' '.repeat(width - length);
}

export function padStart(text: string, width: number): string {
  const length = charLength(text);
  return length >= width ? text : ' '.repeat(width - length) + text;
}

/** 1234567 -> `1,234,567`, locale-free so reports read the same everywhere. */
export function groupDigits(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A duration for humans: `850 ms`, `1.23 s`, `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** Text that wrapping would leave as it is: words separated by single spaces. */
const SINGLE_SPACED = /^\S+(?: \S+)*$/;

/**
 * Word-wraps text into lines of at most `width` characters; a word longer than that is broken.
 * Runs of whitespace become one space. Linear in the text: a large report wraps every message.
 */
export function wrap(text: string, width: number): string[] {
  const max = Math.max(1, width);
  // Most messages fit as they are (a code-unit count bounds the character count).
  if (text.length <= max && SINGLE_SPACED.test(text)) return [text];
  const lines: string[] = [];
  let current = '';
  let currentLength = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const wordLength = charLength(word);
    if (current !== '' && currentLength + 1 + wordLength <= max) {
      current += ` ${word}`;
      currentLength += 1 + wordLength;
      continue;
    }
    if (current === '' && wordLength <= max) {
      current = word;
      currentLength = wordLength;
      continue;
    }
    if (current !== '') lines.push(current);
    if (wordLength <= max) {
      current = word;
      currentLength = wordLength;
      continue;
    }
    const chars = [...word];
    let start = 0;
    for (; chars.length - start > max; start += max) lines.push(chars.slice(start, start + max).join(''));
    current = chars.slice(start).join('');
    currentLength = chars.length - start;
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}
