/**
 * `--format pretty`: the default report in a terminal and in CI logs.
 * Summary, hotspots, findings grouped by file (ESLint stylish layout), per-file
 * errors, then a one-line verdict. Laid out on unstyled text first and styled
 * afterwards, so colour never changes what fits in `columns`.
 */
import type { Finding, ScanResult, Severity } from '../types.js';
import type { ReporterOptions } from './reporter.js';
import {
  DEFAULT_TOP,
  allFindings,
  cacheSummaryText,
  countBySeverity,
  hotspots,
  plural,
  sortedFiles,
  totals,
  type SeverityCounts,
} from './report-model.js';
import { pathFrom } from './report-paths.js';
import {
  escapeTerminal,
  formatCount,
  formatDuration,
  padEnd,
  padStart,
  styles,
  textWidth,
  truncate,
  truncateStart,
  wrap,
  type Styles,
} from '../text/index.js';

const DEFAULT_COLUMNS = 80;
/** Narrower than this and truncating would leave nothing readable: let lines wrap instead. */
const MIN_FLEX = 16;

/** `1 error, 3 warnings, 2 info`, leaving out zeros. */
export function severityCountsText(counts: SeverityCounts): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.join(', ');
}

function severityStyle(s: Styles, severity: Severity): (text: string) => string {
  return severity === 'error' ? s.red : severity === 'warning' ? s.yellow : s.cyan;
}

/** `  (2 warnings, 5 suppressed)`: the severities shown, then what the suppressions file hid. */
function findingNotes(findings: readonly Finding[], counts: ReturnType<typeof countBySeverity>, suppressed: number): string {
  const notes = [...(findings.length ? [severityCountsText(counts)] : []), ...(suppressed ? [`${formatCount(suppressed)} suppressed`] : [])];
  return notes.length ? `  (${notes.join(', ')})` : '';
}

function summarySection(result: ScanResult, findings: readonly Finding[], s: Styles): string[] {
  const total = totals(result);
  const counts = countBySeverity(findings);
  const fileNotes = [
    ...(total.errors ? [`${total.errors} not analyzed`] : []),
    ...(result.skipped.length ? [`${result.skipped.length} skipped`] : []),
  ];
  const rows: [string, string][] = [
    ['files', `${formatCount(total.files)}${fileNotes.length ? `  (${fileNotes.join(', ')})` : ''}`],
    ['lines', formatCount(total.lines)],
    ['functions', formatCount(total.functions)],
    ['findings', `${formatCount(findings.length)}${findingNotes(findings, counts, result.suppressedFindings ?? 0)}`],
    ['strategy', result.strategy === 'parallel' ? `parallel, ${plural(result.workers, 'worker')}` : 'sequential'],
    ['cache', cacheSummaryText(result.cache)],
    ['duration', formatDuration(result.durationMs)],
  ];
  return [s.bold('Summary'), ...rows.map(([label, value]) => `  ${s.dim(padEnd(label, 10))} ${value}`)];
}

/** Turns a report path into the one printed (relative to the working directory). */
type ShowPath = (reportPath: string) => string;

function hotspotSection(result: ScanResult, top: number, columns: number, s: Styles, show: ShowPath): string[] {
  const spots = hotspots(result, top);
  if (spots.length === 0) return [];
  // Names and paths come from the scanned repository: escaped before they are measured.
  const names = spots.map((spot) => escapeTerminal(spot.fn.name));
  const locations = spots.map((spot) => `${escapeTerminal(show(spot.path))}:${spot.fn.line}`);
  const fixed = 2 + 5 + 2 + 4 + 2 + 2; // indent, cyclo, gap, cogn, gap, gap before location
  const flex = Math.max(columns - fixed, 2 * MIN_FLEX);
  const longestName = Math.max(8, ...names.map((name) => textWidth(name)));
  const longestLocation = Math.max(8, ...locations.map((location) => textWidth(location)));
  const locationWidth = Math.min(longestLocation, Math.max(MIN_FLEX, flex - Math.min(longestName, flex / 2)));
  const nameWidth = Math.min(longestName, flex - locationWidth);
  const header = `  ${padStart('cyclo', 5)}  ${padStart('cogn', 4)}  ${padEnd('function', nameWidth)}  location`;
  const lines = spots.map((spot, index) => {
    const name = padEnd(truncate(names[index], nameWidth), nameWidth);
    const location = truncateStart(locations[index], locationWidth);
    return `  ${padStart(String(spot.fn.cyclomatic), 5)}  ${padStart(String(spot.fn.cognitive), 4)}  ${s.bold(name)}  ${s.dim(location)}`;
  });
  return [
    `${s.bold('Hotspots')} ${s.dim(`(top ${spots.length} by cyclomatic, then cognitive complexity)`)}`,
    s.dim(header.trimEnd()),
    ...lines.map((line) => line.trimEnd()),
  ];
}

