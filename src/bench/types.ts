/**
 * The result of `sonde bench`: what the exports, the baseline compare and the
 * Ink bench view read. Plain JSON data (it is the `--export-json` document).
 */

/**
 * Version of the BenchReport JSON document; bump on a breaking change.
 * 2: `speedup` and the 95% intervals are of geometric means (Welch's test on
 * log times, docs/bench-statistics.md), no longer of medians. Baselines of
 * version 1 still compare: the comparison is recomputed from their samples.
 */
export const BENCH_SCHEMA_VERSION = 2;

/** The machine and code a benchmark ran on; two reports are comparable only when these match closely. */
export interface MachineInfo {
  readonly cpuModel: string;
  /** Logical cores (`os.availableParallelism()`). */
  readonly cores: number;
  readonly totalMemoryBytes: number;
  readonly platform: string;
  readonly arch: string;
  readonly nodeVersion: string;
  readonly toolVersion: string;
  /** `git rev-parse HEAD` of the sonde checkout, or null outside git. */
  readonly gitCommit: string | null;
  /** True when the sonde checkout had uncommitted changes. */
  readonly gitDirty: boolean;
  /** ISO-8601 start time. */
  readonly date: string;
}

/** The settings a benchmark ran with (normalized; enough to rerun it). */
export interface BenchSettings {
  /** Absolute scanned directory, or the suite's temp root. */
  readonly target: string;
  readonly strategies: readonly string[];
  readonly reference: string;
  readonly warmupRuns: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  /** Per strategy, the measured time budget that sets the run count as hyperfine does. */
  readonly timeBudgetMs: number;
  /** Adaptive stop when a strategy's relative margin of error is below this fraction (0.02 = 2%), or null. */
  readonly targetRme: number | null;
  readonly alpha: number;
  readonly seed: number;
  readonly suite: boolean;
  /** Suite sizes (`small`, `medium`, …); empty unless `suite`. */
  readonly sizes: readonly string[];
}

/** One measured scan, in its own child process. */
export interface BenchSample {
  /** Measured run number, 1-based (warm-ups are not kept). */
  readonly run: number;
  /** Wall time measured by the parent around the child process. */
  readonly wallMs: number;
  /** The child's own `summary.durationMs` (scan time, without Node start-up). */
  readonly scanMs: number;
  /** Kernel high-water mark of the child (`summary.peakRssBytes`). */
  readonly peakRssBytes: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  /** The child's CPU from its start to the end of its scan (Node start-up included); 0 from older reports. */
  readonly processCpuMs: number;
  readonly cacheHits: number;
  readonly cacheMisses: number;
  /** Parser files the child compiled from a V8 code-cache blob (0 from older reports). */
  readonly codeCacheLoaded?: number;
  /** Parser files it compiled from source through the code cache (a cold code cache); both 0: no code cache in use. */
  readonly codeCacheCompiled?: number;
  readonly files: number;
  readonly lines: number;
}

/** Descriptive statistics of one series (same shape as stats.ts `Summary`). */
export interface SummaryStats {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly sem: number;
  /** Geometric mean (absent in reports before it was added). */
  readonly geoMean?: number;
  /** 95% interval of the geometric mean, on the log scale (never negative); NaN (null in JSON) below 3 runs. */
  readonly ci95: readonly [number, number];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Median absolute deviation. */
  readonly mad: number;
  /** Indices into the sample array flagged by the modified z-score (|z| > 3.5). */
  readonly outliers: readonly number[];
  /** Upper end of the 95% interval ÷ the geometric mean − 1, as a fraction (0.02 = +2%); NaN below 3 runs. */
  readonly relativeMarginOfError: number;
}

