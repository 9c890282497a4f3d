/**
 * `sonde bench` as text: the live matrix of strategies × runs, and the final
 * results (table with CI and bars, speedup chart, recommendations).
 */
import type { BenchReport } from '../../bench/types.js';
import { bar } from '../kit/charts.js';
import { formatCount, formatDuration, padEnd, padStart, wrap } from '../../text/index.js';
import { line, type Line, type Tone } from '../kit/line.js';
import type { BenchCell, BenchProgress } from './bench-progress.js';

/** One cell of the matrix. */
interface MatrixCell {
  readonly text: string;
  readonly tone?: Tone;
  /** Warm-up runs are drawn dimmed. */
  readonly dim: boolean;
}

export interface MatrixRow {
  readonly strategy: string;
  readonly cells: readonly MatrixCell[];
  /** e.g. "3/10", counting measured runs done of planned. */
  readonly count: string;
}

const NAME_WIDTH = 18;
const CELL_WIDTH = 7;

/** A run's wall time as a short cell: "✓412", "✓12.3s". */
export function cellText(cell: BenchCell): string {
  if (cell.status === 'running') return '…';
  if (cell.status === 'failed') return '✗';
  const ms = cell.wallMs ?? 0;
  return `✓${ms < 10_000 ? Math.round(ms) : `${(ms / 1000).toFixed(1)}s`}`;
}

/** Rows of the matrix; when more runs than fit, the latest ones are shown after a "…". */
export function matrixRows(p: BenchProgress, width: number): MatrixRow[] {
  const fit = Math.max(1, Math.floor((width - NAME_WIDTH - 10) / CELL_WIDTH));
  return p.strategies.map((strategy) => {
    const runs = p.cells.get(strategy) ?? [];
    const shown = runs.length > fit ? runs.slice(runs.length - fit + 1) : runs;
    const cells: MatrixCell[] = shown.map((cell) => ({
      text: padEnd(cellText(cell), CELL_WIDTH),
      dim: cell.warmup,
      ...(cell.status === 'failed' ? { tone: 'error' as const } : cell.status === 'done' && !cell.warmup ? { tone: 'good' as const } : {}),
    }));
    if (shown.length < runs.length) cells.unshift({ text: padEnd('…', CELL_WIDTH), dim: true });
    const measured = runs.filter((c) => !c.warmup && c.status !== 'running').length;
    return { strategy: padEnd(strategy, NAME_WIDTH), cells, count: `${measured}/${p.plannedRuns}` };
  });
}

/** The results after the benchmark: table, speedups, scaling (suite), recommendations, warnings. */
export function benchResultLines(report: BenchReport, width: number): Line[] {
  const out: Line[] = [];
  const results = report.results;
  const slowest = Math.max(1, ...results.map((r) => r.summary.mean));
  const barWidth = Math.max(4, width - 63);
  out.push(line(`Results · ${report.settings.target} · ${formatDuration(report.totalDurationMs)} in all`, 'heading'));
  out.push(line(`${padEnd('strategy', 16)}${padStart('mean ± σ', 18)}${padStart('95% CI (geo)', 18)}${padStart('median', 9)}  time`, 'muted'));
  for (const r of results) {
    const s = r.summary;
    // The interval of the geometric mean (log scale): positive, or none below 3 runs.
    const ci = Number.isFinite(s.ci95[0]) ? `[${Math.round(s.ci95[0])}–${Math.round(s.ci95[1])}]` : 'too few runs';
    out.push(
      line(
        `${padEnd(r.strategy, 16)}${padStart(`${formatCount(s.mean)} ± ${formatCount(s.sd)} ms`, 18)}${padStart(ci, 18)}${padStart(formatCount(s.median), 9)}  ${bar(s.mean / slowest, barWidth)}`,
        r.strategy === report.settings.reference ? 'accent' : undefined,
      ),
    );
    if (r.failures.length > 0) out.push(line(`  ✗ ${r.failures.length} failed runs: ${r.failures[0].error}`, 'error'));
  }
  if (report.comparisons.length > 0) {
    const confidence = Math.round((1 - report.settings.alpha) * 100);
    out.push(line(''), line(`Speedup vs ${report.settings.reference} (${confidence}% CI, Welch on log-times)`, 'heading'));
    const best = Math.max(1, ...report.comparisons.map((c) => (Number.isFinite(c.speedup.high) ? c.speedup.high : c.speedup.ratio)));
    const chartWidth = Math.max(4, width - 50);
    for (const c of report.comparisons) {
      const tone: Tone = c.verdict === 'faster' ? 'good' : c.verdict === 'slower' ? 'error' : 'muted';
      const ratio = Number.isFinite(c.speedup.low)
        ? `${c.speedup.ratio.toFixed(2)}× [${c.speedup.low.toFixed(2)}–${c.speedup.high.toFixed(2)}]`
        : `${c.speedup.ratio.toFixed(2)}×`;
      out.push(line(`${padEnd(c.strategy, 16)}${padEnd(ratio, 20)}${padEnd(c.verdict, 13)}${bar(c.speedup.ratio / best, chartWidth)}`, tone));
    }
  }
  if (report.suite && report.suite.scaling.length > 0) {
    out.push(line(''), line('Scaling over the suite sizes', 'heading'));
    for (const fit of report.suite.scaling) {
      out.push(line(`${padEnd(fit.strategy, 16)}${fit.msPerFile.toFixed(2)} ms/file + ${Math.round(fit.fixedMs)} ms · time ∝ files^${fit.timeExponent.toFixed(2)} · memory ∝ files^${fit.memoryExponent.toFixed(2)}`));
    }
  }
  out.push(line(''), line('Recommendations', 'heading'));
  if (report.recommendations.length === 0) out.push(line('  (none: no strategy differed beyond the noise)', 'muted'));
  for (const r of report.recommendations) out.push(...bullet('  • ', r, width).map((t) => line(t)));
  // Warnings last, so the table, speedups and advice fit on the first screen.
  // runBench copies each strategy's warnings into report.warnings: listed once.
  const warnings = [
    ...new Set([...report.warnings, ...results.flatMap((r) => r.warnings.map((w) => (w.startsWith(`${r.strategy}:`) ? w : `${r.strategy}: ${w}`)))]),
  ];
  if (warnings.length > 0) out.push(line(''), line('Warnings', 'heading'));
  for (const w of warnings) out.push(...bullet('  ! ', w, width).map((t) => line(t, 'warning')));
  return out;
}

/** A wrapped list item: `marker` before the first line, continuation lines indented as far. */
function bullet(marker: string, text: string, width: number): string[] {
  const indent = ' '.repeat(marker.length);
  return wrap(text, width - marker.length).map((part, index) => (index === 0 ? marker : indent) + part);
}
