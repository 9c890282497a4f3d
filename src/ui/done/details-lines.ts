import { formatCount, padEnd, padStart } from '../../text/index.js';
import { line, type Line } from '../kit/line.js';
import type { ScanResult } from '../../types.js';

/** A file's details: a title, then its functions (most complex first), then its findings. */
interface DetailsView {
  readonly title: string;
  readonly lines: readonly Line[];
}

export function detailsLines(result: ScanResult, path: string): DetailsView {
  const file = result.files.find((f) => f.path === path);
  const findings = [
    ...(result.fileFindings.get(path) ?? []),
    ...result.crossFile.findings.filter((f) => f.path === path),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  if (!file) return { title: path, lines: [line('This file is not in the result.', 'error')] };
  const facts = file.facts;
  const title = facts
    ? `${path} · ${formatCount(facts.lines)} lines (code ${formatCount(facts.code)}, comment ${formatCount(facts.comment)}, blank ${formatCount(facts.blank)})`
    : path;
  const out: Line[] = [];
  if (file.error) out.push(line(`✗ ${file.error.code}: ${file.error.message}`, 'error'));
  if (facts) {
    out.push(line(`Functions (${facts.functions.length}), most complex first`, 'heading'));
    if (facts.functions.length > 0) out.push(line(' line  cyc  cog  dep  prm  len  name', 'muted'));
    const functions = [...facts.functions].sort((a, b) => b.cyclomatic - a.cyclomatic || b.cognitive - a.cognitive || a.line - b.line);
    for (const fn of functions) {
      out.push(
        line(
          `${padStart(String(fn.line), 5)}${padStart(String(fn.cyclomatic), 5)}${padStart(String(fn.cognitive), 5)}${padStart(String(fn.maxDepth), 5)}${padStart(String(fn.params), 5)}${padStart(String(fn.length), 5)}  ${fn.name}`,
          fn.cyclomatic > 10 || fn.cognitive > 15 ? 'warning' : undefined,
        ),
      );
    }
    const imports = facts.imports.length;
    const exports = facts.exports.length;
    out.push(line(`Imports ${imports} · exports ${exports}${file.cached ? ' · from cache' : ''}`, 'muted'));
  }
  out.push(line(`Findings (${findings.length})`, 'heading'));
  for (const f of findings) out.push(line(`  ${padEnd(f.severity, 7)} ${padStart(`${f.line}:${f.column}`, 8)}  ${f.rule}: ${f.message}`, f.severity));
  return { title, lines: out };
}
