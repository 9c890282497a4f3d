/**
 * Benchmark statistics: pure functions, no dependencies. The bench runner and
 * its exports import only from this module; the pieces live in stats-*.ts.
 */
export { createRng } from '../util/rng.js';
export { studentTQuantile, studentTCdf, studentTTwoSidedP, incompleteBeta } from './stats-distributions.js';
export { summarize, modifiedZScores, median, mean, variance, OUTLIER_THRESHOLD } from './stats-summary.js';
export type { Summary } from './stats-summary.js';
export { welchTTest, bootstrapRatioCI, compareSamples } from './stats-compare.js';
export type { Verdict } from './stats-compare.js';
export { fitLinear, fitPowerLaw } from './stats-fit.js';
