import { formatCount, padEnd, padStart, textWidth, wrap } from '../../text/index.js';
import { line, type Line } from '../kit/line.js';
import type { Finding, ScanResult } from '../../types.js';
import { cycleGroupMembers } from './cycle-group.js';
import { MARKER_WIDTH } from './list-lines.js';

/** A file's details: a title, then its functions (most complex first), then its findings. */
interface DetailsView {
  readonly title: string;
  readonly lines: readonly Line[];
}

/**
 * A finding in the details pane: wrapped, never cut (an import-cycle path is
 * long), continuation lines indented under the message; for a cycle group,
 * every one of its modules, one per line.
 */
function findingLines(result: ScanResult, f: Finding, width: number): Line[] {
  const head = `  ${padEnd(f.severity, 7)} ${padStart(`${f.line}:${f.column}`, 8)}  `;
  const rest = Math.max(20, width - MARKER_WIDTH - CONTINUATION.length);
  const parts = hangingWrap(`${f.rule}: ${f.message}`, width - MARKER_WIDTH - head.length, rest);
  const out = parts.map((part, i) => line(`${i === 0 ? head : CONTINUATION}${part}`, f.severity));
  const members = cycleGroupMembers(result.crossFile.graph, f);
  if (members) {
    out.push(line(`${CONTINUATION}The ${members.length} modules of this cycle group:`, 'muted'));
    for (const member of members) out.push(...wrap(member, rest - 2).map((part, i) => line(`${CONTINUATION}${i === 0 ? '• ' : '  '}${part}`)));
  }
  return out;
}

/** Continuation lines of a finding: indented a little, so a long path gets most of the width. */
const CONTINUATION = '    ';

/** Words on a first line of `first` columns (after the finding's columns), the rest wrapped at `rest`. */
function hangingWrap(text: string, first: number, rest: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  let head = '';
  let taken = 0;
  for (const word of words) {
    const next = head ? `${head} ${word}` : word;
    if (textWidth(next) > first) break;
    head = next;
    taken += 1;
  }
  const tail = words.slice(taken).join(' ');
  return [head, ...(tail ? wrap(tail, rest) : [])];
}

export function detailsLines(result: ScanResult, path: string, width = 80): DetailsView {
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
  for (const f of findings) out.push(...findingLines(result, f, width));
  return { title, lines: out };
}
