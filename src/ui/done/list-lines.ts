/**
 * The list tabs (Hotspots, Findings, Files, Directories) as a column header
 * plus one line per row, fitted to the terminal width.
 */
import { escapeTerminal, formatCount, padEnd, padStart, truncateStart } from '../../text/index.js';
import { line, type Line } from '../kit/line.js';
import type { DirectoryRow, FileRow, FileSort, FindingRow, HotspotRow, HotspotSort } from './result-model.js';

/** A list tab ready to paint: its column header and its rows. */
export interface ListView {
  readonly header: string;
  readonly lines: readonly Line[];
}

/** Space the selection marker takes at the start of every row. */
export const MARKER_WIDTH = 2;

export function hotspotLines(rows: readonly HotspotRow[], sort: HotspotSort, width: number): ListView {
  const rest = Math.max(10, width - MARKER_WIDTH - 23);
  const nameWidth = Math.max(8, Math.floor(rest * 0.4));
  const mark = (metric: HotspotSort, label: string): string => (sort === metric ? `${label}▼` : `${label} `);
  return {
    header: `${padStart(mark('cyclomatic', 'cyc'), 5)}${padStart(mark('cognitive', 'cog'), 5)}${padStart('dep', 4)}${padStart('len', 5)}  ${padEnd('function', nameWidth)} file:line`,
    lines: rows.map((row) =>
      line(
        `${padStart(String(row.cyclomatic), 4)} ${padStart(String(row.cognitive), 4)} ${padStart(String(row.maxDepth), 3)} ${padStart(String(row.length), 4)}   ${padEnd(escapeTerminal(row.name), nameWidth)} ${truncateStart(`${escapeTerminal(row.path)}:${row.line}`, rest - nameWidth - 1)}`,
        row.cyclomatic > 20 || row.cognitive > 30 ? 'error' : row.cyclomatic > 10 || row.cognitive > 15 ? 'warning' : undefined,
        { path: row.path },
      ),
    ),
  };
}

export function findingLines(rows: readonly FindingRow[], group: 'rule' | 'file', width: number): ListView {
  const inner = width - MARKER_WIDTH;
  return {
    header: group === 'rule' ? 'grouped by rule (g: by file)' : 'grouped by file (g: by rule)',
    lines: rows.map((row) => {
      if (row.kind === 'group') {
        const label = group === 'file' ? truncateStart(escapeTerminal(row.label), inner - 12) : row.label;
        return line(`${label} (${formatCount(row.count)})`, 'heading');
      }
      const f = row.finding;
      const where = group === 'rule' ? `${f.path}:${f.line}:${f.column}` : `${f.line}:${f.column}`;
      const whereWidth = Math.min(where.length, Math.max(12, Math.floor(inner * 0.45)));
      const head = `  ${padEnd(f.severity, 7)} ${truncateStart(escapeTerminal(where), whereWidth)}  ${group === 'file' ? `${f.rule}: ` : ''}`;
      return line(`${head}${f.message}`, f.severity, { path: f.path });
    }),
  };
}

const SORT_LABEL: Readonly<Record<FileSort, string>> = { lines: 'lines', complexity: 'maxcyc', findings: 'finds', path: 'path' };

export function fileLines(rows: readonly FileRow[], sort: FileSort, width: number): ListView {
  const pathWidth = Math.max(10, width - MARKER_WIDTH - 27);
  const col = (key: FileSort, w: number): string => padStart(SORT_LABEL[key] + (sort === key ? '▼' : ' '), w);
  return {
    header: `${col('lines', 7)} ${padStart('fns ', 5)}${col('complexity', 7)}${col('findings', 7)}  ${SORT_LABEL.path}${sort === 'path' ? '▼' : ''}`,
    lines: rows.map((row) =>
      line(
        `${padStart(formatCount(row.lines), 6)} ${padStart(String(row.functions), 5)} ${padStart(String(row.maxCyclomatic), 6)} ${padStart(String(row.findings), 6)}   ${truncateStart(escapeTerminal(row.path), pathWidth)}${row.error ? `  ✗ ${row.error}` : ''}`,
        row.error ? 'error' : undefined,
        { path: row.path },
      ),
    ),
  };
}

export function directoryLines(rows: readonly DirectoryRow[], width: number): ListView {
  const dirWidth = Math.max(10, width - MARKER_WIDTH - 40);
  return {
    header: `${padStart('files', 6)}${padStart('lines', 9)}${padStart('fns', 7)}${padStart('maxcyc', 8)}${padStart('finds', 7)}   directory`,
    lines: rows.map((row) =>
      line(
        `${padStart(formatCount(row.files), 6)}${padStart(formatCount(row.lines), 9)}${padStart(formatCount(row.functions), 7)}${padStart(String(row.maxCyclomatic), 8)}${padStart(formatCount(row.findings), 7)}   ${truncateStart(escapeTerminal(row.dir), dirWidth)}`,
        undefined,
        { dir: row.dir },
      ),
    ),
  };
}
