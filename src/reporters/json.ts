/**
 * `--format json`: builds the JSON report (its shape is in json-report.ts;
 * contract in shared/design.md).
 *
 * Invariant: everything except `summary.{strategy, workers, cache, queue,
 * durationMs, peakRssBytes}` and `profile` is byte-identical whatever the
 * strategy, worker count or cache state. So nothing here reads
 * `FileResult.cached`, timings or worker ids, objects are built field by field
 * (key order never depends on where the facts came from), and every array is
 * sorted by a locale-free key.
 */
import { GRAPH_EDGE_AT, type FileResult, type Finding, type GraphEdge, type GraphEdgeReader, type ModuleGraph, type ScanResult } from '../types.js';
import { JSON_SCHEMA_VERSION, type JsonFile, type JsonFileFinding, type JsonFinding, type JsonReport } from './json-report.js';
import type { ReporterOptions } from './reporter.js';
import { cacheHitRate, compareEdges, compareRefs, crossFileFindings, findingsOfFile, sortedFiles, sortedGraph } from './report-model.js';
import { compareCodeUnits } from '../util/compare.js';
import { jsonChunks, LazyItems } from './json-stream.js';

function fileFinding(finding: Finding): JsonFileFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    line: finding.line,
    column: finding.column,
    message: finding.message,
    ...(finding.suppressed ? { suppressed: true as const } : {}),
  };
}

/** Unique values, first occurrence wins. */
function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function jsonFile(result: ScanResult, file: FileResult): JsonFile {
  const base = { path: file.path, hash: file.hash, size: file.size };
  const facts = file.error ? null : file.facts;
  if (!facts) {
    return {
      ...base,
      lines: 0,
      code: 0,
      comment: 0,
      blank: 0,
      functions: [],
      imports: [],
      exports: [],
      findings: [],
      error: file.error ? { message: file.error.message, code: file.error.code } : null,
    };
  }
  // Stable sort: records on one line keep the order the analyzer found them in.
  const imports = [...facts.imports].sort((a, b) => a.line - b.line).map((record) => record.specifier);
  const exports = [...facts.exports].sort((a, b) => a.line - b.line).map((record) => record.name);
  return {
    ...base,
    lines: facts.lines,
    code: facts.code,
    comment: facts.comment,
    blank: facts.blank,
    functions: facts.functions.map((fn) => ({
      name: fn.name,
      line: fn.line,
      column: fn.column,
      endLine: fn.endLine,
      params: fn.params,
      cyclomatic: fn.cyclomatic,
      cognitive: fn.cognitive,
      maxDepth: fn.maxDepth,
      length: fn.length,
    })),
    imports: unique(imports),
    exports: unique(exports),
    findings: findingsOfFile(result, file).map(fileFinding),
    error: null,
  };
}

/** What a file entry adds to the summary's totals, without building the entry. */
function fileTotals(result: ScanResult, file: FileResult): { lines: number; functions: number; findings: number; suppressed: number; error: boolean } {
  const facts = file.error ? null : file.facts;
  if (!facts) return { lines: 0, functions: 0, findings: 0, suppressed: 0, error: file.error !== null };
  const findings = result.fileFindings.get(file.path) ?? [];
  return { lines: facts.lines, functions: facts.functions.length, findings: findings.length, suppressed: findings.filter((finding) => finding.suppressed).length, error: false };
}

