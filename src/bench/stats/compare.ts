/**
 * Comparing two sets of timings: ONE method gives the ratio, its interval,
 * the p-value and the verdict, so they can never disagree
 * (docs/bench-statistics.md).
 *
 * Method: Welch's t-test on the logarithms of the times. Times are positive
 * and right-skewed; on the log scale they are close to normal, a difference
 * of log-means is the log of a ratio of geometric means, and the interval
 * exp(Δ ± t·se) is a ratio interval that can never go negative. The verdict
 * is read off that interval (excludes 1 ⇔ p < α, the t-test's duality), so
 * "within noise" is printed only when the interval contains 1.
 */
import { studentTQuantile } from './distributions.js';
import { mean, variance } from './summary.js';
import { welchTTest } from './welch.js';

/** Fewer runs than this on either side: no interval, no p-value, verdict "too few runs". */
export const MIN_RUNS_TO_COMPARE = 3;

/** How a candidate compares with a reference. */
export type Verdict = 'faster' | 'slower' | 'within noise' | 'too few runs';

/** The result of compareSamples; interval and p-value are NaN exactly when the verdict is "too few runs". */
export interface SampleComparison {
  /** geomean(reference) ÷ geomean(candidate): > 1 means the candidate is faster. */
  readonly speedup: { readonly ratio: number; readonly low: number; readonly high: number };
  /** Welch's two-sided p-value on log-times. */
  readonly pValue: number;
  readonly verdict: Verdict;
  /** The interval's level, 1 − α (0.95 by default). */
  readonly confidence: number;
  /** Welch–Satterthwaite degrees of freedom (NaN with too few runs). */
  readonly df: number;
}

function logs(samples: readonly number[]): number[] {
  for (const x of samples) {
    if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`timings must be positive and finite (got ${x})`);
  }
  return samples.map(Math.log);
}

/**
 * Compare candidate timings with reference timings (any positive unit).
 * speedup = geomean(reference) ÷ geomean(candidate), with the (1 − α)
 * Welch interval of that ratio; verdict "faster" when the whole interval
 * is above 1, "slower" when below, "within noise" when it contains 1, and
 * "too few runs" (ratio only) with fewer than MIN_RUNS_TO_COMPARE runs a side.
 */
export function compareSamples(
  candidate: readonly number[],
  reference: readonly number[],
  options: { alpha?: number } = {},
): SampleComparison {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1) (got ${alpha})`);
  if (candidate.length === 0 || reference.length === 0) throw new RangeError('compareSamples needs non-empty samples');
  const lc = logs(candidate);
  const lr = logs(reference);
  const delta = mean(lr) - mean(lc);
  const ratio = Math.exp(delta);
  const confidence = 1 - alpha;
  if (candidate.length < MIN_RUNS_TO_COMPARE || reference.length < MIN_RUNS_TO_COMPARE) {
    return { speedup: { ratio, low: Number.NaN, high: Number.NaN }, pValue: Number.NaN, verdict: 'too few runs', confidence, df: Number.NaN };
  }
  const { pValue, df } = welchTTest(lr, lc);
  const se = Math.sqrt(variance(lr) / lr.length + variance(lc) / lc.length);
  // se = 0: both sides constant; the interval is the point itself.
  const half = se === 0 ? 0 : studentTQuantile(1 - alpha / 2, df) * se;
  const low = Math.exp(delta - half);
  const high = Math.exp(delta + half);
  // Read off the interval (equivalent to p < α); a constant pair with equal values is within noise.
  const verdict: Verdict = low > 1 ? 'faster' : high < 1 ? 'slower' : 'within noise';
  return { speedup: { ratio, low, high }, pValue, verdict, confidence, df };
}

/** True when a comparison has an interval and a p-value (enough runs on both sides). */
export function hasInterval(c: { readonly verdict: string }): boolean {
  return c.verdict !== 'too few runs';
}
