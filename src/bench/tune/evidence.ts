/**
 * The one place `sonde tune` asks the bench statistics whether one setting
 * is faster than another: everything else in tune/ reads an `Evidence`.
 * The method is the bench's own (bench/stats/compare.ts, written up in
 * docs/bench-statistics.md): Welch's t on log-times, whose ratio interval
 * and verdict cannot disagree, and no interval below MIN_RUNS_FOR_VERDICT
 * runs a side.
 */
import { compareSamples, MIN_RUNS_TO_COMPARE } from '../stats/index.js';

/** Fewer runs than this on either side: no interval and no verdict. */
export const MIN_RUNS_FOR_VERDICT = MIN_RUNS_TO_COMPARE;

/** How a candidate's wall times compare with a reference's. */
export type Evidence =
  | { readonly kind: 'too few runs'; readonly runs: number; readonly referenceRuns: number }
  | {
      readonly kind: 'compared';
      /** geomean(reference) ÷ geomean(candidate): > 1 means the candidate is faster. */
      readonly ratio: number;
      /** The 95% interval of that ratio. */
      readonly low: number;
      readonly high: number;
      readonly verdict: 'faster' | 'slower' | 'within noise';
    };

/** Compares two sets of wall times (ms). */
export function compareTimes(candidate: readonly number[], reference: readonly number[]): Evidence {
  const { speedup, verdict } = compareSamples(candidate, reference, { alpha: 0.05 });
  if (verdict === 'too few runs') return { kind: 'too few runs', runs: candidate.length, referenceRuns: reference.length };
  return { kind: 'compared', ratio: speedup.ratio, low: speedup.low, high: speedup.high, verdict };
}
