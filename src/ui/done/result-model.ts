/**
 * Pure derivations from a ScanResult for the tabs of the done view: summary
 * numbers, hotspot functions, findings (grouped), file rows (sorted) and
 * directory aggregates. Each takes the result (and the user's choices) and
 * returns plain rows.
 */
import type { FileResult, ScanResult, Severity } from '../../types.js';
import { allFindings, hotspots, type HotspotSort, type LocatedFinding } from '../../reporters/report-model.js';
import { compareCodeUnits } from '../../util/compare.js';

export type { HotspotSort } from '../../reporters/report-model.js';

/** The headline numbers of the Summary tab. */
interface SummaryModel {
  readonly files: number;
  readonly lines: number;
  readonly code: number;
  readonly comment: number;
  readonly blank: number;
  readonly functions: number;
  readonly errors: number;
  readonly skipped: number;
  readonly findings: Readonly<Record<Severity, number>>;
  /** Findings per rule, most frequent first. */
  readonly rules: readonly { readonly rule: string; readonly count: number; readonly severity: Severity }[];
}

export function summarize(result: ScanResult): SummaryModel {
  let lines = 0;
  let code = 0;
  let comment = 0;
  let blank = 0;
  let functions = 0;
  let errors = 0;
  for (const file of result.files) {
    if (file.error) errors += 1;
    if (!file.facts) continue;
    lines += file.facts.lines;
    code += file.facts.code;
    comment += file.facts.comment;
    blank += file.facts.blank;
    functions += file.facts.functions.length;
  }
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const rules = new Map<string, { count: number; severity: Severity }>();
  for (const finding of allFindings(result)) {
    findings[finding.severity] += 1;
    const entry = rules.get(finding.rule) ?? { count: 0, severity: finding.severity };
    entry.count += 1;
    rules.set(finding.rule, entry);
  }
  return {
    files: result.files.length,
    lines,
    code,
    comment,
    blank,
    functions,
    errors,
    skipped: result.skipped.length,
    findings,
    rules: [...rules]
      .map(([rule, entry]) => ({ rule, ...entry }))
      .sort((a, b) => b.count - a.count || compareCodeUnits(a.rule, b.rule)),
  };
}

/** One function in the Hotspots tab. */
export interface HotspotRow {
  readonly path: string;
  readonly name: string;
  readonly line: number;
  readonly cyclomatic: number;
  readonly cognitive: number;
  readonly maxDepth: number;
  readonly length: number;
  readonly params: number;
}

/** Every function as a Hotspots-tab row, in the reporters' hotspot order for the chosen metric, filtered. */
export function hotspotRows(result: ScanResult, sort: HotspotSort, filter = ''): HotspotRow[] {
  return hotspots(result, Number.POSITIVE_INFINITY, sort)
    .filter(({ path, fn }) => matches(filter, path, fn.name))
    .map(({ path, fn }) => ({ path, ...fn }));
}

export type FindingsGroup = 'rule' | 'file';

/** A row of the Findings tab: a group header or one finding. */
export type FindingRow =
  | { readonly kind: 'group'; readonly label: string; readonly count: number; readonly severity: Severity }
  | { readonly kind: 'item'; readonly finding: LocatedFinding };

const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** Findings under one header per rule or per file; groups with the most severe, then most findings, first. */
export function findingRows(result: ScanResult, group: FindingsGroup, filter = ''): FindingRow[] {
  const groups = new Map<string, LocatedFinding[]>();
  for (const finding of allFindings(result)) {
    if (!matches(filter, finding.path, finding.rule, finding.message)) continue;
    const key = group === 'rule' ? finding.rule : finding.path;
    const list = groups.get(key) ?? [];
    list.push(finding);
    groups.set(key, list);
  }
  const ordered = [...groups].map(([label, findings]) => ({
    label,
    findings,
    severity: findings.reduce<Severity>((worst, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst] ? f.severity : worst), 'info'),
  }));
  ordered.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.findings.length - a.findings.length || compareCodeUnits(a.label, b.label),
  );
  const rows: FindingRow[] = [];
  for (const entry of ordered) {
    rows.push({ kind: 'group', label: entry.label, count: entry.findings.length, severity: entry.severity });
    for (const finding of entry.findings) rows.push({ kind: 'item', finding });
  }
  return rows;
}

