/**
 * How every output (text, Markdown, HTML, the Ink view) words one
 * comparison, so the ratio, its interval and the verdict read the same
 * everywhere. A slower strategy is shown as "N× slower" with the interval
 * inverted, never as a speedup below 1.
 */
import { hasInterval, MIN_RUNS_TO_COMPARE } from '../stats/index.js';
import type { StrategyComparison } from '../types.js';
import { formatP, formatRatio } from '../../text/index.js';

/** The parts of a comparison as words; `interval` and `p` are null with too few runs. */
export interface ComparisonText {
  /** e.g. `1.20× faster`, `1.25× slower`. */
  readonly ratio: string;
  /** e.g. `95% CI 1.10–1.30`, in the same direction as `ratio`. */
  readonly interval: string | null;
  /** e.g. `p = 0.002`, `p < 0.001`. */
  readonly p: string | null;
  /** The verdict, with the minimum named when there were too few runs. */
  readonly verdict: string;
}

export function comparisonText(c: Pick<StrategyComparison, 'speedup' | 'pValue' | 'verdict'>, confidence = 0.95): ComparisonText {
  const faster = c.speedup.ratio >= 1;
  const ratio = `${formatRatio(faster ? c.speedup.ratio : 1 / c.speedup.ratio)}× ${faster ? 'faster' : 'slower'}`;
  if (!hasInterval(c)) return { ratio, interval: null, p: null, verdict: `too few runs (need ${MIN_RUNS_TO_COMPARE} each)` };
  const [lo, hi] = faster ? [c.speedup.low, c.speedup.high] : [1 / c.speedup.high, 1 / c.speedup.low];
  const p = formatP(c.pValue);
  return {
    ratio,
    interval: `${Math.round(confidence * 100)}% CI ${formatRatio(lo)}–${formatRatio(hi)}`,
    p: p.startsWith('<') ? `p ${p}` : `p = ${p}`,
    verdict: c.verdict,
  };
}

/** One line: `1.20× faster (95% CI 1.10–1.30, p = 0.002) → faster`. */
export function comparisonSummary(c: Pick<StrategyComparison, 'speedup' | 'pValue' | 'verdict'>, confidence = 0.95): string {
  const t = comparisonText(c, confidence);
  return t.interval ? `${t.ratio} (${t.interval}, ${t.p}) → ${t.verdict}` : `${t.ratio} (no interval) → ${t.verdict}`;
}
