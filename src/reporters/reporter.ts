import type { ScanResult } from '../types.js';

/** The output formats `--format` accepts. */
export type ReportFormat = 'pretty' | 'compact' | 'github' | 'json' | 'sarif' | 'markdown' | 'dot' | 'mermaid' | 'html';

/** Every `--format` value, in the order `--help` lists them. Here, not in index.ts, so parsing flags loads no reporter. */
export const REPORT_FORMATS: readonly ReportFormat[] = Object.freeze(['pretty', 'compact', 'github', 'json', 'sarif', 'markdown', 'dot', 'mermaid', 'html']);

/** Presentation options; none of them changes what a machine-readable report says. */
export interface ReporterOptions {
  /** Emit ANSI colour (the caller passes false for NO_COLOR, pipes and files). */
  readonly color: boolean;
  /**
   * Terminal width to fit (pretty); default 80. `Infinity` when stdout is not
   * a terminal: nothing is truncated or wrapped, so grep sees whole lines.
   */
  readonly columns?: number;
  /**
   * The directory human formats (pretty, compact, github) print paths
   * relative to, as ESLint does: the user's working directory, so
   * `src/engine/scan.ts:36` opens from where sonde ran. Default: the scan root.
   */
  readonly cwd?: string;
  /**
   * The repository root (the nearest folder with `.git`), SARIF's
   * `%SRCROOT%`, so code scanning places results from a subdirectory scan.
   * Default: the scan root.
   */
  readonly repoRoot?: string;
  /** How many hotspots in pretty/markdown; default 10. */
  readonly top?: number;
  /** Markdown: at most this many findings, then "…and N more"; default: as many as fit a GitHub comment. */
  readonly maxFindings?: number;
  /** dot/mermaid: only modules matching these globs and their neighbours. */
  readonly focus?: readonly string[];
  /** dot/mermaid: collapse the modules under matching folders (globs, or a depth) into one node each. */
  readonly collapse?: readonly string[];
  /** html: what the CLI knows and a pure reporter cannot look up (no clock, no fs, no os). */
  readonly html?: HtmlReportOptions;
}

/** Provenance and source text for the HTML report, collected by the CLI. */
export interface HtmlReportOptions {
  /** When the report was made, ISO 8601. */
  readonly date?: string;
  /** The command line as the user typed it (argv joined, quoted where needed). */
  readonly commandLine?: string;
  /** A one-line machine summary: OS, CPU, cores, memory, Node (no host or user names). */
  readonly machine?: string;
  /** Source text by file path (`--html-include-source`); absent: the page embeds no source. */
  readonly sources?: ReadonlyMap<string, string>;
}

/** A reporter is a pure function: result in, text out (with its trailing newline). */
export type Reporter = (result: ScanResult, options: ReporterOptions) => string;
