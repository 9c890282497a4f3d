import type { ScanResult } from '../types.js';

/** The output formats `--format` accepts. */
export type ReportFormat = 'pretty' | 'json' | 'sarif' | 'markdown' | 'dot' | 'mermaid';

/** Every `--format` value, in the order `--help` lists them. Here, not in index.ts, so parsing flags loads no reporter. */
export const REPORT_FORMATS: readonly ReportFormat[] = Object.freeze(['pretty', 'json', 'sarif', 'markdown', 'dot', 'mermaid']);

/** Presentation options; none of them changes what a machine-readable report says. */
export interface ReporterOptions {
  /** Emit ANSI colour (the caller passes false for NO_COLOR, pipes and files). */
  readonly color: boolean;
  /** Terminal width to fit (pretty); default 80. */
  readonly columns?: number;
  /** How many hotspots in pretty/markdown; default 10. */
  readonly top?: number;
}

/** A reporter is a pure function: result in, text out (with its trailing newline). */
export type Reporter = (result: ScanResult, options: ReporterOptions) => string;
