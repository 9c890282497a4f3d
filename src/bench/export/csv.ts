/**
 * `--export-csv`: one row per measured run (raw samples, ready for a
 * spreadsheet or pandas), RFC 4180 quoting.
 */
import type { BenchReport, StrategyResult } from '../types.js';

export const CSV_COLUMNS = [
  'size',
  'strategy',
  'run',
  'wall_ms',
  'scan_ms',
  'peak_rss_bytes',
  'cpu_user_ms',
  'cpu_system_ms',
  'cache_hits',
  'cache_misses',
  'files',
  'lines',
] as const;

/** Quotes a field when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rows(size: string, results: readonly StrategyResult[]): string[] {
  return results.flatMap((r) =>
    r.samples.map((s) =>
      [size, r.strategy, s.run, s.wallMs.toFixed(3), s.scanMs.toFixed(3), s.peakRssBytes, s.cpuUserMs.toFixed(3),
        s.cpuSystemMs.toFixed(3), s.cacheHits, s.cacheMisses, s.files, s.lines]
        .map(csvField)
        .join(','),
    ),
  );
}

export function exportCsv(report: BenchReport): string {
  const body = report.suite
    ? report.suite.sizes.flatMap((s) => rows(s.size, s.results))
    : rows('', report.results);
  return `${[CSV_COLUMNS.join(','), ...body].join('\r\n')}\r\n`;
}
