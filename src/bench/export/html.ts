/**
 * `--export-html`: one self-contained file (inline CSS and SVG; a CSP that
 * forbids every network fetch) that opens offline in any browser.
 */
import { median } from '../stats/index.js';
import type { BenchReport, StrategyComparison, StrategyResult, SuiteReport } from '../types.js';
import { formatMebibytes, formatMs } from '../../text/index.js';
import { comparisonText } from '../report/comparison-text.js';
import { MEASURED_COLUMNS, measuredCells, suiteGrid } from '../report/table-cells.js';
import { barChart, esc, lineChart, type Series } from './svg-charts.js';

const MIB = 1024 * 1024;

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1280px;padding:0 1rem;color:#222;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#555}table{border-collapse:collapse;margin:.6rem 0;font-variant-numeric:tabular-nums}
th,td{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}th:first-child,td:first-child{text-align:left}
th{background:#f6f6f6}code{font-family:ui-monospace,Menlo,Consolas,monospace}
.faster{color:#1a7f37;font-weight:600}.slower{color:#cf222e;font-weight:600}.noise{color:#666}
.chart{display:block;margin:.8rem 0;max-width:100%;height:auto}.chart-title{font-weight:600;font-size:14px}
.grid{stroke:#e5e5e5;stroke-width:1}.tick,.value{font-size:11px;fill:#555}.label{font-size:12px;fill:#222}
.axis-label{font-size:12px;fill:#444}.whisker{stroke:#222;stroke-width:1.5;fill:none}
.warn{background:#fff8e1;border-left:4px solid #f0b400;padding:.4rem .8rem;margin:.3rem 0}
ul.recs li{margin:.3rem 0}.scroll{overflow-x:auto}`;

/** Marks each chart with how many of its shapes the browser actually laid out (a rendering self-check). */
const SCRIPT = `
addEventListener('DOMContentLoaded',function(){var total=0;document.querySelectorAll('svg.chart').forEach(function(svg){
var n=0;svg.querySelectorAll('rect.bar,path.series,path.whisker,circle.point').forEach(function(el){var b=el.getBBox();if(b.width>0||b.height>0)n++;});
svg.setAttribute('data-drawn',String(n));total+=n;});document.documentElement.setAttribute('data-charts-drawn',String(total));});`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = header.map((h) => `<th>${h}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table></div>`;
}

const verdictClass = (c: StrategyComparison): string => (c.verdict === 'faster' ? 'faster' : c.verdict === 'slower' ? 'slower' : 'noise');

function verdictHtml(c: StrategyComparison | undefined): string {
  if (!c) return '<span class="noise">reference</span>';
  const t = comparisonText(c);
  return `${esc(t.ratio)}${t.interval ? ` (${esc(t.interval)}), ${esc(t.p ?? '')}` : ''} <span class="${verdictClass(c)}">${esc(t.verdict)}</span>`;
}

/**
 * The comparisons as a narrow table of their own, placed before the wide
 * per-strategy table: at 1280 px the answer (speedup, interval, verdict) is
 * on the first screen, never behind a horizontal scrollbar.
 */
function comparisonSection(comparisons: readonly StrategyComparison[], confidence: number): string {
  if (comparisons.length === 0) return '';
  const rows = comparisons
    .map((c) => {
      const t = comparisonText(c, confidence);
      return (
        `<tr><td><code>${esc(c.strategy)}</code> vs <code>${esc(c.reference)}</code></td><td>${esc(t.ratio)}</td>` +
        `<td>${esc(t.interval ?? 'no interval')}</td><td>${esc(t.p ?? '–')}</td><td class="${verdictClass(c)}">${esc(t.verdict)}</td></tr>`
      );
    })
    .join('');
  return (
    `<section id="comparison"><h2>Comparison</h2><table class="comparison"><thead><tr><th>strategy</th><th>speedup</th>` +
    `<th>interval</th><th>p</th><th>verdict</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function resultsTable(results: readonly StrategyResult[], comparisons: readonly StrategyComparison[]): string {
  return table(
    ['strategy', ...MEASURED_COLUMNS, 'speedup vs reference'],
    results.map((r) => [
      `<code>${esc(r.strategy)}</code>`,
      ...measuredCells(r).map(esc),
      verdictHtml(comparisons.find((c) => c.strategy === r.strategy)),
    ]),
  );
}

function strategyCharts(results: readonly StrategyResult[], label: string): string {
  const ok = results.filter((r) => r.samples.length > 0);
  if (ok.length === 0) return '<p>No successful runs to chart.</p>';
  const time = barChart(
    ok.map((r) => {
      const geo = r.summary.geoMean ?? r.summary.mean;
      // Below 3 runs there is no interval: the whisker collapses onto the bar.
      const [low, high] = Number.isFinite(r.summary.ci95[0]) ? r.summary.ci95 : [geo, geo];
      return { label: r.strategy, value: geo, low, high, note: `${formatMs(geo)} (mean ${formatMs(r.summary.mean)} ± ${formatMs(r.summary.sd)})` };
    }),
    { title: `Wall time per strategy${label} — geometric mean with 95% CI`, format: formatMs },
  );
  const memory = barChart(
    ok.map((r) => ({
      label: r.strategy,
      value: r.peakRss.median / MIB,
      low: Math.min(...r.samples.map((s) => s.peakRssBytes)) / MIB,
      high: r.peakRss.max / MIB,
      note: `${formatMebibytes(r.peakRss.median)} (max ${formatMebibytes(r.peakRss.max)})`,
    })),
    { title: `Peak RSS per strategy${label} — median, whisker min…max`, format: (v) => `${v.toFixed(0)} MiB` },
  );
  const timelines: Series[] = ok
    .filter((r) => (r.memoryTimeline?.length ?? 0) > 1)
    .map((r) => ({ name: r.strategy, points: (r.memoryTimeline ?? []).map((p) => ({ x: p.t, y: p.rss / MIB })) }));
  const timeline = timelines.length
    ? lineChart(timelines, {
        title: `Memory over time${label} — RSS of a typical run`,
        x: { log: false, label: 'time since scan start', format: formatMs },
        y: { log: false, label: 'RSS (MiB)', format: (v) => v.toFixed(0) },
      })
    : '';
  return time + memory + timeline;
}

function suiteSection(suite: SuiteReport): string {
  const strategies = [...new Set(suite.sizes.flatMap((s) => s.points.map((p) => p.strategy)))];
  const series = (pick: (p: { medianWallMs: number; medianPeakRssBytes: number }) => number): Series[] =>
    strategies.map((st) => ({
      name: st,
      points: suite.sizes.flatMap((s) => {
        const p = s.points.find((x) => x.strategy === st);
        return p ? [{ x: s.files, y: pick(p) }] : [];
      }),
    }));
  const files = { log: true, label: 'files (log scale)', format: (v: number) => v.toLocaleString('en-US') };
  const timeChart = lineChart(series((p) => p.medianWallMs), {
    title: 'Scaling: median wall time vs project size (log–log)',
    x: files,
    y: { log: true, label: 'wall time (log)', format: formatMs },
  });
  const memChart = lineChart(series((p) => p.medianPeakRssBytes / MIB), {
    title: 'Scaling: median peak RSS vs project size (log–log)',
    x: files,
    y: { log: true, label: 'peak RSS MiB (log)', format: (v) => v.toFixed(0) },
  });
  const grid = suiteGrid(suite);
  const sizeTable = table(
    ['size', 'files', 'lines', ...grid.strategies.map((s) => `<code>${esc(s)}</code>`)],
    grid.rows.map((row) => row.map(esc)),
  );
  const fits = table(
    ['strategy', 'ms per file', 'fixed cost', 'time exponent (r²)', 'memory exponent (r²)'],
    suite.scaling.map((f) => [
      `<code>${esc(f.strategy)}</code>`,
      f.msPerFile.toFixed(3),
      formatMs(f.fixedMs),
      `${f.timeExponent.toFixed(2)} (${f.timeR2.toFixed(2)})`,
      `${f.memoryExponent.toFixed(2)} (${f.memoryR2.toFixed(2)})`,
    ]),
  );
  const perSize = suite.sizes
    .map((s) => `<h3>${esc(s.size)} — ${s.files.toLocaleString('en-US')} files</h3>${resultsTable(s.results, s.comparisons)}`)
    .join('');
  return `<h2>Suite</h2><p>Median wall time / median peak RSS per size.</p>${sizeTable}${timeChart}${memChart}<h3>Scaling fits</h3>${fits}${perSize}`;
}

/** Renders the report as a self-contained HTML document. */
export function exportHtml(report: BenchReport): string {
  const m = report.machine;
  const st = report.settings;
  const largest = report.suite?.sizes[report.suite.sizes.length - 1];
  const label = largest ? ` (${largest.size}, ${largest.files.toLocaleString('en-US')} files)` : '';
  const runs = report.results.map((r) => r.summary.n).filter((n) => n > 0);
  const body = [
    `<h1>sonde bench</h1>`,
    `<p class="meta">${esc(m.cpuModel)}, ${m.cores} cores, ${esc(formatMebibytes(m.totalMemoryBytes))} · Node ${esc(m.nodeVersion)} · ${esc(m.platform)}/${esc(m.arch)} · sonde ${esc(m.toolVersion)} ` +
      `(${esc(m.gitCommit ? m.gitCommit.slice(0, 10) : 'no git')}${m.gitDirty ? ', dirty' : ''}) · ${esc(m.date)}</p>`,
    `<p class="meta">Target <code>${esc(st.suite ? `suite: ${st.sizes.join(', ')} (seed ${st.seed})` : st.target)}</code> · reference <code>${esc(st.reference)}</code> · ` +
      `${st.warmupRuns} warm-up, median ${runs.length ? median(runs) : 0} runs per strategy · α = ${st.alpha} · each run a fresh process</p>`,
    comparisonSection(report.comparisons, 1 - st.alpha),
    report.recommendations.length ? `<h2>Recommendations</h2><ul class="recs">${report.recommendations.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '',
    report.warnings.map((w) => `<div class="warn">${esc(w)}</div>`).join(''),
    `<h2>Strategies${esc(label)}</h2>`,
    resultsTable(report.results, report.comparisons),
    strategyCharts(report.results, label),
    report.suite ? suiteSection(report.suite) : '',
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sonde bench — ${esc(m.date)}</title>
<style>${STYLE}</style>
<script>${SCRIPT}</script>
</head><body>
${body}
</body></html>
`;
}
