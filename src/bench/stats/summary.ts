/**
 * Descriptive statistics of one strategy's samples, as hyperfine prints them:
 * mean ± SD with a Student-t confidence interval, median, MAD, and outliers by
 * the modified z-score.
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
  /** 95% confidence interval of the mean, Student t with n − 1 df; [mean, mean] when n = 1. */
  ci95: [number, number];
  median: number;
  min: number;
  max: number;
  /** Median absolute deviation from the median, unscaled (multiply by 1.4826 to estimate σ). */
  mad: number;
  /** indices of outliers by modified z-score > 3.5 (Iglewicz–Hoaglin, as hyperfine) */
  outliers: number[];
  /** Half-width of the 95% CI divided by the mean (0.02 = ±2%). */
  relativeMarginOfError: number;
}

/** Modified z-score threshold recommended by Iglewicz and Hoaglin, used by hyperfine. */
const OUTLIER_THRESHOLD = 3.5;

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
  const halfWidth = n > 1 ? studentTQuantile(0.975, n - 1) * sem : 0;
  const med = median(samples);
  const mad = median(samples.map((x) => Math.abs(x - med)));
  const outliers: number[] = [];
  modifiedZScores(samples).forEach((z, i) => {
    if (Math.abs(z) > OUTLIER_THRESHOLD) outliers.push(i);
  });
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
    ci95: [m - halfWidth, m + halfWidth],
    median: med,
    min,
    max,
    mad,
    outliers,
    relativeMarginOfError: m !== 0 ? halfWidth / Math.abs(m) : 0,
  };
}
