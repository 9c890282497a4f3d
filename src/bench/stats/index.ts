/**
 * Benchmark statistics: pure functions, no dependencies. The bench runner and
 * its exports import only from this module; the pieces live in stats-*.ts.
 */
export { createRng } from '../../util/rng.js';
export { studentTQuantile, studentTCdf, studentTTwoSidedP, incompleteBeta } from './distributions.js';
export { summarize, modifiedZScores, median, mean, variance, OUTLIER_THRESHOLD } from './summary.js';
export type { Summary } from './summary.js';
export { welchTTest, bootstrapRatioCI, compareSamples } from './compare.js';
export type { Verdict } from './compare.js';
export { fitLinear, fitPowerLaw } from './fit.js';
