/**
 * The reporter table: format name -> lazy loader of a pure function from
 * ScanResult to text (knip's shape). The CLI picks one by `--format`;
 * programmatic users load any of them for a result from `scan()`. Loading
 * only the reporter a run asked for matters: importing all six (SARIF, the
 * graph renderers, …) cost ~13 ms, 4% of a warm scan of 1,255 files.
 */
import type { ReportFormat, Reporter, ReporterOptions } from './reporter.js';
import type { ScanResult } from '../types.js';

export { REPORT_FORMATS, type ReportFormat, type Reporter, type ReporterOptions } from './reporter.js';
export type { JsonReport } from './json-report.js';

const LOADERS: Readonly<Record<ReportFormat, () => Promise<Reporter>>> = {
  pretty: async () => (await import('./pretty.js')).prettyReporter,
  compact: async () => (await import('./compact.js')).compactReporter,
  github: async () => (await import('./github.js')).githubReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  sarif: async () => (await import('./sarif.js')).sarifReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  dot: async () => (await import('./graph.js')).dotReporter,
  mermaid: async () => (await import('./graph.js')).mermaidReporter,
  html: async () => (await import('./html.js')).htmlReporter,
};

/** The reporter for `format`, loaded on first use. */
export function loadReporter(format: ReportFormat): Promise<Reporter> {
  return LOADERS[format]();
}

/** A reporter's text in pieces, in order; joined, they are exactly the reporter's string. */
type ChunkedReporter = (result: ScanResult, options: ReporterOptions) => Iterable<string>;

/**
 * What the CLI writes with: the JSON report streams one file entry at a time
 * and pretty one file's findings at a time (megabytes on large trees); the
 * other formats are small enough to come whole.
 */
export async function loadChunkedReporter(format: ReportFormat): Promise<ChunkedReporter> {
  if (format === 'json') return (await import('./json.js')).jsonReportChunks;
  if (format === 'pretty') return (await import('./pretty.js')).prettyReportChunks;
  const reporter = await loadReporter(format);
  return (result, options) => [reporter(result, options)];
}
