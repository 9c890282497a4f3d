/**
 * Views of a ScanResult that several reporters share. Every ordering here is
 * total and locale-free, so a report never depends on the order in which
 * files finished (parallel scans) or on the machine's locale.
 */
import type { FileResult, Finding, FunctionFacts, GraphEdge, ModuleGraph, ScanResult, Severity } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { formatCount } from '../text/units.js';


/** Files sorted by path. */
export function sortedFiles(result: ScanResult): FileResult[] {
  return [...result.files].sort((a, b) => compareCodeUnits(a.path, b.path));
}

/** Orders findings by path, position, rule and message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareCodeUnits(a.path ?? '', b.path ?? '') ||
    a.line - b.line ||
    a.column - b.column ||
    compareCodeUnits(a.rule, b.rule) ||
    compareCodeUnits(a.message, b.message)
  );
}

/** Orders one file's findings (no path) by position, rule and message: compareFindings without the path. */
function compareInFile(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || compareCodeUnits(a.rule, b.rule) || compareCodeUnits(a.message, b.message);
}

/** One file's findings, sorted by position; none for a file that could not be analyzed. */
export function findingsOfFile(result: ScanResult, file: FileResult): Finding[] {
  if (file.error) return [];
  return [...(result.fileFindings.get(file.path) ?? [])].sort(compareFindings);
}

/** A file's findings in report order, the stored array itself when it is in order already (rules emit them so). */
function orderedFindingsOfFile(result: ScanResult, file: FileResult): readonly Finding[] {
  if (file.error) return [];
  const findings = result.fileFindings.get(file.path) ?? [];
  for (let index = 1; index < findings.length; index++) {
    if (compareFindings(findings[index - 1]!, findings[index]!) > 0) return [...findings].sort(compareFindings);
  }
  return findings;
}

/** Findings of one file, in report order, with that file's path. */
export interface FindingGroup {
  readonly path: string;
  readonly findings: readonly Finding[];
}

/**
 * The findings of `findingsInOrder`, one file at a time, without a copy of
 * each finding: what a report that groups by file (pretty) needs. A file's
 * per-file findings are merged with the cross-file findings on its path.
 */
export function* findingGroups(result: ScanResult): Generator<FindingGroup> {
  const crossFile = crossFileFindings(result);
  let next = 0;
  /** The cross-file findings on `path`, from `next` on (they are sorted by path first). */
  const crossOn = (path: string): Finding[] => {
    const start = next;
    while (next < crossFile.length && (crossFile[next]!.path ?? '') === path) next++;
    return crossFile.slice(start, next);
  };
  for (const file of sortedFiles(result)) {
    while (next < crossFile.length && compareCodeUnits(crossFile[next]!.path ?? '', file.path) < 0) {
      const path = crossFile[next]!.path ?? '';
      yield { path, findings: crossOn(path) };
    }
    const own = orderedFindingsOfFile(result, file);
    const cross = crossOn(file.path);
    if (own.length === 0 && cross.length === 0) continue;
    yield { path: file.path, findings: cross.length === 0 ? own : mergeInFile(own, cross) };
  }
  while (next < crossFile.length) {
    const path = crossFile[next]!.path ?? '';
    yield { path, findings: crossOn(path) };
  }
}

/** Two sorted lists of one file's findings as one, in compareInFile order (the first's on ties, as findingsInOrder does). */
function mergeInFile(own: readonly Finding[], cross: readonly Finding[]): Finding[] {
  const merged: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < cross.length) {
    if (j >= cross.length || (i < own.length && compareInFile(cross[j]!, own[i]!) >= 0)) merged.push(own[i++]!);
    else merged.push(cross[j++]!);
  }
  return merged;
}

/** How many findings, of which severity, in how many files: counted without ordering or copying them. */
/** What the summary and the verdict say about the findings. */
export interface FindingCounts {
  readonly total: number;
  readonly bySeverity: SeverityCounts;
  /** Files with at least one finding. */
  readonly files: number;
}

export function findingTotals(result: ScanResult): FindingCounts {
  const bySeverity: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const paths = new Set<string>();
  let total = 0;
  for (const file of result.files) {
    if (file.error) continue;
    const findings = result.fileFindings.get(file.path);
    if (!findings || findings.length === 0) continue;
    paths.add(file.path);
    total += findings.length;
    for (const finding of findings) bySeverity[finding.severity] += 1;
  }
  for (const finding of result.crossFile.findings) {
    paths.add(finding.path ?? '');
    total += 1;
    bySeverity[finding.severity] += 1;
  }
  return { total, bySeverity, files: paths.size };
}

/** Cross-file findings, sorted. */
export function crossFileFindings(result: ScanResult): Finding[] {
  return [...result.crossFile.findings].sort(compareFindings);
}

/** A finding with the file it belongs to. */
export interface LocatedFinding extends Finding {
  readonly path: string;
}

/** Cross-file findings carry their path; one without (none today) sorts first under ''. */
const located = (finding: Finding): LocatedFinding =>
  finding.path === undefined ? { ...finding, path: '' } : (finding as LocatedFinding);

/**
 * Every finding of the scan, each with its path: per-file ones (none for a file
 * that could not be analyzed) and cross-file ones, in `compareFindings` order.
 * The one meaning of "all findings" for reporters and the UI.
 * Files in path order, each already sorted, are merged with the sorted cross-file findings
 * instead of sorting everything again: a generated 20,000-file tree has 100,000+ findings.
 */
export function allFindings(result: ScanResult): LocatedFinding[] {
  return [...findingsInOrder(result)];
}

