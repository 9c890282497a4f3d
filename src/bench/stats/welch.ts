/**
 * Welch's t-test (unequal variances, the honest default for timings): the
 * test behind compareSamples, which applies it to log-times.
 */
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

