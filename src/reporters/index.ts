/**
 * The reporter registry: format name -> pure function from ScanResult to text
 * (knip's shape). The CLI picks one by `--format`; programmatic users can call
 * any of them on a result from `scan()`.
 */
import { renderDot, renderMermaid } from './graph.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import { prettyReporter } from './pretty.js';
import type { ReportFormat, Reporter } from './reporter.js';
import { sortedGraph } from './report-model.js';
import { sarifReporter } from './sarif.js';

export { REPORT_FORMATS, type ReportFormat, type Reporter, type ReporterOptions } from './reporter.js';
export { toJsonReport, type JsonReport } from './json.js';
export { toSarifLog } from './sarif.js';

export const REPORTERS: Readonly<Record<ReportFormat, Reporter>> = Object.freeze({
  pretty: prettyReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  markdown: markdownReporter,
  // Sorted here too, so the graph output never depends on file completion order.
  dot: (result) => renderDot(sortedGraph(result.crossFile.graph)),
  mermaid: (result) => renderMermaid(sortedGraph(result.crossFile.graph)),
});
