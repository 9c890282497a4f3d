/** The export formats by name, and writing them to files. */
import fs from 'node:fs';
import path from 'node:path';
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

/** Writes every requested export (through a temp file, so no reader sees half a file); returns the paths. */
export function writeExports(report: BenchReport, targets: Partial<Record<ExportFormat, string>>): string[] {
  const written: string[] = [];
  for (const [format, file] of Object.entries(targets) as [ExportFormat, string | undefined][]) {
    if (!file) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, EXPORTERS[format](report));
    fs.renameSync(tmp, file);
    written.push(file);
  }
  return written;
}
