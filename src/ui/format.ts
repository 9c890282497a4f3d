/**
 * Pure text formatting for the terminal UI: numbers, sizes, durations and
 * fixed-width columns. Everything returns plain strings so the components stay
 * trivial and the tests can assert exact text.
 */

/** 12345 → "12,345". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Bytes → "12.3 MB" (decimal units, as `ps`/activity monitors show). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 || unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** Milliseconds → "850 ms", "1.25 s", "2m 05s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/** A rate per second → "1,234 files/s", "12.5k lines/s". */
export function formatRate(perSecond: number, unit: string): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return `0 ${unit}/s`;
  if (perSecond >= 100_000) return `${(perSecond / 1000).toFixed(0)}k ${unit}/s`;
  if (perSecond >= 10_000) return `${(perSecond / 1000).toFixed(1)}k ${unit}/s`;
  return `${formatCount(perSecond)} ${unit}/s`;
}

/** A fraction 0..1 → "42%". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${Math.round(fraction * 100)}%`;
}

/** Cuts `text` to `width` columns, marking the cut with "…". */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width === 1) return '…';
  return `${text.slice(0, width - 1)}…`;
}

/** Cuts a path from the left so the file name stays visible: "…/deep/dir/file.ts". */
export function truncateLeft(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width === 1) return '…';
  return `…${text.slice(text.length - width + 1)}`;
}

/** Right-aligns `text` in `width` columns (truncating when too long). */
export function padStart(text: string, width: number): string {
  return truncate(text, width).padStart(width);
}

/** Left-aligns `text` in `width` columns (truncating when too long). */
export function padEnd(text: string, width: number): string {
  return truncate(text, width).padEnd(width);
}

/** Word-wraps prose to `width` columns; continuation lines get `indent`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current === '' ? lead + word : `${current} ${word}`;
    if (candidate.length > width && current !== '' && current !== indent) {
      lines.push(current);
      current = `${indent}${word}`;
    } else current = candidate;
  }
  if (current !== '') lines.push(current);
  return lines;
}
