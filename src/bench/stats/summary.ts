/**
 * Descriptive statistics of one strategy's samples, as hyperfine prints them:
 * mean ± SD, median, MAD, outliers by the modified z-score, and a 95%
 * interval computed on the log scale (log-normal times), so it is the
 * interval of the geometric mean, the same quantity compareSamples compares,
 * and can never go below zero (docs/bench-statistics.md).
 */
import { studentTQuantile } from './distributions.js';

/** What a benchmark reports about one set of samples. */
interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator); 0 when n = 1. */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  sem: number;
  /** Geometric mean, exp(mean(ln x)); what the interval and compareSamples are about. */
  geoMean: number;
  /** 95% interval of the geometric mean: exp(mean(ln x) ± t(n−1)·sd(ln x)/√n); [NaN, NaN] below MIN_RUNS_FOR_INTERVAL. */
  ci95: [number, number];
  median: number;
  min: number;
  max: number;
  /** Median absolute deviation from the median, unscaled (multiply by 1.4826 to estimate σ). */
  mad: number;
  /** Indices of outliers by modified z-score > 3.5 (Iglewicz–Hoaglin, as hyperfine); none below MIN_RUNS_FOR_OUTLIERS. */
  outliers: number[];
  /** Upper end of the interval ÷ the geometric mean − 1 (0.02 = +2%); NaN below MIN_RUNS_FOR_INTERVAL. */
  relativeMarginOfError: number;
}

/** Modified z-score threshold recommended by Iglewicz and Hoaglin, used by hyperfine. */
const OUTLIER_THRESHOLD = 3.5;
/** Fewer runs than this: no interval (a t interval from 2 runs spans orders of magnitude). */
export const MIN_RUNS_FOR_INTERVAL = 3;
/** Fewer runs than this: no outliers (with 3 or 4 runs the median and MAD are too unstable to call one). */
export const MIN_RUNS_FOR_OUTLIERS = 5;

/** Median of a sample (mean of the two middle values for even n). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of an empty sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Arithmetic mean. */
export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('mean of an empty sample');
  let sum = 0;
  for (const x of samples) sum += x;
  return sum / samples.length;
}

/** Sample variance with the n − 1 denominator (two-pass, for numerical stability); 0 for n = 1. */
export function variance(samples: readonly number[]): number {
  if (samples.length < 2) return 0;
  const m = mean(samples);
  let sum = 0;
  for (const x of samples) sum += (x - m) * (x - m);
  return sum / (samples.length - 1);
}

/**
 * Modified z-scores (x − median) / (1.4826 · MAD), exactly as hyperfine's
 * outlier_detection.rs: a zero MAD is replaced by machine epsilon, so with
 * identical samples any differing value stands out.
 */
export function modifiedZScores(samples: readonly number[]): number[] {
  if (samples.length === 0) return [];
  const med = median(samples);
  const rawMad = median(samples.map((x) => Math.abs(x - med)));
  const mad = rawMad > 0 ? rawMad : Number.EPSILON;
  return samples.map((x) => (x - med) / (1.4826 * mad));
}

/** Summarize a non-empty sample; throws RangeError on an empty one. */
export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  if (n === 0) throw new RangeError('summarize needs at least one sample');
  const m = mean(samples);
  const sd = Math.sqrt(variance(samples));
  const sem = sd / Math.sqrt(n);
  const med = median(samples);
  const mad = median(samples.map((x) => Math.abs(x - med)));
  const outliers: number[] = [];
  if (n >= MIN_RUNS_FOR_OUTLIERS) {
    modifiedZScores(samples).forEach((z, i) => {
      if (Math.abs(z) > OUTLIER_THRESHOLD) outliers.push(i);
    });
  }
  // Times are positive: the interval is taken on ln x (a non-positive value, not a time, gets none).
  const positive = samples.every((x) => x > 0);
  const logs = positive ? samples.map(Math.log) : [];
  const logMean = positive ? mean(logs) : Number.NaN;
  const geoMean = Math.exp(logMean);
  let ci95: [number, number] = [Number.NaN, Number.NaN];
  let relativeMarginOfError = Number.NaN;
  if (positive && n >= MIN_RUNS_FOR_INTERVAL) {
    const half = studentTQuantile(0.975, n - 1) * Math.sqrt(variance(logs) / n);
    ci95 = [Math.exp(logMean - half), Math.exp(logMean + half)];
    relativeMarginOfError = Math.expm1(half);
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const x of samples) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return {
    n,
    mean: m,
    sd,
    sem,
    geoMean,
    ci95,
    median: med,
    min,
    max,
    mad,
    outliers,
    relativeMarginOfError,
  };
}