function findingsSection(findings: readonly Finding[], columns: number, s: Styles, show: ShowPath): string[] {
  const out: string[] = [];
  // Findings come sorted by path: each file's group is one contiguous run.
  for (let start = 0; start < findings.length; ) {
    const path = findings[start].path ?? '';
    let end = start + 1;
    while (end < findings.length && (findings[end].path ?? '') === path) end += 1;
    const group = findings.slice(start, end);
    const messages = group.map((finding) => escapeTerminal(finding.message));
    const rules = group.map((finding) => escapeTerminal(finding.rule));
    start = end;
    // Widths by loops, not Math.max(...spread): a generated file can hold more findings than a call's argument limit.
    const positions = group.map((finding) => `${finding.line}:${finding.column}`);
    let positionWidth = 0;
    let severityWidth = 0;
    let ruleWidth = 0;
    let longest = 0;
    for (let index = 0; index < group.length; index++) {
      positionWidth = Math.max(positionWidth, positions[index].length);
      severityWidth = Math.max(severityWidth, group[index].severity.length);
      ruleWidth = Math.max(ruleWidth, textWidth(rules[index]));
      longest = Math.max(longest, textWidth(messages[index]));
    }
    const messageWidth = Math.max(MIN_FLEX, columns - (2 + positionWidth + 2 + severityWidth + 2 + 2 + ruleWidth));
    out.push('', s.underline(escapeTerminal(show(path))));
    // Messages wrap instead of being cut: the numbers at their end ("(max 10)") matter.
    const messageColumn = Math.min(longest, messageWidth);
    const continuation = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
    group.forEach((finding, index) => {
      const position = padEnd(positions[index], positionWidth);
      const severity = severityStyle(s, finding.severity)(padEnd(finding.severity, severityWidth));
      const [first, ...rest] = wrap(messages[index], messageColumn);
      out.push(`  ${s.dim(position)}  ${severity}  ${padEnd(first, messageColumn)}  ${s.dim(rules[index])}`);
      for (const line of rest) out.push(`${continuation}${line}`);
    });
  }
  return out;
}

function errorSection(result: ScanResult, columns: number, s: Styles, show: ShowPath): string[] {
  const failed = sortedFiles(result).filter((file) => file.error);
  if (failed.length === 0) return [];
  const lines = failed.flatMap((file) => {
    const text = escapeTerminal(`${show(file.path)}  ${file.error?.message ?? ''} (${file.error?.code ?? ''})`);
    return wrap(text, Math.max(MIN_FLEX, columns - 4)).map((line, index) => `${index ? '    ' : '  '}${s.red(line)}`);
  });
  return ['', s.bold(`Files that could not be analyzed (${failed.length})`), ...lines];
}

function warningSection(result: ScanResult, columns: number, s: Styles): string[] {
  if (result.warnings.length === 0) return [];
  return [
    '',
    s.bold('Warnings'),
    ...result.warnings.flatMap((warning) =>
      wrap(escapeTerminal(warning), Math.max(MIN_FLEX, columns - 4)).map((line, index) => `${index ? '    ' : '  '}${s.yellow(line)}`),
    ),
  ];
}

function verdict(result: ScanResult, findings: readonly Finding[], columns: number, s: Styles): string[] {
  const counts = countBySeverity(findings);
  const failedFiles = result.files.filter((file) => file.error).length;
  const unanalyzed = failedFiles ? `, ${plural(failedFiles, 'file')} not analyzed` : '';
  if (findings.length === 0) {
    const text = `No problems in ${plural(result.files.length, 'file')}${unanalyzed}.`;
    return wrap(failedFiles ? `! ${text}` : `✔ ${text}`, columns).map(failedFiles ? s.yellow : s.green);
  }
  const paint = counts.error || failedFiles ? s.red : s.yellow;
  const filesWithFindings = new Set(findings.map((finding) => finding.path)).size;
  const text = `✖ ${plural(findings.length, 'problem')} (${severityCountsText(counts)}) in ${plural(filesWithFindings, 'file')}${unanalyzed}.`;
  return wrap(text, columns).map((line) => paint(s.bold(line)));
}

/** Renders the human report. */
export function prettyReporter(result: ScanResult, options: ReporterOptions): string {
  const s = styles(options.color);
  const columns = options.columns && options.columns > 0 ? options.columns : DEFAULT_COLUMNS;
  const findings = allFindings(result);
  const show: ShowPath = (reportPath) => pathFrom(result.root, reportPath, options.cwd);
  const hot = hotspotSection(result, options.top ?? DEFAULT_TOP, columns, s, show);
  const lines = [
    ...summarySection(result, findings, s),
    ...(hot.length ? ['', ...hot] : []),
    ...findingsSection(findings, columns, s, show),
    ...errorSection(result, columns, s, show),
    ...warningSection(result, columns, s),
    '',
    ...verdict(result, findings, columns, s),
  ];
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
