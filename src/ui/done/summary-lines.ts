import { bar } from '../kit/charts.js';
import { formatBytes, formatCount, formatDuration, formatPercent, padEnd, padStart } from '../../text/index.js';
import { line, type Line } from '../kit/line.js';
import { summarize } from './result-model.js';
import type { ScanResult } from '../../types.js';

/** The Summary tab: headline numbers, then findings per rule with bars. */
export function summaryLines(result: ScanResult, width: number): Line[] {
  const s = summarize(result);
  if (s.files === 0) {
    return [
      line('No JavaScript or TypeScript files found.', 'warning'),
      line(`Root: ${result.root}`),
      line(s.skipped > 0 ? `${formatCount(s.skipped)} files were skipped by discovery.` : 'Nothing was skipped.'),
      line(''),
      line('Check the path, and whether .gitignore excludes the sources.', 'muted'),
    ];
  }
  const total = s.findings.error + s.findings.warning + s.findings.info;
  const label = (name: string): string => padEnd(name, 11);
  const cache = result.cache;
  const lookups = cache.hits + cache.misses;
  const out: Line[] = [
    line(`${label('Files')}${padStart(formatCount(s.files), 9)}   ${formatCount(s.skipped)} skipped · ${formatCount(s.errors)} with errors`, s.errors > 0 ? 'warning' : undefined),
    line(`${label('Lines')}${padStart(formatCount(s.lines), 9)}   code ${formatCount(s.code)} · comment ${formatCount(s.comment)} · blank ${formatCount(s.blank)}`),
    line(`${label('Functions')}${padStart(formatCount(s.functions), 9)}`),
    line(
      `${label('Findings')}${padStart(formatCount(total), 9)}   ${s.findings.error} errors · ${s.findings.warning} warnings · ${s.findings.info} info`,
      s.findings.error > 0 ? 'error' : s.findings.warning > 0 ? 'warning' : 'good',
    ),
    line(`${label('Duration')}${padStart(formatDuration(result.durationMs), 9)}   ${result.strategy}${result.strategy === 'parallel' ? `, ${result.workers} workers` : ''}`),
    line(
      `${label('Cache')}${padStart(cache.enabled ? 'on' : 'off', 9)}` +
        (cache.enabled ? `   ${formatCount(cache.hits)} hits · ${formatCount(cache.misses)} misses (${lookups ? formatPercent(cache.hits / lookups) : '–'} hit rate)` : ''),
    ),
    line(`${label('Peak RSS')}${padStart(formatBytes(result.profile.peakRssBytes), 9)}`),
  ];
  if (result.warnings.length > 0) out.push(line(`${label('Warnings')}${padStart(formatCount(result.warnings.length), 9)}   ${result.warnings[0]}`, 'warning'));
  if (s.rules.length > 0) {
    out.push(line(''), line('Findings by rule', 'heading'));
    const max = s.rules[0].count;
    const barWidth = Math.max(4, width - 36);
    for (const rule of s.rules) {
      out.push(line(`  ${padEnd(rule.rule, 24)}${padStart(formatCount(rule.count), 6)}  ${bar(rule.count / max, barWidth)}`, rule.severity));
    }
  }
  return out;
}
