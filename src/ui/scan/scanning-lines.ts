import { bar, progressBar, sparkline } from '../kit/charts.js';
import { formatBytes, formatCount, formatDuration, formatPercent, formatRate, padStart } from '../../text/index.js';
import { line, type Line } from '../kit/line.js';
import { progressRates, type ScanProgress } from './scan-progress.js';

/**
 * The live area of the scanning view: what is being scanned and how, the
 * progress bar with rates and ETA, memory and CPU, cache hits and one bar
 * per worker (as many as fit in `height`).
 */
export function scanningLines(p: ScanProgress, width: number, height: number): Line[] {
  const rates = progressRates(p);
  const total = p.total;
  const strategy = p.strategy === undefined ? 'starting' : p.strategy === 'parallel' ? `parallel · ${p.workers} workers` : 'sequential';
  const counts = total === undefined ? `${formatCount(p.done)} files` : `${formatCount(p.done)}/${formatCount(total)} files`;
  const barWidth = Math.max(10, width - counts.length - 8);
  const out: Line[] = [
    line(`sonde scan  ${p.root}`, 'heading'),
    line(`${strategy} · cache ${p.cache ? 'on' : 'off'} · phase: ${p.phase ?? (p.result ? 'done' : '…')}`, 'muted'),
    line(`${progressBar(rates.fraction, barWidth)} ${counts} ${padStart(formatPercent(rates.fraction), 4)}`, 'accent'),
    line(
      `${formatRate(rates.filesPerSecond, 'files')} · ${formatRate(rates.linesPerSecond, 'lines')} · elapsed ${formatDuration(rates.elapsedMs)} · ETA ${rates.etaMs === undefined ? '–' : formatDuration(rates.etaMs)}`,
    ),
    line(
      `cache hits ${formatCount(p.cacheHits)}${p.done > 0 ? ` (${formatPercent(p.cacheHits / p.done)})` : ''} · errors ${formatCount(p.errors)} · skipped ${formatCount(p.skipped)}`,
      p.errors > 0 ? 'warning' : undefined,
    ),
  ];
  const rss = p.rss[p.rss.length - 1];
  const cpu = p.cpuPercent === undefined ? '–' : `${Math.round(p.cpuPercent)}%`;
  const memory = `${formatBytes(rss ?? 0)} · CPU ${cpu}`;
  const spark = sparkline(p.rss, Math.max(4, width - memory.length - 8), 0);
  out.push(line(`RSS ${spark}${spark ? ' ' : ''}${memory}`, 'good'));
  const workers = workerRows(p);
  if (workers.length > 0) {
    const room = Math.max(1, height - out.length - 1);
    const max = Math.max(1, ...workers.map((w) => w.files));
    const shown = workers.length > room ? workers.slice(0, room - 1) : workers;
    out.push(line('Workers', 'heading'));
    for (const w of shown) {
      const util = w.utilization === undefined ? '' : ` ${padStart(formatPercent(w.utilization), 4)} busy`;
      out.push(line(`  #${String(w.id).padEnd(3)}${bar(w.files / max, Math.max(4, width - 28))} ${padStart(formatCount(w.files), 6)}${util}`));
    }
    if (shown.length < workers.length) out.push(line(`  … ${workers.length - shown.length} more workers`, 'muted'));
  }
  if (p.droppedLogs > 0) out.push(line(`… ${formatCount(p.droppedLogs)} more warnings/errors (see the Files and Findings tabs)`, 'warning'));
  return out;
}

interface WorkerRow {
  readonly id: number;
  readonly files: number;
  readonly utilization: number | undefined;
}

/** Workers from file:done counts, completed with workers:stats when it has arrived. */
function workerRows(p: ScanProgress): WorkerRow[] {
  const ids = new Set<number>([...p.perWorker.keys(), ...p.workerStats.map((w) => w.id)]);
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => {
      const stats = p.workerStats.find((w) => w.id === id);
      return { id, files: Math.max(p.perWorker.get(id) ?? 0, stats?.files ?? 0), utilization: stats?.utilization };
    });
}
