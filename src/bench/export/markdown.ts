/** `--export-markdown`: the report as GitHub-flavoured Markdown tables. */
import type { BenchReport, StrategyComparison, StrategyResult, SuiteReport } from '../types.js';
import { comparisonText } from '../report/comparison-text.js';
import { MEASURED_COLUMNS, measuredCells, suiteGrid } from '../report/table-cells.js';
import { formatMebibytes, formatMs, formatPercent } from '../../text/index.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown table; columns after the first are right-aligned. */
function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `| ${header.map(cell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (i === 0 ? ':---' : '---:')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function mdComparison(c: StrategyComparison): string {
  const t = comparisonText(c);
  return `${t.ratio}${t.interval ? ` (${t.interval}), ${t.p}` : ''}, **${t.verdict}**`;
}

function resultsMd(results: readonly StrategyResult[], comparisons: readonly StrategyComparison[]): string {
  return mdTable(
    ['strategy', ...MEASURED_COLUMNS, 'vs reference'],
    results.map((r) => {
      const c = comparisons.find((x) => x.strategy === r.strategy);
      return [
        `\`${r.strategy}\``,
        ...measuredCells(r),
        c ? mdComparison(c) : 'reference',
      ];
    }),
  );
}

function suiteMd(suite: SuiteReport): string {
  const { strategies, rows } = suiteGrid(suite);
  const parts = [
    '## Suite',
    '',
    'Median wall time / median peak RSS per size.',
    '',
    mdTable(['size', 'files', 'lines', ...strategies.map((s) => `\`${s}\``)], rows),
  ];
  if (suite.scaling.length) {
    parts.push(
      '',
      '### Scaling',
      '',
      mdTable(
        ['strategy', 'ms per file', 'fixed cost', 'time exponent (r²)', 'memory exponent (r²)'],
        suite.scaling.map((f) => [
          `\`${f.strategy}\``,
          f.msPerFile.toFixed(3),
          formatMs(f.fixedMs),
          `${f.timeExponent.toFixed(2)} (${f.timeR2.toFixed(2)})`,
          `${f.memoryExponent.toFixed(2)} (${f.memoryR2.toFixed(2)})`,
        ]),
      ),
    );
    for (const s of suite.sizes) parts.push('', `### ${s.size} (${s.files.toLocaleString('en-US')} files)`, '', resultsMd(s.results, s.comparisons));
  }
  return parts.join('\n');
}

export function exportMarkdown(report: BenchReport): string {
  const m = report.machine;
  const st = report.settings;
  const parts = [
    '# sonde bench',
    '',
    `${m.cpuModel}, ${m.cores} cores, ${formatMebibytes(m.totalMemoryBytes)} · Node ${m.nodeVersion} · ${m.platform}/${m.arch} · ` +
      `sonde ${m.toolVersion} (${m.gitCommit ? m.gitCommit.slice(0, 10) : 'no git'}${m.gitDirty ? ', dirty' : ''}) · ${m.date}`,
    '',
    `Target: \`${st.suite ? `suite ${st.sizes.join(', ')} (seed ${st.seed})` : st.target}\` · reference \`${st.reference}\` · ` +
      `${st.warmupRuns} warm-up, ${st.minRuns}–${st.maxRuns} runs, budget ${formatMs(st.timeBudgetMs)}` +
      `${st.targetRme !== null ? `, target RME ${formatPercent(st.targetRme, 1)}` : ''}, α = ${st.alpha}`,
    '',
  ];
  if (report.suite) parts.push(suiteMd(report.suite), '');
  else parts.push('## Results', '', resultsMd(report.results, report.comparisons), '');
  if (report.recommendations.length) {
    parts.push('## Recommendations', '', ...report.recommendations.map((r) => `- ${r}`), '');
  }
  if (report.warnings.length) parts.push('## Warnings', '', ...report.warnings.map((w) => `- ${w}`), '');
  return parts.join('\n');
}
