/**
 * Benchmark statistics: pure functions, no dependencies. The bench runner and
 * its exports import only from this module; the pieces live in stats-*.ts.
 */
export { createRng } from '../../util/rng.js';
export { studentTQuantile, studentTCdf } from './distributions.js';
export { summarize, modifiedZScores, median, mean } from './summary.js';
export { welchTTest, bootstrapRatioCI, compareSamples } from './compare.js';
export { fitLinear, fitPowerLaw } from './fit.js';
