/**
 * Recommendations derived only from the measured comparisons: never from a
 * table of assumed factors. A strategy is advised only when its verdict is
 * significant (its Welch interval on log-times excludes 1).
 */
import type { StrategyComparison, StrategyResult } from '../types.js';
import { formatRatio as x } from '../../text/index.js';

const ci = (c: StrategyComparison): string => `${x(c.speedup.ratio)}× (95% CI ${x(c.speedup.low)}–${x(c.speedup.high)})`;
const slowCi = (c: StrategyComparison): string =>
  `${x(1 / c.speedup.ratio)}× (95% CI ${x(1 / c.speedup.high)}–${x(1 / c.speedup.low)})`;

function kindOf(strategy: string): 'parallel' | 'cold' | 'warm' | 'partial' | 'other' {
  if (strategy.startsWith('parallel:')) return 'parallel';
  if (strategy === 'cache:cold') return 'cold';
  if (strategy === 'cache:warm') return 'warm';
  if (strategy.startsWith('cache:partial')) return 'partial';
  return 'other';
}

/** Plain-language advice from the comparisons against the reference. */
export function recommend(
  comparisons: readonly StrategyComparison[],
  results: readonly StrategyResult[],
  reference: string,
): string[] {
  const out: string[] = [];
  const faster = comparisons.filter((c) => c.verdict === 'faster');
  const parallel = comparisons.filter((c) => kindOf(c.strategy) === 'parallel');
  const bestParallel = parallel
    .filter((c) => c.verdict === 'faster')
    .sort((a, b) => b.speedup.ratio - a.speedup.ratio)[0];
  if (bestParallel) {
    const n = bestParallel.strategy.split(':')[1];
    out.push(`${bestParallel.strategy} is ${ci(bestParallel)} faster than ${reference}: use --parallel ${n}.`);
  } else if (parallel.length > 0 && reference === 'sequential') {
    const slower = parallel.filter((c) => c.verdict === 'slower').map((c) => c.strategy);
    out.push(
      slower.length === parallel.length
        ? `every parallel strategy was slower than ${reference} on this tree (worker start-up costs more than it saves): keep --parallel 0.`
        : `no worker count beat ${reference} significantly on this tree: keep --parallel 0.`,
    );
  }
  const warm = comparisons.find((c) => kindOf(c.strategy) === 'warm');
  const cold = comparisons.find((c) => kindOf(c.strategy) === 'cold');
  if (warm?.verdict === 'faster') {
    out.push(`cache:warm is ${ci(warm)} faster than ${reference} on an unchanged tree: enable --cache.`);
  }
  for (const p of comparisons.filter((c) => kindOf(c.strategy) === 'partial')) {
    const pct = p.strategy.split(':')[2];
    if (p.verdict === 'faster') out.push(`with ${pct}% of files changed, the cache is still ${ci(p)} faster (${p.strategy}).`);
    else if (p.verdict === 'slower') out.push(`with ${pct}% of files changed, the cache is ${slowCi(p)} slower than ${reference}.`);
  }
  if (cold?.verdict === 'slower') {
    const mean = (name: string): number => results.find((r) => r.strategy === name)?.summary.mean ?? Number.NaN;
    const extra = mean(cold.strategy) - mean(reference);
    const saved = warm?.verdict === 'faster' ? mean(reference) - mean(warm.strategy) : Number.NaN;
    const breakEven = Number.isFinite(saved) && saved > 0 ? Math.ceil(extra / saved) : null;
    out.push(
      `a cold cache costs ${x(1 / cold.speedup.ratio)}× the time of ${reference} (the first scan writes it)` +
        (breakEven !== null ? `; it pays for itself after ${breakEven} warm scan${breakEven > 1 ? 's' : ''}.` : '.'),
    );
  }
  const tooFew = comparisons.filter((c) => c.verdict === 'too few runs').map((c) => c.strategy);
  if (tooFew.length > 0) out.push(`too few runs to compare ${tooFew.join(', ')} with ${reference}: measure at least 3 runs each (--min-runs).`);
  if (faster.length === 0) out.push(`no strategy beat ${reference} significantly.`);
  return out;
}
