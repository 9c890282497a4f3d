/** The baseline compare as a text table (pure). */
import { textTable } from './format-text.js';
import type { BaselineComparison } from '../types.js';
import { escapeTerminal, formatMs, formatP, formatRatio } from '../../text/index.js';

export function formatBaselineComparison(c: BaselineComparison): string {
  const hasSizes = c.changes.some((x) => x.size !== '');
  const rows = c.changes.map((x) => [
    ...(hasSizes ? [x.size] : []),
    x.strategy,
    formatMs(x.baselineMs),
    formatMs(x.currentMs),
    `${x.changePercent >= 0 ? '+' : ''}${x.changePercent.toFixed(1)}%`,
    Number.isFinite(x.speedup.low)
      ? `${formatRatio(x.speedup.ratio)}× (${formatRatio(x.speedup.low)}–${formatRatio(x.speedup.high)})`
      : `${formatRatio(x.speedup.ratio)}× (no interval)`,
    formatP(x.pValue),
    x.verdict,
  ]);
  const header = [...(hasSizes ? ['size'] : []), 'strategy', 'baseline', 'current', 'change', 'speedup (CI)', 'p', 'verdict'];
  // Names, dates and notes come from a baseline file, which may be committed in the benchmarked tree.
  const lines = [
    escapeTerminal(
      `Compared with baseline '${c.baselineName}' (${c.baselineDate}${c.baselineCommit ? `, ${c.baselineCommit.slice(0, 10)}` : ''}); regression threshold ${c.thresholdPercent}%`,
    ),
    textTable(header, rows),
  ];
  for (const n of c.notes) lines.push(`Note: ${escapeTerminal(n)}`);
  lines.push(
    c.regressed
      ? escapeTerminal(`REGRESSION: ${c.changes.filter((x) => x.verdict === 'regressed').map((x) => (x.size ? `${x.size}/${x.strategy}` : x.strategy)).join(', ')} slower beyond ${c.thresholdPercent}%.`)
      : 'No significant regression beyond the threshold.',
  );
  return `${lines.join('\n')}\n`;
}
