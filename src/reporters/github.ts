/**
 * `--format github`: GitHub Actions workflow commands, one per finding
 * (`::warning file=src/a.ts,line=3,col=5,title=complexity::message`), which
 * the runner turns into annotations on the pull request. Paths are relative
 * to the working directory, which in a job is the checkout.
 *
 * Escaping is the runner's (actions/toolkit `command.ts`): in the message,
 * `%`, CR and LF become `%25`, `%0D`, `%0A`; in a property also `:` and `,`
 * become `%3A` and `%2C`, so a path with a comma cannot end its property
 * early. What is left is escaped for the terminal (a log is still read in one).
 */
import type { ScanResult, Severity } from '../types.js';
import type { ReporterOptions } from './reporter.js';
import { allFindings } from './report-model.js';
import { pathsFrom } from './report-paths.js';
import { escapeTerminal } from '../text/index.js';

/** The workflow command for a severity: GitHub's lowest level is `notice`. */
export function githubCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'info' ? 'notice' : severity;
}

/** A workflow command's message (data). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function githubReporter(result: ScanResult, options: ReporterOptions): string {
  const show = pathsFrom(result.root, options.cwd);
  return allFindings(result)
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(show(finding.path))}`,
        `line=${Math.max(1, finding.line)}`,
        `col=${Math.max(1, finding.column)}`,
        `title=${escapeProperty(finding.rule)}`,
      ].join(',');
      return `${escapeTerminal(`::${githubCommand(finding.severity)} ${properties}::${escapeData(finding.message)}`)}\n`;
    })
    .join('');
}
