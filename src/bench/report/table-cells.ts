/**
 * The cells the text, Markdown and HTML reports share, so a column means the
 * same thing in every export; each format only wraps names and verdicts.
 */
import type { StrategyResult, SuiteReport } from '../types.js';
import { formatCount, formatMebibytes, formatMs, formatPercent } from '../../text/index.js';

/** Headers of `measuredCells`, after the strategy column. */
export const MEASURED_COLUMNS = ['n', 'mean ± σ', '95% CI (geo. mean)', 'median', 'min … max', 'files/s', 'lines/s', 'peak RSS (median / max)', 'CPU', 'cache hits'] as const;

/** One strategy's statistics, throughput, memory, CPU and cache hit rate. */
export function measuredCells(result: StrategyResult): string[] {
  const s = result.summary;
  return [
    String(s.n),
    `${formatMs(s.mean)} ± ${formatMs(s.sd)}`,
    `${formatMs(s.ci95[0])} … ${formatMs(s.ci95[1])}`,
    formatMs(s.median),
    `${formatMs(s.min)} … ${formatMs(s.max)}`,
    formatCount(result.filesPerSecond),
    formatCount(result.linesPerSecond),
    `${formatMebibytes(result.peakRss.median)} / ${formatMebibytes(result.peakRss.max)}`,
    result.cpuUtilization.toFixed(2),
    result.cacheHitRate === null ? '–' : formatPercent(result.cacheHitRate, 0),
  ];
}

/** The suite's size × strategy grid of `median wall / median peak RSS`, with its strategies in column order. */
export function suiteGrid(suite: SuiteReport): { strategies: string[]; rows: string[][] } {
  const strategies = [...new Set(suite.sizes.flatMap((s) => s.points.map((p) => p.strategy)))];
  const rows = suite.sizes.map((s) => [
    s.size,
    s.files.toLocaleString('en-US'),
    s.lines.toLocaleString('en-US'),
    ...strategies.map((strategy) => {
      const point = s.points.find((p) => p.strategy === strategy);
      return point ? `${formatMs(point.medianWallMs)} / ${formatMebibytes(point.medianPeakRssBytes)}` : '–';
    }),
  ]);
  return { strategies, rows };
}
