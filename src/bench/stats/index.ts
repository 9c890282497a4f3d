/**
 * Benchmark statistics: pure functions, no dependencies. The bench runner and
 * its exports import only from this module; the pieces live beside it.
 */
export { createRng } from '../../util/rng.js';
export { studentTQuantile, studentTCdf } from './distributions.js';
export { summarize, modifiedZScores, median, mean, MIN_RUNS_FOR_INTERVAL, MIN_RUNS_FOR_OUTLIERS } from './summary.js';
export { welchTTest } from './welch.js';
export { compareSamples, hasInterval, MIN_RUNS_TO_COMPARE, type SampleComparison, type Verdict } from './compare.js';
export { fitLinear, fitPowerLaw } from './fit.js';
