/**
 * `--format markdown`: GitHub-flavoured markdown for a PR comment or a job
 * summary: a summary table, a hotspots table, a findings table, and the files
 * that could not be analyzed.
 */
import type { ScanResult } from '../types.js';
import type { ReporterOptions } from './reporter.js';
import { DEFAULT_TOP, allFindings, cacheSummaryText, countBySeverity, hotspots, sortedFiles, totals } from './report-model.js';
import { escapeTerminal, formatDuration } from '../text/index.js';

/**
 * Makes text safe inside a table cell: `|` would end the cell, a newline the
 * row, `<anonymous>` would be eaten as an HTML tag, `_`/`*` would start
 * emphasis. Backslash escapes work for any ASCII punctuation in GFM. Control
 * and bidi characters (a hostile file name) first become visible escapes, as
 * in every human output.
 */
export function escapeCell(text: string): string {
  return escapeTerminal(text).replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`);
}

/** A GFM table; `align` per column: `l` or `r`. */
export function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header.map(escapeCell)),
    line(align.map((a) => (a === 'r' ? '---:' : ':---'))),
    ...rows.map((row) => line(row.map(escapeCell))),
  ];
}

/** Renders the markdown report. */
export function markdownReporter(result: ScanResult, options: ReporterOptions): string {
  const total = totals(result);
  const findings = allFindings(result);
  const counts = countBySeverity(findings);
  const out: string[] = ['# sonde report', ''];

  out.push(
    ...table(
      ['metric', 'value'],
      ['l', 'r'],
      [
        ['files', String(total.files)],
        ['lines', String(total.lines)],
        ['functions', String(total.functions)],
        ['findings', String(findings.length)],
        ['errors (severity)', String(counts.error)],
        ['warnings', String(counts.warning)],
        ['info', String(counts.info)],
        ['files not analyzed', String(total.errors)],
        ['files skipped', String(result.skipped.length)],
        ['strategy', result.strategy === 'parallel' ? `parallel (${result.workers} workers)` : 'sequential'],
        ['cache', cacheSummaryText(result.cache)],
        ['duration', formatDuration(result.durationMs)],
      ],
    ),
  );

  const spots = hotspots(result, options.top ?? DEFAULT_TOP);
  if (spots.length > 0) {
    out.push('', '## Hotspots', '');
    out.push(
      ...table(
        ['function', 'location', 'cyclomatic', 'cognitive', 'depth', 'params', 'lines'],
        ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
        spots.map(({ path, fn }) => [
          fn.name,
          `${path}:${fn.line}`,
          String(fn.cyclomatic),
          String(fn.cognitive),
          String(fn.maxDepth),
          String(fn.params),
          String(fn.length),
        ]),
      ),
    );
  }

  // The findings table goes here, sized last: it is the part that can be cut.
  const findingsAt = out.length;
  const failed = sortedFiles(result).filter((file) => file.error);
  if (failed.length > 0) {
    out.push('', '## Files not analyzed', '');
    out.push(
      ...table(
        ['file', 'code', 'reason'],
        ['l', 'l', 'l'],
        failed.map((file) => [file.path, file.error?.code ?? '', file.error?.message ?? '']),
      ),
    );
  }
  const head = out.slice(0, findingsAt);
  const tail = out.slice(findingsAt);
  const findingLines = findingsSection(findings, options.maxFindings, COMMENT_LIMIT - joinedLength(head) - joinedLength(tail) - 2);
  return `${[...head, ...findingLines, ...tail].join('\n')}\n`;
}

/** GitHub's limit on a comment's body, in characters (JS counts UTF-16 units, which is never fewer). */
export const COMMENT_LIMIT = 65_536;

const joinedLength = (lines: readonly string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0);

/**
 * The findings table: the first `max` rows when given, else as many as fit in
 * `budget` characters, then a line that says how many were left out.
 */
function findingsSection(findings: ReturnType<typeof allFindings>, max: number | undefined, budget: number): string[] {
  const lines = ['', '## Findings', ''];
  if (findings.length === 0) return [...lines, 'No findings.'];
  const [header, align, ...rows] = table(
    ['severity', 'rule', 'location', 'message'],
    ['l', 'l', 'l', 'l'],
    findings.map((finding) => [finding.severity, finding.rule, `${finding.path ?? ''}:${finding.line}:${finding.column}`, finding.message]),
  );
  const more = (left: number) => ['', `…and ${left} more ${left === 1 ? 'finding' : 'findings'} (the json and sarif formats list them all).`];
  let shown = Math.min(rows.length, max ?? rows.length);
  if (max === undefined) {
    // Room for the "…and N more" line, whose digits are at most the total's.
    let used = joinedLength([...lines, header!, align!]) + joinedLength(more(rows.length));
    shown = 0;
    while (shown < rows.length && used + rows[shown]!.length + 1 <= budget) used += rows[shown++]!.length + 1;
  }
  const kept = shown > 0 ? [header!, align!, ...rows.slice(0, shown)] : [];
  return [...lines, ...kept, ...(shown < rows.length ? more(rows.length - shown) : [])];
}
