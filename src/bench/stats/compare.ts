/**
 * Comparing two strategies: Welch's t-test (unequal variances, the honest
 * default for timings) and a percentile-bootstrap CI of the ratio of means.
 */
import { createRng } from '../../util/rng.js';
import { studentTTwoSidedP } from './distributions.js';
import { mean, variance } from './summary.js';

/** Two-sided Welch's t-test of mean(a) vs mean(b); both samples need n ≥ 2. */
export function welchTTest(a: readonly number[], b: readonly number[]): { t: number; df: number; pValue: number } {
  if (a.length < 2 || b.length < 2) throw new RangeError('welchTTest needs at least two samples on each side');
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const diff = mean(a) - mean(b);
  const se2 = va + vb;
  if (se2 === 0) {
    // Both samples constant: either identical (no evidence) or certainly different.
    const df = a.length + b.length - 2;
    if (diff === 0) return { t: 0, df, pValue: 1 };
    return { t: diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, df, pValue: 0 };
  }
  const t = diff / Math.sqrt(se2);
  // Welch–Satterthwaite; a constant side contributes 0 to the denominator.
  const df = (se2 * se2) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  return { t, df, pValue: studentTTwoSidedP(t, df) };
}

/** Linear-interpolation quantile (type 7, as R and NumPy default) of a sorted array. */
function sortedQuantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function resampledMean(samples: readonly number[], rng: () => number): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[Math.floor(rng() * samples.length)];
  return sum / samples.length;
}

/**
 * Ratio of means mean(numerator) / mean(denominator) with a percentile
 * bootstrap CI; each side is resampled independently (the runs are not
 * paired). Seeded, so the same input always gives the same interval.
 */
export function bootstrapRatioCI(
  numerator: readonly number[],
  denominator: readonly number[],
  options: { resamples?: number; seed?: number; confidence?: number } = {},
): { ratio: number; low: number; high: number } {
  if (numerator.length === 0 || denominator.length === 0) throw new RangeError('bootstrapRatioCI needs non-empty samples');
  const resamples = options.resamples ?? 10_000;
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1) (got ${confidence})`);
  const rng = createRng(options.seed ?? 0x5eed);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) ratios[r] = resampledMean(numerator, rng) / resampledMean(denominator, rng);
  ratios.sort();
  const sorted = Array.from(ratios);
  const alpha = 1 - confidence;
  return {
    ratio: mean(numerator) / mean(denominator),
    low: sortedQuantile(sorted, alpha / 2),
    high: sortedQuantile(sorted, 1 - alpha / 2),
  };
}

/** How a candidate compares with a reference. */
type Verdict = 'faster' | 'slower' | 'within noise';

/**
 * Compare candidate timings with reference timings. speedup = mean(reference)
 * / mean(candidate), so > 1 means the candidate is faster. The verdict is
 * 'within noise' unless Welch's p < alpha AND the bootstrap CI excludes 1:
 * both the test and the interval must agree before we claim a difference.
 * With fewer than two samples on a side there is no test: pValue is NaN.
 */
export function compareSamples(
  candidate: readonly number[],
  reference: readonly number[],
  options: { alpha?: number; seed?: number } = {},
): { speedup: { ratio: number; low: number; high: number }; pValue: number; verdict: Verdict } {
  const alpha = options.alpha ?? 0.05;
  const speedup = bootstrapRatioCI(reference, candidate, { seed: options.seed, confidence: 1 - alpha });
  const pValue = candidate.length >= 2 && reference.length >= 2 ? welchTTest(candidate, reference).pValue : Number.NaN;
  let verdict: Verdict = 'within noise';
  if (pValue < alpha) {
    if (speedup.low > 1) verdict = 'faster';
    else if (speedup.high < 1) verdict = 'slower';
  }
  return { speedup, pValue, verdict };
}
