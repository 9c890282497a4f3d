/**
 * The terminal report of `sonde bench`, after hyperfine: per strategy mean ± σ,
 * range, throughput and memory; then "X ± Y times faster" against the
 * reference, warnings and recommendations. Pure: report in, text out.
 */
import type { BenchReport, StrategyComparison, StrategyResult, SuiteReport } from '../types.js';
import { comparisonText } from './comparison-text.js';
import { suiteGrid } from './table-cells.js';
import { MIN_RUNS_FOR_INTERVAL } from '../stats/index.js';
import { escapeTerminal, formatCount, formatMebibytes, formatMs, formatPercent, padEnd, padStart, textWidth } from '../../text/index.js';

/** A plain aligned table: first column left, the rest right-aligned. */
export function textTable(header: readonly string[], cells: readonly (readonly string[])[]): string {
  // A cell can come from a baseline file inside the scanned tree: escaped before it is measured.
  const rows = cells.map((row) => row.map(escapeTerminal));
  const widths = header.map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? padEnd(c, widths[i]) : padStart(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The geometric mean and its interval (log-normal, never negative), or why there is none. */
function geoLine(s: StrategyResult['summary']): string {
  if (!Number.isFinite(s.ci95[0])) return `[no 95% CI below ${MIN_RUNS_FOR_INTERVAL} runs]`;
  return `[geometric mean ${formatMs(s.geoMean ?? Number.NaN)}, 95% CI ${formatMs(s.ci95[0])} … ${formatMs(s.ci95[1])}]`;
}

/** What the children's parser code cache did (the state each run started with), or null when none was in use. */
function codeCacheLine(r: StrategyResult): string | null {
  const loaded = r.samples.reduce((sum, s) => sum + (s.codeCacheLoaded ?? 0), 0);
  const compiled = r.samples.reduce((sum, s) => sum + (s.codeCacheCompiled ?? 0), 0);
  if (loaded + compiled === 0) return null;
  return `${loaded} file${loaded === 1 ? '' : 's'} loaded from it, ${compiled} compiled (over ${r.samples.length} runs)`;
}

/** One strategy's block. */
function formatStrategyBlock(r: StrategyResult, warmupRuns: number): string {
  const s = r.summary;
  const lines = [`Benchmark: ${r.strategy}  (${s.n} runs, ${warmupRuns} warm-up${warmupRuns === 1 ? '' : 's'} discarded)`];
  if (s.n === 0) {
    lines.push(`  every run failed: ${escapeTerminal(r.failures[0]?.error ?? 'unknown error')}`);
    return lines.join('\n');
  }
  lines.push(
    `  Time (mean ± σ):     ${formatMs(s.mean)} ± ${formatMs(s.sd)}    ${geoLine(s)}`,
    `  Range (min … max):   ${formatMs(s.min)} … ${formatMs(s.max)}    median ${formatMs(s.median)}, MAD ${formatMs(s.mad)}`,
    `  Scan (in process):   ${formatMs(r.scanSummary.median)} median`,
    `  Throughput:          ${formatCount(r.filesPerSecond)} files/s, ${formatCount(r.linesPerSecond)} lines/s`,
    `  Peak RSS:            ${formatMebibytes(r.peakRss.median)} median, ${formatMebibytes(r.peakRss.max)} max    CPU ${r.cpuUtilization.toFixed(2)} cores`,
  );
  if (r.cacheHitRate !== null) lines.push(`  Cache hit rate:      ${formatPercent(r.cacheHitRate, 1)}`);
  const codeCache = codeCacheLine(r);
  if (codeCache) lines.push(`  Parser code cache:   ${codeCache}`);
  if (r.failures.length) lines.push(`  Failed runs:         ${r.failures.length} (${escapeTerminal(r.failures[0].error)})`);
  for (const w of r.warnings) lines.push(`  Warning: ${escapeTerminal(w.replace(`${r.strategy}: `, ''))}`);
  return lines.join('\n');
}

function comparisonLine(c: StrategyComparison, confidence: number): string {
  const t = comparisonText(c, confidence);
  const detail = t.interval ? `(${t.interval}, ${t.p})` : '(no interval)';
  return `  ${c.strategy} vs ${c.reference}: ${t.ratio}  ${detail} → ${t.verdict}`;
}

/** A compact one-row-per-strategy table (used per suite size and in Markdown). */
function resultsTable(results: readonly StrategyResult[], comparisons: readonly StrategyComparison[]): string {
  const rows = results.map((r) => {
    const c = comparisons.find((x) => x.strategy === r.strategy);
    return [
      r.strategy,
      String(r.summary.n),
      `${formatMs(r.summary.mean)} ± ${formatMs(r.summary.sd)}`,
      formatMs(r.summary.median),
      formatCount(r.filesPerSecond),
      formatMebibytes(r.peakRss.median),
      r.cacheHitRate === null ? '–' : formatPercent(r.cacheHitRate, 0),
      c ? `${comparisonText(c).ratio}, ${c.verdict}` : 'reference',
    ];
  });
  return textTable(['strategy', 'n', 'mean ± σ', 'median', 'files/s', 'peak RSS', 'cache', 'vs reference'], rows);
}

/** The suite's size × strategy table of median wall times, then the scaling fits. */
function suiteTables(suite: SuiteReport): string {
  const { strategies, rows: timeRows } = suiteGrid(suite);
  const fitRows = suite.scaling.map((f) => [
    f.strategy,
    `${f.msPerFile.toFixed(3)} ms`,
    formatMs(f.fixedMs),
    `${f.timeExponent.toFixed(2)} (r² ${f.timeR2.toFixed(2)})`,
    `${f.memoryExponent.toFixed(2)} (r² ${f.memoryR2.toFixed(2)})`,
  ]);
  const parts = [
    'Suite: median wall time / median peak RSS',
    textTable(['size', 'files', 'lines', ...strategies], timeRows),
  ];
  if (fitRows.length) {
    parts.push(
      '',
      'Scaling (fits over sizes; exponent 1 = linear)',
      textTable(['strategy', 'per file', 'fixed cost', 'time exponent', 'memory exponent'], fitRows),
    );
  }
  return parts.join('\n');
}

/** The whole report as text. */
export function formatBenchText(report: BenchReport): string {
  const out: string[] = [];
  if (report.suite) {
    for (const size of report.suite.sizes) {
      out.push(`Size ${size.size} (${size.files.toLocaleString('en-US')} files)`, resultsTable(size.results, size.comparisons), '');
    }
    out.push(suiteTables(report.suite), '');
  } else {
    for (const r of report.results) out.push(formatStrategyBlock(r, report.settings.warmupRuns), '');
  }
  if (report.comparisons.length) {
    out.push(report.suite ? `Summary (largest size)` : 'Summary');
    for (const c of report.comparisons) out.push(comparisonLine(c, 1 - report.settings.alpha));
    out.push('');
  }
  if (report.recommendations.length) {
    out.push('Recommendations');
    for (const r of report.recommendations) out.push(`  • ${escapeTerminal(r)}`);
    out.push('');
  }
  return out.join('\n');
}
