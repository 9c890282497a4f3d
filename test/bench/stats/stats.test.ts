import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareSamples,
  createRng,
  fitLinear,
  fitPowerLaw,
  modifiedZScores,
  studentTCdf,
  studentTQuantile,
  summarize,
  welchTTest,
} from '../../../src/bench/stats/index.js';

function near(actual: number, expected: number, tolerance: number, label = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

// Critical values from standard t tables (cross-checked with scipy.stats.t.ppf).
const T_TABLE: [df: number, p975: number, p995: number][] = [
  [1, 12.706205, 63.656741],
  [2, 4.302653, 9.924843],
  [5, 2.570582, 4.032143],
  [10, 2.228139, 3.169273],
  [30, 2.042272, 2.749996],
  [100, 1.983972, 2.625891],
];

test('studentTQuantile matches t tables to 1e-4', () => {
  for (const [df, q975, q995] of T_TABLE) {
    near(studentTQuantile(0.975, df), q975, 1e-4, `t(0.975, ${df})`);
    near(studentTQuantile(0.995, df), q995, 1e-4, `t(0.995, ${df})`);
    near(studentTQuantile(0.025, df), -q975, 1e-4, `t(0.025, ${df})`);
  }
});

test('studentTQuantile handles fractional and infinite df', () => {
  near(studentTQuantile(0.975, 24.99), 2.0595803, 1e-4, 'df 24.99');
  near(studentTQuantile(0.9, 3.5), 1.5765766, 1e-4, 'df 3.5');
  near(studentTQuantile(0.975, Number.POSITIVE_INFINITY), 1.959964, 1e-4, 'normal');
  assert.equal(studentTQuantile(0.5, 7), 0);
  assert.throws(() => studentTQuantile(1, 5), RangeError);
  assert.throws(() => studentTQuantile(0.9, 0), RangeError);
});

test('studentTCdf agrees with scipy', () => {
  near(studentTCdf(2.0, 7.3), 0.9580294803, 1e-7);
  near(studentTCdf(-2.0, 7.3), 1 - 0.9580294803, 1e-7);
  near(studentTCdf(0, 3), 0.5, 1e-12);
});

test("welchTTest reproduces Wikipedia's worked examples", () => {
  // https://en.wikipedia.org/wiki/Welch%27s_t-test#Examples: t = −2.46, ν = 25.0, p = 0.021.
  const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
  const r1 = welchTTest(a1, a2);
  near(r1.t, -2.455356398, 1e-6, 't');
  near(r1.df, 24.98852929, 1e-6, 'df');
  near(r1.pValue, 0.021378001, 1e-6, 'p');
  // Unequal sizes and variances: t = −1.57, ν = 9.9, p = 0.149.
  const b1 = [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8];
  const b2 = [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8];
  const r2 = welchTTest(b1, b2);
  near(r2.t, -1.565433524, 1e-6, 't');
  near(r2.df, 9.904741249, 1e-6, 'df');
  near(r2.pValue, 0.148841697, 1e-6, 'p');
});

test('welchTTest on constant samples and too few samples', () => {
  assert.deepEqual(welchTTest([5, 5, 5], [5, 5]), { t: 0, df: 3, pValue: 1 });
  const different = welchTTest([5, 5, 5], [6, 6]);
  assert.equal(different.pValue, 0);
  assert.equal(different.t, Number.NEGATIVE_INFINITY);
  assert.throws(() => welchTTest([1], [1, 2]), RangeError);
});

test('summarize computes mean, sd, median, MAD and a t-based CI', () => {
  const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
  assert.equal(s.n, 8);
  assert.equal(s.mean, 5);
  near(s.sd, 2.138089935, 1e-9, 'sd');
  near(s.sem, 2.138089935 / Math.sqrt(8), 1e-9, 'sem');
  assert.equal(s.median, 4.5);
  assert.equal(s.mad, 0.5);
  assert.equal(s.min, 2);
  assert.equal(s.max, 9);
  // The interval is of the geometric mean, on ln x: exp(mean ln x ± t(0.975, 7) · sd(ln x) / √8).
  const logs = [2, 4, 4, 4, 5, 5, 7, 9].map(Math.log);
  const lm = logs.reduce((x, y) => x + y, 0) / 8;
  const lsd = Math.sqrt(logs.reduce((x, y) => x + (y - lm) ** 2, 0) / 7);
  const half = 2.364624252 * (lsd / Math.sqrt(8));
  near(s.geoMean, Math.exp(lm), 1e-9, 'geometric mean');
  near(s.ci95[0], Math.exp(lm - half), 1e-6, 'ci low');
  near(s.ci95[1], Math.exp(lm + half), 1e-6, 'ci high');
  near(s.relativeMarginOfError, Math.expm1(half), 1e-6, 'rme');
});

test('summarize below 3 runs has no interval; empty throws', () => {
  const s = summarize([42]);
  assert.deepEqual([s.mean, s.sd, s.sem, s.median, s.mad], [42, 0, 0, 42, 0]);
  assert.ok(s.ci95.every(Number.isNaN));
  assert.ok(Number.isNaN(s.relativeMarginOfError));
  assert.ok(summarize([40, 44]).ci95.every(Number.isNaN));
  assert.ok(summarize([40, 44, 42]).ci95.every(Number.isFinite));
  assert.deepEqual(s.outliers, []);
  assert.throws(() => summarize([]), RangeError);
});

test('outliers are flagged by modified z-score > 3.5', () => {
  const samples = [100, 101, 99, 100, 102, 98, 100, 101, 250, 99];
  const s = summarize(samples);
  assert.deepEqual(s.outliers, [8]);
  const z = modifiedZScores(samples);
  // median 100, MAD 1 → z = (250 − 100) / 1.4826.
  near(z[8], 150 / 1.4826, 1e-9, 'z of the outlier');
  assert.ok(Math.abs(z[0]) < 3.5);
  // Hyperfine's convention: a zero MAD makes any differing value an outlier.
  assert.deepEqual(summarize([5, 5, 5, 5, 6]).outliers, [4]);
  // Below 5 runs no run is called an outlier, however far off.
  assert.deepEqual(summarize([5, 5, 5, 6]).outliers, []);
  assert.deepEqual(summarize([100, 101, 900]).outliers, []);
});

test('createRng is deterministic, seed-dependent and in [0, 1)', () => {
  const a = createRng(7);
  const b = createRng(7);
  const c = createRng(8);
  const seqA = Array.from({ length: 1000 }, a);
  assert.deepEqual(seqA, Array.from({ length: 1000 }, b));
  assert.notDeepEqual(seqA.slice(0, 10), Array.from({ length: 10 }, c));
  assert.ok(seqA.every((x) => x >= 0 && x < 1));
  const avg = seqA.reduce((s, x) => s + x, 0) / seqA.length;
  near(avg, 0.5, 0.05, 'uniform mean');
});

test('compareSamples gives faster / slower / within noise', () => {
  const rng = createRng(3);
  const jitter = (base: number) => Array.from({ length: 15 }, () => base * (1 + (rng() - 0.5) * 0.1));
  const reference = jitter(200);
  const faster = compareSamples(jitter(100), reference, {});
  assert.equal(faster.verdict, 'faster');
  assert.ok(faster.speedup.ratio > 1.8 && faster.speedup.ratio < 2.2);
  assert.ok(faster.pValue < 1e-6);
  const slower = compareSamples(jitter(300), reference, {});
  assert.equal(slower.verdict, 'slower');
  assert.ok(slower.speedup.high < 1);
  // Same runs, reordered and 0.1% slower: far below the ~3% jitter.
  const same = compareSamples([...reference].reverse().map((x) => x * 1.001), reference, {});
  assert.ok(same.pValue > 0.5);
  assert.ok(same.speedup.low < 1 && same.speedup.high > 1);
  assert.equal(same.verdict, 'within noise');
  // Too few runs: the ratio, but no interval, no p-value, no verdict.
  for (const [a, b] of [[[100], [200]], [[100, 101], [200, 201, 199]], [[100, 101, 99], [200, 198]]]) {
    const few = compareSamples(a, b);
    assert.equal(few.verdict, 'too few runs');
    assert.ok(Number.isNaN(few.pValue) && Number.isNaN(few.speedup.low) && Number.isNaN(few.speedup.high));
    assert.ok(few.speedup.ratio > 1.9);
  }
  assert.throws(() => compareSamples([0, 1, 2], [1, 2, 3]), RangeError);
});

test('fitPowerLaw recovers y = 3 x^1.5', () => {
  const xs = [1, 2, 5, 10, 50, 100, 1000];
  const fit = fitPowerLaw(xs, xs.map((x) => 3 * x ** 1.5));
  near(fit.exponent, 1.5, 1e-9, 'exponent');
  near(fit.coefficient, 3, 1e-9, 'coefficient');
  near(fit.r2, 1, 1e-12, 'r2');
  assert.throws(() => fitPowerLaw([0, 1], [1, 2]), RangeError);
});

test('fitLinear recovers a line and reports r2 < 1 on noisy data', () => {
  const exact = fitLinear([0, 1, 2, 3], [1, 3, 5, 7]);
  near(exact.slope, 2, 1e-12);
  near(exact.intercept, 1, 1e-12);
  near(exact.r2, 1, 1e-12);
  // y = [1, 3, 2, 5]: slope 1.1, intercept 1.1; SSres 2.7, SStot 8.75 (worked by hand, checked with numpy.polyfit).
  const noisy = fitLinear([0, 1, 2, 3], [1, 3, 2, 5]);
  near(noisy.slope, 1.1, 1e-12);
  near(noisy.intercept, 1.1, 1e-12);
  near(noisy.r2, 1 - 2.7 / 8.75, 1e-12);
  assert.throws(() => fitLinear([1, 1], [2, 3]), RangeError);
});
