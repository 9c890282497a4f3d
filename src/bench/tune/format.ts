/**
 * `sonde tune`'s text: the recommendation, and under each choice the
 * measurements it rests on. Pure.
 */
import { escapeTerminal, formatCount, formatDuration, formatMebibytes, formatRatio } from '../../text/index.js';
import { describeSizeClass } from '../../parallel/tuned-record.js';
import type { Comparison } from './decide.js';
import { MIN_RUNS_FOR_VERDICT } from './evidence.js';
import type { TuneReport } from './run-tune.js';

/** `parallel:2 vs sequential: 1.31× faster (95% CI 1.22–1.40)`, or why there is no verdict. */
export function formatComparison(c: Comparison): string {
  const e = c.evidence;
  const head = `${c.candidate} vs ${c.reference}`;
  if (e.kind === 'too few runs') return `${head}: too few runs (${e.runs} and ${e.referenceRuns}) for a verdict`;
  const interval = `95% CI ${formatRatio(e.low)}–${formatRatio(e.high)}`;
  if (e.verdict === 'within noise') return `${head}: ${formatRatio(e.ratio)}× (${interval}), within noise`;
  // A slowdown reads better as "N× slower", its interval inverted with it.
  if (e.verdict === 'slower') return `${head}: ${formatRatio(1 / e.ratio)}× slower (95% CI ${formatRatio(1 / e.high)}–${formatRatio(1 / e.low)}× slower)`;
  return `${head}: ${formatRatio(e.ratio)}× faster (${interval})`;
}

const machineLine = (r: TuneReport) =>
  `${escapeTerminal(r.machine.cpuModel)}, ${r.machine.cores} cores, ${formatMebibytes(r.machine.totalMemoryBytes)} memory`;

/** The whole report, lines joined, ending with a newline. */
export function formatTune(report: TuneReport): string {
  const { measurement: m, recommendation: rec } = report;
  const runs = m.arms.map((arm) => `${arm.name} ${arm.samples.length}${arm.dropped ? ' (left the race early)' : ''}`).join(', ');
  const lines = [
    `sonde tune: ${escapeTerminal(report.target)}`,
    `  ${formatCount(report.files)} files, ${formatCount(report.lines)} lines (${describeSizeClass(report.sizeClass)}) on ${machineLine(report)}`,
    `  ${m.rounds} round${m.rounds === 1 ? '' : 's'} in ${formatDuration(m.elapsedMs)} (budget ${formatDuration(report.budgetMs)}); runs: ${runs}`,
    '',
    `workers: --parallel ${rec.workers.choice}`,
    ...rec.workers.comparisons.map((c) => `  ${formatComparison(c)}`),
    `  → ${rec.workers.reason}`,
    '',
    `cache: ${rec.cache.choice ? 'on (--cache)' : 'off'}`,
    ...(rec.cache.comparison ? [`  ${formatComparison(rec.cache.comparison)}`] : []),
    ...(rec.cache.coldMs !== null && rec.cache.uncachedMedianMs !== null
      ? [`  the first scan, which fills an empty cache: ${formatDuration(rec.cache.coldMs)} (one run), against ${formatDuration(rec.cache.uncachedMedianMs)} median without a cache`]
      : []),
    `  → ${rec.cache.reason}`,
    '',
    rec.memory.peakRssBytes === null || rec.memory.budgetBytes === null
      ? 'memory: not measured'
      : `memory: peak RSS ${formatMebibytes(rec.memory.peakRssBytes)} (highest of ${rec.memory.runs} runs of the chosen settings) → budget ${formatMebibytes(rec.memory.budgetBytes)}`,
  ];
  if (m.rounds < MIN_RUNS_FOR_VERDICT) {
    lines.push('', `note: ${m.rounds} round${m.rounds === 1 ? '' : 's'} fit the budget; a verdict needs ${MIN_RUNS_FOR_VERDICT} runs a side.`);
    const estimate = budgetForVerdicts(report);
    if (estimate !== undefined) lines.push(`  --time-budget ${Math.ceil(estimate / 1000)} would fit ${MIN_RUNS_FOR_VERDICT} rounds on this tree (at the times measured).`);
  }
  return `${lines.join('\n')}\n`;
}

/** The cache-filling scan plus MIN_RUNS_FOR_VERDICT rounds of every setting, at their median times. */
function budgetForVerdicts(report: TuneReport): number | undefined {
  const medians = report.measurement.arms.map((arm) => {
    const walls = arm.samples.map((s) => s.wallMs).sort((a, b) => a - b);
    return walls.length ? walls[walls.length >> 1]! : undefined;
  });
  if (medians.some((ms) => ms === undefined)) return undefined;
  const round = medians.reduce((sum: number, ms) => sum + ms!, 0);
  return (report.measurement.coldRun?.wallMs ?? 0) + MIN_RUNS_FOR_VERDICT * round * 1.1;
}
