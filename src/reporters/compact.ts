/**
 * `--format compact`: one line per finding, `path:line:col: severity message [rule]`,
 * for grep, editors' quickfix lists and `wc -l`. Paths are relative to the
 * working directory; nothing is wrapped, truncated or coloured, and a scan
 * without findings prints nothing.
 */
import type { ScanResult } from '../types.js';
import type { ReporterOptions } from './reporter.js';
import { allFindings } from './report-model.js';
import { pathsFrom } from './report-paths.js';
import { escapeTerminal } from '../text/index.js';

export function compactReporter(result: ScanResult, options: ReporterOptions): string {
  // Repository strings stay one line: escapeTerminal turns a newline in a message into a visible `\n`.
  const show = pathsFrom(result.root, options.cwd);
  return allFindings(result)
    .map((finding) => {
      const where = escapeTerminal(show(finding.path));
      return `${where}:${finding.line}:${finding.column}: ${finding.severity} ${escapeTerminal(finding.message)} [${escapeTerminal(finding.rule)}]\n`;
    })
    .join('');
}