/**
 * `allFindings` one at a time, for reporters that stream: a 100,000-file
 * scan has ~500,000 findings, and a copy of each with its path.
 */
export function* findingsInOrder(result: ScanResult): Generator<LocatedFinding> {
  const crossFile = crossFileFindings(result).map(located);
  let next = 0;
  for (const file of sortedFiles(result)) {
    for (const finding of findingsOfFile(result, file)) {
      const inFile = finding.path === file.path ? (finding as LocatedFinding) : { ...finding, path: file.path };
      while (next < crossFile.length && compareFindings(crossFile[next], inFile) < 0) yield crossFile[next++];
      yield inFile;
    }
  }
  while (next < crossFile.length) yield crossFile[next++];
}

/** Finding counts by severity. */
export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Totals over the files that have facts. */
interface Totals {
  readonly files: number;
  readonly lines: number;
  readonly functions: number;
  readonly errors: number;
}

export function totals(result: ScanResult): Totals {
  let lines = 0;
  let functions = 0;
  let errors = 0;
  for (const file of result.files) {
    if (file.error) {
      errors += 1;
      continue;
    }
    // Read once: a large scan's facts are decoded on every read (engine/packed-facts.ts).
    const facts = file.facts;
    lines += facts?.lines ?? 0;
    functions += facts?.functions.length ?? 0;
  }
  return { files: result.files.length, lines, functions, errors };
}

/** A function and the file it lives in. */
interface Hotspot {
  readonly path: string;
  readonly fn: FunctionFacts;
}

export const DEFAULT_TOP = 10;

/** The complexity metric that ranks hotspots first; the other one breaks ties. */
export type HotspotSort = 'cyclomatic' | 'cognitive';

function hotspotOrder(sort: HotspotSort): (a: Hotspot, b: Hotspot) => number {
  const other: HotspotSort = sort === 'cyclomatic' ? 'cognitive' : 'cyclomatic';
  return (a, b) =>
    b.fn[sort] - a.fn[sort] ||
    b.fn[other] - a.fn[other] ||
    compareCodeUnits(a.path, b.path) ||
    a.fn.line - b.fn.line ||
    a.fn.column - b.fn.column;
}

function everyFunction(result: ScanResult): Hotspot[] {
  const all: Hotspot[] = [];
  for (const file of result.files) {
    const facts = file.error ? null : file.facts;
    if (!facts) continue;
    for (const fn of facts.functions) all.push({ path: file.path, fn });
  }
  return all;
}

/**
 * The most complex functions, the one meaning of "hotspots" for reporters and
 * the UI: by `sort` (cyclomatic by default), then the other metric, then
 * location; the first `top` of them (all with `Infinity`).
 * For the usual short lists, keeps only the best `top` while walking (insertion
 * into a short sorted list) rather than sorting every function of the scan to
 * read the first ten; a long `--top` sorts everything once.
 */
export function hotspots(result: ScanResult, top: number = DEFAULT_TOP, sort: HotspotSort = 'cyclomatic'): Hotspot[] {
  const limit = Math.max(0, top);
  const compare = hotspotOrder(sort);
  const best: Hotspot[] = [];
  if (limit === 0) return best;
  if (limit > 100) return everyFunction(result).sort(compare).slice(0, limit);
  for (const file of result.files) {
    const facts = file.error ? null : file.facts;
    if (!facts) continue;
    for (const fn of facts.functions) {
      const candidate = { path: file.path, fn };
      if (best.length === limit && compare(candidate, best[limit - 1]) >= 0) continue;
      let index = best.length;
      while (index > 0 && compare(candidate, best[index - 1]) < 0) index -= 1;
      best.splice(index, 0, candidate);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}

/** `3 errors`, `1 warning`: a count with its noun, pluralized. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export const compareEdges = (a: GraphEdge, b: GraphEdge) =>
  compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to) || compareCodeUnits(a.specifier, b.specifier);

export const compareRefs = (a: { from: string; specifier: string }, b: { from: string; specifier: string }) =>
  compareCodeUnits(a.from, b.from) || compareCodeUnits(a.specifier, b.specifier);

/** The module graph with every list sorted, so it does not depend on file completion order. */
export function sortedGraph(graph: ModuleGraph): ModuleGraph {
  return {
    nodes: [...graph.nodes].sort(compareCodeUnits),
    edges: graph.edges
      .map((edge) => ({ from: edge.from, to: edge.to, specifier: edge.specifier, typeOnly: edge.typeOnly }))
      .sort(compareEdges),
    external: graph.external.map((ref) => ({ from: ref.from, specifier: ref.specifier })).sort(compareRefs),
    unresolved: graph.unresolved.map((ref) => ({ from: ref.from, specifier: ref.specifier })).sort(compareRefs),
  };
}

/** Share of cache lookups that hit, 0–1; null when the cache was off or nothing was looked up. */
export function cacheHitRate(cache: ScanResult['cache']): number | null {
  const lookups = cache.hits + cache.misses;
  return cache.enabled && lookups > 0 ? cache.hits / lookups : null;
}

/** `1,254 hits, 1 miss (99.9% hit rate)` or `off`. */
export function cacheSummaryText(cache: ScanResult['cache']): string {
  if (!cache.enabled) return 'off';
  const rate = cacheHitRate(cache);
  const hits = `${formatCount(cache.hits)} ${cache.hits === 1 ? 'hit' : 'hits'}`;
  const misses = `${formatCount(cache.misses)} ${cache.misses === 1 ? 'miss' : 'misses'}`;
  return `${hits}, ${misses}${rate === null ? '' : ` (${(rate * 100).toFixed(1)}% hit rate)`}`;
}
