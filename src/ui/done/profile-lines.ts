import { bar, sparkline } from '../kit/charts.js';
import { formatBytes, formatCount, formatDuration, formatPercent, padEnd, padStart } from '../../text/index.js';
import { line, type Line } from '../kit/line.js';
import type { ScanResult } from '../../types.js';

/** The Profile tab: memory and CPU over time as sparklines, phase and worker bars. */
export function profileLines(result: ScanResult, width: number): Line[] {
  const { profile } = result;
  const chartWidth = Math.max(10, width - 4);
  const samples = profile.samples;
  const out: Line[] = [];
  if (samples.length > 0) {
    const span = samples[samples.length - 1].t - samples[0].t;
    const cpu = samples.map((s) => s.cpuPercent);
    const avgCpu = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    out.push(
      line(`Memory (RSS)  peak ${formatBytes(profile.peakRssBytes)} · ${samples.length} samples over ${formatDuration(span)}`, 'heading'),
      line(`  ${sparkline(samples.map((s) => s.rss), chartWidth, 0)}`, 'accent'),
      line(`Heap used  max ${formatBytes(Math.max(...samples.map((s) => s.heapUsed)))}`, 'heading'),
      line(`  ${sparkline(samples.map((s) => s.heapUsed), chartWidth, 0)}`, 'accent'),
      line(`CPU  avg ${Math.round(avgCpu)}% · max ${Math.round(Math.max(...cpu))}% of one core`, 'heading'),
      line(`  ${sparkline(cpu, chartWidth, 0)}`, 'good'),
    );
  } else {
    out.push(line(`Memory  peak ${formatBytes(profile.peakRssBytes)} (no timeline samples: the scan was shorter than one interval)`, 'heading'));
  }
  out.push(line(`CPU time  user ${formatDuration(profile.cpuUserMs)} · system ${formatDuration(profile.cpuSystemMs)} · wall ${formatDuration(result.durationMs)}`));
  out.push(line(''), line('Phases', 'heading'));
  const longest = Math.max(1, ...profile.phases.map((p) => p.durationMs));
  const barWidth = Math.max(4, width - 30);
  for (const phase of profile.phases) {
    out.push(line(`  ${padEnd(phase.phase, 12)}${padStart(formatDuration(phase.durationMs), 9)}  ${bar(phase.durationMs / longest, barWidth)}`));
  }
  if (profile.workers.length > 0) {
    out.push(line(''), line('Workers (busy share of the analyze phase)', 'heading'));
    const workerBar = Math.max(4, width - 34);
    for (const worker of profile.workers) {
      out.push(
        line(`  #${padEnd(String(worker.id), 3)}${padStart(formatCount(worker.files), 6)} files ${padStart(formatPercent(worker.utilization), 5)}  ${bar(worker.utilization, workerBar)}`),
      );
    }
  }
  return out;
}
