/**
 * The terminal report of `sonde bench`, after hyperfine: per strategy mean ± σ,
 * range, throughput and memory; then "X ± Y times faster" against the
 * reference, warnings and recommendations. Pure: report in, text out.
 */
import type { BenchReport, StrategyComparison, StrategyResult, SuiteReport } from '../types.js';
import { suiteGrid } from './table-cells.js';
import { escapeTerminal, formatCount, formatMebibytes, formatMs, formatP, formatPercent, formatRatio, padEnd, padStart, textWidth } from '../../text/index.js';

/** Hyperfine's error of a ratio of means: r·√((σa/μa)² + (σb/μb)²). */
function ratioError(ratio: number, a: StrategyResult, b: StrategyResult): number {
  const ra = a.summary.sd / a.summary.mean;
  const rb = b.summary.sd / b.summary.mean;
  return ratio * Math.sqrt(ra * ra + rb * rb);
}

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

/** One strategy's block. */
function formatStrategyBlock(r: StrategyResult, warmupRuns: number): string {
  const s = r.summary;
  const lines = [`Benchmark: ${r.strategy}  (${s.n} runs, ${warmupRuns} warm-up${warmupRuns === 1 ? '' : 's'} discarded)`];
  if (s.n === 0) {
    lines.push(`  every run failed: ${escapeTerminal(r.failures[0]?.error ?? 'unknown error')}`);
    return lines.join('\n');
  }
  lines.push(
    `  Time (mean ± σ):     ${formatMs(s.mean)} ± ${formatMs(s.sd)}    [95% CI ${formatMs(s.ci95[0])} … ${formatMs(s.ci95[1])}]`,
    `  Range (min … max):   ${formatMs(s.min)} … ${formatMs(s.max)}    median ${formatMs(s.median)}, MAD ${formatMs(s.mad)}`,
    `  Scan (in process):   ${formatMs(r.scanSummary.median)} median`,
    `  Throughput:          ${formatCount(r.filesPerSecond)} files/s, ${formatCount(r.linesPerSecond)} lines/s`,
    `  Peak RSS:            ${formatMebibytes(r.peakRss.median)} median, ${formatMebibytes(r.peakRss.max)} max    CPU ${r.cpuUtilization.toFixed(2)} cores`,
  );
  if (r.cacheHitRate !== null) lines.push(`  Cache hit rate:      ${formatPercent(r.cacheHitRate, 1)}`);
  if (r.failures.length) lines.push(`  Failed runs:         ${r.failures.length} (${escapeTerminal(r.failures[0].error)})`);
  for (const w of r.warnings) lines.push(`  Warning: ${escapeTerminal(w.replace(`${r.strategy}: `, ''))}`);
  return lines.join('\n');
}

function comparisonLine(c: StrategyComparison, results: readonly StrategyResult[]): string {
  const a = results.find((r) => r.strategy === c.strategy);
  const b = results.find((r) => r.strategy === c.reference);
  const faster = c.speedup.ratio >= 1;
  const ratio = faster ? c.speedup.ratio : 1 / c.speedup.ratio;
  const err = a && b ? ratioError(ratio, a, b) : Number.NaN;
  const [lo, hi] = faster ? [c.speedup.low, c.speedup.high] : [1 / c.speedup.high, 1 / c.speedup.low];
  return (
    `  ${c.strategy}: ${formatRatio(ratio)} ± ${formatRatio(err)} times ${faster ? 'faster' : 'slower'} than ${c.reference}` +
    `  (95% CI ${formatRatio(lo)}–${formatRatio(hi)}, p ${formatP(c.pValue).startsWith('<') ? '' : '= '}${formatP(c.pValue)}) → ${c.verdict}`
  );
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
      c ? `${formatRatio(c.speedup.ratio)}× ${c.verdict}` : 'reference',
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
    for (const c of report.comparisons) out.push(comparisonLine(c, report.results));
    out.push('');
  }
  if (report.recommendations.length) {
    out.push('Recommendations');
    for (const r of report.recommendations) out.push(`  • ${escapeTerminal(r)}`);
    out.push('');
  }
  return out.join('\n');
}
