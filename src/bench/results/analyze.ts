/**
 * From raw samples to per-strategy results and comparisons: pure functions
 * over the statistics in stats/.
 */
import { compareSamples, median, summarize } from '../stats/index.js';
import type { BenchSample, StrategyComparison, StrategyResult, SummaryStats } from '../types.js';

/** Relative margin of error above which a strategy's numbers are called noisy. */
const NOISY_RME = 0.1;
/** Most points kept of a memory timeline in the report. */
const TIMELINE_POINTS = 120;

const EMPTY_SUMMARY: SummaryStats = {
  n: 0,
  mean: Number.NaN,
  sd: Number.NaN,
  sem: Number.NaN,
  geoMean: Number.NaN,
  ci95: [Number.NaN, Number.NaN],
  median: Number.NaN,
  min: Number.NaN,
  max: Number.NaN,
  mad: Number.NaN,
  outliers: [],
  relativeMarginOfError: Number.NaN,
};

/** summarize() that tolerates an empty series (every run failed). */
function safeSummary(values: readonly number[]): SummaryStats {
  return values.length === 0 ? EMPTY_SUMMARY : summarize(values);
}

/** Keeps at most `max` evenly spaced points, always including the last. */
export function downsample<T>(points: readonly T[], max = TIMELINE_POINTS): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}

/**
 * Hyperfine-like warnings for one strategy's wall times. Outliers are named
 * by direction (a slow first run means cold file-system caches; a fast one
 * does not), and only from MIN_RUNS_FOR_OUTLIERS runs on (summarize's rule).
 */
function strategyWarnings(strategy: string, summary: SummaryStats, wall: readonly number[]): string[] {
  const warnings: string[] = [];
  if (summary.n === 0) return warnings;
  const outliers = summary.outliers;
  const slower = outliers.filter((i) => wall[i] > summary.median);
  const faster = outliers.filter((i) => wall[i] < summary.median);
  if (slower.length === 1 && slower[0] === 0 && faster.length === 0) {
    warnings.push(
      `${strategy}: the first measured run was significantly slower than the rest. ` +
        'File-system caches may not have been filled until after it; consider more --warmup runs.',
    );
  } else if (outliers.length > 0) {
    const parts = [
      slower.length ? `${slower.length} slower` : '',
      faster.length ? `${faster.length} faster` : '',
    ].filter(Boolean);
    warnings.push(
      `${strategy}: ${parts.join(' and ')} statistical outlier${outliers.length > 1 ? 's' : ''} than the rest ` +
        '(modified z-score > 3.5). Consider re-running on a quiet system without interference from other programs.',
    );
  }
  if (summary.relativeMarginOfError > NOISY_RME) {
    warnings.push(
      `${strategy}: the 95% interval reaches +${(summary.relativeMarginOfError * 100).toFixed(1)}% of the geometric mean; ` +
        'the numbers are noisy, use more runs (--min-runs) or a quieter machine.',
    );
  }
  return warnings;
}

/** Builds one strategy's result from its measured samples. */
export function buildStrategyResult(
  strategy: string,
  samples: readonly BenchSample[],
  failures: readonly { run: number; error: string }[],
  timelines: ReadonlyMap<number, readonly { t: number; rss: number }[]> = new Map(),
): StrategyResult {
  const wall = samples.map((s) => s.wallMs);
  const summary = safeSummary(wall);
  const scanSummary = safeSummary(samples.map((s) => s.scanMs));
  const seconds = summary.median / 1000;
  const files = samples.length ? median(samples.map((s) => s.files)) : 0;
  const lines = samples.length ? median(samples.map((s) => s.lines)) : 0;
  const rss = samples.map((s) => s.peakRssBytes);
  // The child measures CPU time over its scan only (not Node start-up), so divide by the scan's own duration.
  // Whole-process CPU over the wall time the parent measured, as `time` would report it;
  // reports without processCpuMs fall back to the scan's own CPU over its own duration.
  const cpu = samples
    .filter((s) => s.wallMs > 0 && s.scanMs > 0)
    .map((s) => (s.processCpuMs > 0 ? s.processCpuMs / s.wallMs : (s.cpuUserMs + s.cpuSystemMs) / s.scanMs));
  const hits = samples.reduce((a, s) => a + s.cacheHits, 0);
  const misses = samples.reduce((a, s) => a + s.cacheMisses, 0);
  // The timeline of the run closest to the median is the most typical one to show.
  let timeline: readonly { t: number; rss: number }[] = [];
  if (samples.length) {
    const typical = [...samples].sort(
      (a, b) => Math.abs(a.wallMs - summary.median) - Math.abs(b.wallMs - summary.median),
    )[0];
    timeline = downsample(timelines.get(typical.run) ?? []);
  }
  return {
    strategy,
    samples,
    failures,
    summary,
    scanSummary,
    filesPerSecond: seconds > 0 ? files / seconds : 0,
    linesPerSecond: seconds > 0 ? lines / seconds : 0,
    peakRss: { median: rss.length ? median(rss) : 0, max: rss.length ? Math.max(...rss) : 0 },
    cpuUtilization: cpu.length ? median(cpu) : 0,
    cacheHitRate: hits + misses > 0 ? hits / (hits + misses) : null,
    warnings: strategyWarnings(strategy, summary, wall),
    memoryTimeline: timeline,
  };
}

/** Every strategy but the reference, compared with the reference on wall time. */
export function compareWithReference(
  results: readonly StrategyResult[],
  reference: string,
  options: { alpha: number },
): StrategyComparison[] {
  const ref = results.find((r) => r.strategy === reference);
  if (!ref || ref.samples.length === 0) return [];
  const refWall = ref.samples.map((s) => s.wallMs);
  return results
    .filter((r) => r.strategy !== reference && r.samples.length > 0)
    .map((r) => {
      const c = compareSamples(
        r.samples.map((s) => s.wallMs),
        refWall,
        { alpha: options.alpha },
      );
      return { strategy: r.strategy, reference, speedup: c.speedup, pValue: c.pValue, verdict: c.verdict };
    });
}