/** Everything measured for one strategy. */
export interface StrategyResult {
  /** e.g. `sequential`, `parallel:2`, `cache:warm`, `cache:partial:10`. */
  readonly strategy: string;
  readonly samples: readonly BenchSample[];
  /** Runs that failed (not in samples), with the reason. */
  readonly failures: readonly { readonly run: number; readonly error: string }[];
  /** Statistics of wallMs. */
  readonly summary: SummaryStats;
  /** Statistics of scanMs (the in-process scan time). */
  readonly scanSummary: SummaryStats;
  /** files ÷ median wall seconds. */
  readonly filesPerSecond: number;
  /** lines ÷ median wall seconds. */
  readonly linesPerSecond: number;
  readonly peakRss: { readonly median: number; readonly max: number };
  /** Median of the child's CPU time ÷ its wall time (start-up included); 1.0 = one core busy. */
  readonly cpuUtilization: number;
  /** hits ÷ (hits + misses) over all samples, or null when the cache was off. */
  readonly cacheHitRate: number | null;
  /** Hyperfine-like warnings (outliers, slow first run, high variance). */
  readonly warnings: readonly string[];
  /** RSS over time of the median-wall run (from its profile timeline), downsampled; may be empty. */
  readonly memoryTimeline?: readonly { readonly t: number; readonly rss: number }[];
}

/** A strategy against the reference strategy. */
export interface StrategyComparison {
  readonly strategy: string;
  readonly reference: string;
  /** geomean(reference) ÷ geomean(strategy) (>1: faster), with its (1 − α) Welch interval on log-times; low/high NaN with too few runs. */
  readonly speedup: { readonly ratio: number; readonly low: number; readonly high: number };
  /** Welch's t-test two-sided p-value on log-times (NaN with too few runs). */
  readonly pValue: number;
  readonly verdict: 'faster' | 'slower' | 'within noise' | 'too few runs';
}

/** One strategy's medians at one suite size. */
export interface SuitePoint {
  readonly strategy: string;
  readonly medianWallMs: number;
  readonly medianScanMs: number;
  readonly medianPeakRssBytes: number;
}

/** One generated size in the suite. */
export interface SuiteSizeResult {
  readonly size: string;
  readonly files: number;
  readonly lines: number;
  readonly results: readonly StrategyResult[];
  readonly comparisons: readonly StrategyComparison[];
  readonly points: readonly SuitePoint[];
}

/** How one strategy scales with project size (fits over the suite's sizes). */
export interface ScalingFit {
  readonly strategy: string;
  /** Linear fit of median wall ms over files: slope = ms per file. */
  readonly msPerFile: number;
  /** Intercept of that fit: fixed cost (start-up, discovery) in ms. */
  readonly fixedMs: number;
  readonly linearR2: number;
  /** log-log exponent of wall time over files (1 = linear). */
  readonly timeExponent: number;
  readonly timeR2: number;
  /** log-log exponent of peak RSS over files. */
  readonly memoryExponent: number;
  readonly memoryR2: number;
}

export interface SuiteReport {
  readonly sizes: readonly SuiteSizeResult[];
  readonly scaling: readonly ScalingFit[];
}

/** The whole benchmark result. For a suite, `results`/`comparisons` hold the largest size. */
export interface BenchReport {
  readonly schemaVersion: typeof BENCH_SCHEMA_VERSION;
  readonly kind: 'sonde-bench';
  readonly machine: MachineInfo;
  readonly settings: BenchSettings;
  readonly results: readonly StrategyResult[];
  readonly comparisons: readonly StrategyComparison[];
  /** Advice derived only from the comparisons above. */
  readonly recommendations: readonly string[];
  readonly warnings: readonly string[];
  readonly suite: SuiteReport | null;
  readonly totalDurationMs: number;
}

/** One row of a baseline compare. */
export interface BaselineChange {
  /** Suite size or `''` for a plain bench. */
  readonly size: string;
  readonly strategy: string;
  /** Geometric means of the wall times. */
  readonly baselineMs: number;
  readonly currentMs: number;
  /** (current ÷ baseline − 1) of the geometric means, in %; positive = slower. */
  readonly changePercent: number;
  /** geomean(baseline) ÷ geomean(current) with its Welch interval on log-times (>1: current is faster). */
  readonly speedup: { readonly ratio: number; readonly low: number; readonly high: number };
  readonly pValue: number;
  readonly verdict: 'improved' | 'regressed' | 'within noise' | 'regressed (below threshold)' | 'too few runs';
}

export interface BaselineComparison {
  readonly baselineName: string;
  readonly baselineDate: string;
  readonly baselineCommit: string | null;
  readonly thresholdPercent: number;
  readonly changes: readonly BaselineChange[];
  /** True when some change is a significant regression beyond the threshold. */
  readonly regressed: boolean;
  /** Notes such as a different machine or Node version. */
  readonly notes: readonly string[];
}
