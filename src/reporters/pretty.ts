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
  findingGroups,
  findingTotals,
  cacheSummaryText,
  hotspots,
  plural,
  sortedFiles,
  totals,
  type FindingCounts,
  type FindingGroup,
  type SeverityCounts,
} from './report-model.js';
import { pathsFrom } from './report-paths.js';
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
import { NARROW_TEXT } from '../text/width.js';

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
function findingNotes(found: FindingCounts, suppressed: number): string {
  const notes = [...(found.total ? [severityCountsText(found.bySeverity)] : []), ...(suppressed ? [`${formatCount(suppressed)} suppressed`] : [])];
  return notes.length ? `  (${notes.join(', ')})` : '';
}


/** What the summary says that the scan's results decide; how the scan ran (strategy, cache, duration) is apart. */
export interface SummaryFigures {
  readonly files: number;
  readonly lines: number;
  readonly functions: number;
  /** Files that could not be analyzed. */
  readonly errors: number;
  readonly skipped: number;
  readonly found: FindingCounts;
  readonly suppressed: number;
}

/** How the scan ran, as the summary shows it. */
type SummaryRun = Pick<ScanResult, 'strategy' | 'workers' | 'cache' | 'durationMs'>;

export function summaryFigures(result: ScanResult, found: FindingCounts = findingTotals(result)): SummaryFigures {
  return { ...totals(result), skipped: result.skipped.length, found, suppressed: result.suppressedFindings ?? 0 };
}

function summarySection(figures: SummaryFigures, run: SummaryRun, s: Styles): string[] {
  const fileNotes = [...(figures.errors ? [`${figures.errors} not analyzed`] : []), ...(figures.skipped ? [`${figures.skipped} skipped`] : [])];
  const rows: [string, string][] = [
    ['files', `${formatCount(figures.files)}${fileNotes.length ? `  (${fileNotes.join(', ')})` : ''}`],
    ['lines', formatCount(figures.lines)],
    ['functions', formatCount(figures.functions)],
    ['findings', `${formatCount(figures.found.total)}${findingNotes(figures.found, figures.suppressed)}`],
    ['strategy', run.strategy === 'parallel' ? `parallel, ${plural(run.workers, 'worker')}` : 'sequential'],
    ['cache', cacheSummaryText(run.cache)],
    ['duration', formatDuration(run.durationMs)],
  ];
  return [s.bold('Summary'), ...rows.map(([label, value]) => `  ${s.dim(padEnd(label, 10))} ${value}`)];
}

/** The summary block of the pretty report, as prettyReportChunks begins it (a replayed report draws it fresh). */
export function prettySummary(figures: SummaryFigures, run: SummaryRun, options: ReporterOptions): string {
  return summarySection(figures, run, styles(options.color)).map((line) => `${line.trimEnd()}\n`).join('');
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

/** The findings grouped by file, one group's lines at a time. */
function* findingsSection(groups: Iterable<FindingGroup>, columns: number, s: Styles, show: ShowPath): Generator<string[]> {
  for (const group of groups) yield findingGroup(group.path, group.findings, columns, s, show);
}

function findingGroup(path: string, group: readonly Finding[], columns: number, s: Styles, show: ShowPath): string[] {
  const out: string[] = [];
  const count = group.length;
  const messages = new Array<string>(count);
  const rules = new Array<string>(count);
  const positions = new Array<string>(count);
  /** Per message: narrow text (text/width.ts), whose width is its length and whose wrapped lines pad as strings do. */
  const narrow = new Array<boolean>(count);
  // Widths by loops, not Math.max(...spread): a generated file can hold more findings than a call's argument limit.
  let positionWidth = 0;
  let severityWidth = 0;
  let ruleWidth = 0;
  let longest = 0;
  for (let index = 0; index < count; index++) {
    const finding = group[index]!;
    const message = escapeTerminal(finding.message);
    const rule = escapeTerminal(finding.rule);
    const position = `${finding.line}:${finding.column}`;
    messages[index] = message;
    rules[index] = rule;
    positions[index] = position;
    narrow[index] = NARROW_TEXT.test(message);
    positionWidth = Math.max(positionWidth, position.length);
    severityWidth = Math.max(severityWidth, finding.severity.length);
    ruleWidth = Math.max(ruleWidth, textWidth(rule));
    longest = Math.max(longest, narrow[index] ? message.length : textWidth(message));
  }
  const messageWidth = Math.max(MIN_FLEX, columns - (2 + positionWidth + 2 + severityWidth + 2 + 2 + ruleWidth));
  out.push('', s.underline(escapeTerminal(show(path))));
  // Messages wrap instead of being cut: the numbers at their end ("(max 10)") matter.
  const messageColumn = Math.min(longest, messageWidth);
  const continuation = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
  for (let index = 0; index < count; index++) {
    const finding = group[index]!;
    // Positions and severities are ASCII: padded as strings.
    const position = positions[index]!.padEnd(positionWidth);
    const severity = severityStyle(s, finding.severity)(finding.severity.padEnd(severityWidth));
    const lines = wrap(messages[index]!, messageColumn);
    const first = narrow[index] ? lines[0]!.padEnd(messageColumn) : padEnd(lines[0]!, messageColumn);
    out.push(`  ${s.dim(position)}  ${severity}  ${first}  ${s.dim(rules[index]!)}`);
    for (let line = 1; line < lines.length; line++) out.push(`${continuation}${lines[line]}`);
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

function verdict(result: ScanResult, found: FindingCounts, columns: number, s: Styles): string[] {
  const counts = found.bySeverity;
  const failedFiles = result.files.filter((file) => file.error).length;
  const unanalyzed = failedFiles ? `, ${plural(failedFiles, 'file')} not analyzed` : '';
  if (found.total === 0) {
    const text = `No problems in ${plural(result.files.length, 'file')}${unanalyzed}.`;
    return wrap(failedFiles ? `! ${text}` : `✔ ${text}`, columns).map(failedFiles ? s.yellow : s.green);
  }
  const paint = counts.error || failedFiles ? s.red : s.yellow;
  const text = `✖ ${plural(found.total, 'problem')} (${severityCountsText(counts)}) in ${plural(found.files, 'file')}${unanalyzed}.`;
  return wrap(text, columns).map((line) => paint(s.bold(line)));
}

/** Renders the human report. */
export function prettyReporter(result: ScanResult, options: ReporterOptions): string {
  return [...prettyReportChunks(result, options)].join('');
}

/** Chunks of about this many characters: few writes, and no report held whole. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The report in pieces whose concatenation is exactly `prettyReporter`'s
 * text, one file's findings at a time: on a 100,000-file scan the findings
 * section alone is tens of MB, built as one array of lines and one string.
 */
export function* prettyReportChunks(result: ScanResult, options: ReporterOptions): Generator<string> {
  const s = styles(options.color);
  const columns = options.columns && options.columns > 0 ? options.columns : DEFAULT_COLUMNS;
  const found = findingTotals(result);
  const show: ShowPath = pathsFrom(result.root, options.cwd);
  const hot = hotspotSection(result, options.top ?? DEFAULT_TOP, columns, s, show);
  let pending = '';
  const add = (lines: readonly string[]) => {
    for (const line of lines) pending += `${line.trimEnd()}\n`;
  };
  add(summarySection(summaryFigures(result, found), result, s));
  if (hot.length) add(['', ...hot]);
  for (const group of findingsSection(findingGroups(result), columns, s, show)) {
    add(group);
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = '';
    }
  }
  add(errorSection(result, columns, s, show));
  add(warningSection(result, columns, s));
  add(['', ...verdict(result, found, columns, s)]);
  yield pending;
}