/** The report with `files` left empty: everything but the bulk, which callers add or stream. */
function reportWithoutFiles(result: ScanResult, files: readonly FileResult[], graph: () => ModuleGraph = () => sortedGraph(result.crossFile.graph)): JsonReport {
  const findings: JsonFinding[] = crossFileFindings(result).map((finding) => ({
    path: finding.path ?? '',
    ...fileFinding(finding),
  }));
  const skipped = [...result.skipped]
    .sort((a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.reason, b.reason))
    .map((entry) => ({ path: entry.path, reason: entry.reason, ...(entry.size === undefined ? {} : { size: entry.size }) }));
  let lines = 0;
  let functions = 0;
  let fileFindings = 0;
  let errors = 0;
  let suppressed = findings.filter((finding) => finding.suppressed).length;
  for (const file of files) {
    const totals = fileTotals(result, file);
    lines += totals.lines;
    functions += totals.functions;
    fileFindings += totals.findings;
    if (totals.error) errors += 1;
    suppressed += totals.suppressed;
  }
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'sonde', version: result.toolVersion },
    root: result.root,
    summary: {
      files: files.length,
      lines,
      functions,
      findings: fileFindings + findings.length,
      ...(suppressed > 0 ? { suppressed } : {}),
      errors,
      skipped: skipped.length,
      strategy: result.strategy,
      workers: result.workers,
      cache: { enabled: result.cache.enabled, hits: result.cache.hits, misses: result.cache.misses, hitRate: cacheHitRate(result.cache) },
      ...(result.queue ? { queue: { workers: result.queue.workers, remoteFiles: result.queue.remoteFiles, localFiles: result.queue.localFiles } } : {}),
      durationMs: result.durationMs,
      peakRssBytes: result.profile.peakRssBytes,
    },
    files: [],
    findings,
    skipped,
    graph: graph(),
    warnings: [...result.warnings],
    profile: result.profile,
  };
}

/** Builds the JSON report object (exported for tests and programmatic use). */
export function toJsonReport(result: ScanResult): JsonReport {
  const files = sortedFiles(result);
  return { ...reportWithoutFiles(result, files), files: files.map((file) => jsonFile(result, file)) };
}

/**
 * The report in pieces whose concatenation is exactly `jsonReporter`'s text,
 * one file entry at a time and the graph's long lists item by item
 * (json-stream.ts). On a 20,000-file scan the whole document is ~95 MB: built
 * as one object, one string and one buffer, it cost seconds of garbage
 * collection; on 100,000 files the graph alone was a 70 MB string.
 */
export function* jsonReportChunks(result: ScanResult): Generator<string> {
  const files = sortedFiles(result);
  const document = { ...reportWithoutFiles(result, files, () => streamedGraph(result.crossFile.graph)), files: new LazyItems(files.length, (index) => jsonFile(result, files[index]!)) };
  yield* jsonChunks(document);
  yield '\n';
}

const inOrder = <T>(list: readonly T[], compare: (a: T, b: T) => number): boolean => {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1]!, list[i]!) > 0) return false;
  return true;
};

/**
 * `sortedGraph`'s text without its copy: the cross-file pass gives every list
 * already in order, and then (the sort being stable) the sorted copy equals
 * the list, so its items are made as they are written. On 100,000 files the
 * copied edges were ~20 MB at the report's peak. A list out of order is sorted as before.
 */
function streamedGraph(graph: ModuleGraph): ModuleGraph {
  const { nodes, external, unresolved } = graph;
  // The cross-file pass's graph hands its edges out one at a time (types.ts): read from there, the list is never made.
  const reader = (graph as { [GRAPH_EDGE_AT]?: GraphEdgeReader })[GRAPH_EDGE_AT];
  const edges = reader ? { length: reader.count, at: (i: number) => reader.at(i) } : { length: graph.edges.length, at: (i: number) => graph.edges[i]! };
  const edgesInOrder = () => {
    for (let i = 1; i < edges.length; i++) if (compareEdges(edges.at(i - 1), edges.at(i)) > 0) return false;
    return true;
  };
  if (!(inOrder(nodes, compareCodeUnits) && edgesInOrder() && inOrder(external, compareRefs) && inOrder(unresolved, compareRefs))) return sortedGraph(graph);
  const ref = (list: ModuleGraph['external']) => new LazyItems(list.length, (i) => ({ from: list[i]!.from, specifier: list[i]!.specifier }));
  const streamed = {
    nodes: new LazyItems(nodes.length, (i) => nodes[i]!),
    edges: new LazyItems(edges.length, (i): GraphEdge => {
      const edge = edges.at(i);
      return { from: edge.from, to: edge.to, specifier: edge.specifier, typeOnly: edge.typeOnly };
    }),
    external: ref(external),
    unresolved: ref(unresolved),
  };
  // Written by jsonChunks only, which takes LazyItems where an array stands.
  return streamed as unknown as ModuleGraph;
}

/** `--format json`: the report, 2-space indented, with a trailing newline. */
export function jsonReporter(result: ScanResult, _options?: ReporterOptions): string {
  return [...jsonReportChunks(result)].join('');
}