/** One file in the Files tab. */
export interface FileRow {
  readonly path: string;
  readonly lines: number;
  readonly functions: number;
  readonly maxCyclomatic: number;
  readonly findings: number;
  readonly error: string | undefined;
}

export type FileSort = 'lines' | 'complexity' | 'findings' | 'path';
/** The order `s` cycles through. */
export const FILE_SORTS: readonly FileSort[] = ['lines', 'complexity', 'findings', 'path'];

function fileRow(file: FileResult, counts: ReadonlyMap<string, number>): FileRow {
  const functions = file.facts?.functions ?? [];
  return {
    path: file.path,
    lines: file.facts?.lines ?? 0,
    functions: functions.length,
    maxCyclomatic: functions.reduce((max, fn) => Math.max(max, fn.cyclomatic), 0),
    findings: counts.get(file.path) ?? 0,
    error: file.error?.message,
  };
}

/** Files sorted by the chosen column (descending for numbers), path breaking ties. */
export function fileRows(result: ScanResult, sort: FileSort, filter = ''): FileRow[] {
  const counts = findingCounts(result);
  const rows = result.files.filter((file) => matches(filter, file.path)).map((file) => fileRow(file, counts));
  const key = (row: FileRow): number =>
    sort === 'lines' ? row.lines : sort === 'complexity' ? row.maxCyclomatic : sort === 'findings' ? row.findings : 0;
  return rows.sort((a, b) => key(b) - key(a) || compareCodeUnits(a.path, b.path));
}

/** One directory in the Directories tab: the files directly in it and below it. */
export interface DirectoryRow {
  readonly dir: string;
  readonly files: number;
  readonly lines: number;
  readonly functions: number;
  readonly findings: number;
  readonly maxCyclomatic: number;
}

/** Aggregates every directory level ("src", "src/a", …; "." is the root), largest by lines first. */
export function directoryRows(result: ScanResult, filter = ''): DirectoryRow[] {
  const dirs = new Map<string, { files: number; lines: number; functions: number; findings: number; maxCyclomatic: number }>();
  const counts = findingCounts(result);
  for (const file of result.files) {
    const row = fileRow(file, counts);
    const parts = file.path.split('/').slice(0, -1);
    const ancestors = ['.', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
    for (const dir of ancestors) {
      const entry = dirs.get(dir) ?? { files: 0, lines: 0, functions: 0, findings: 0, maxCyclomatic: 0 };
      entry.files += 1;
      entry.lines += row.lines;
      entry.functions += row.functions;
      entry.findings += row.findings;
      entry.maxCyclomatic = Math.max(entry.maxCyclomatic, row.maxCyclomatic);
      dirs.set(dir, entry);
    }
  }
  return [...dirs]
    .filter(([dir]) => matches(filter, dir))
    .map(([dir, entry]) => ({ dir, ...entry }))
    .sort((a, b) => b.lines - a.lines || compareCodeUnits(a.dir, b.dir));
}

/** Findings per file path, per-file and cross-file together. */
function findingCounts(result: ScanResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [path, findings] of result.fileFindings) counts.set(path, findings.length);
  for (const finding of result.crossFile.findings) {
    if (finding.path !== undefined) counts.set(finding.path, (counts.get(finding.path) ?? 0) + 1);
  }
  return counts;
}

/** Case-insensitive substring match of the filter against any of the fields. */
function matches(filter: string, ...fields: string[]): boolean {
  if (filter === '') return true;
  const needle = filter.toLowerCase();
  return fields.some((field) => field.toLowerCase().includes(needle));
}

