/** The export formats by name, and writing them to files. */
import { checkOutputTarget, writeOutput, type OutputTarget } from '../../util/output-target.js';
import type { BenchReport } from '../types.js';
import { exportCsv } from './csv.js';
import { exportHtml } from './html.js';
import { exportJson } from './json.js';
import { exportMarkdown } from './markdown.js';

type ExportFormat = 'json' | 'markdown' | 'csv' | 'html';

/** Each format is a pure function: report in, text out. */
const EXPORTERS: Readonly<Record<ExportFormat, (report: BenchReport) => string>> = {
  json: exportJson,
  markdown: exportMarkdown,
  csv: exportCsv,
  html: exportHtml,
};

/** Every requested export checked as an output target, before the benchmark runs. */
export function checkExportTargets(targets: Partial<Record<ExportFormat, string>>): Map<ExportFormat, OutputTarget> {
  const checked = new Map<ExportFormat, OutputTarget>();
  for (const [format, file] of Object.entries(targets) as [ExportFormat, string | undefined][]) {
    if (file) checked.set(format, checkOutputTarget(file, `--export-${format}`));
  }
  return checked;
}

/** Writes every checked export (a regular file through a temp file, a device/FIFO/link through); returns the paths. */
export function writeExports(
  report: BenchReport,
  targets: ReadonlyMap<ExportFormat, OutputTarget> | Partial<Record<ExportFormat, string>>,
): string[] {
  const checked: ReadonlyMap<ExportFormat, OutputTarget> =
    targets instanceof Map ? targets : checkExportTargets(targets as Partial<Record<ExportFormat, string>>);
  const written: string[] = [];
  for (const [format, target] of checked) {
    writeOutput(target, EXPORTERS[format](report));
    written.push(target.file);
  }
  return written;
}
