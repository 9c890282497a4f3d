/**
 * The one place `sonde tune` asks the bench statistics whether one setting
 * is faster than another: everything else in tune/ reads an `Evidence`.
 * (Kept in one file so a change of the statistical method in bench/stats is
 * one edit here.)
 */
import { compareSamples } from '../stats/index.js';

/** Fewer runs than this on either side: no interval and no verdict. */
export const MIN_RUNS_FOR_VERDICT = 3;

/** How a candidate's wall times compare with a reference's. */
export type Evidence =
  | { readonly kind: 'too few runs'; readonly runs: number; readonly referenceRuns: number }
  | {
      readonly kind: 'compared';
      /** mean(reference) ÷ mean(candidate): > 1 means the candidate is faster. */
      readonly ratio: number;
      /** The 95% interval of that ratio. */
      readonly low: number;
      readonly high: number;
      readonly verdict: 'faster' | 'slower' | 'within noise';
    };

/** Compares two sets of wall times (ms); the seed makes the interval reproducible. */
export function compareTimes(candidate: readonly number[], reference: readonly number[], seed = 42): Evidence {
  if (candidate.length < MIN_RUNS_FOR_VERDICT || reference.length < MIN_RUNS_FOR_VERDICT) {
    return { kind: 'too few runs', runs: candidate.length, referenceRuns: reference.length };
  }
  const { speedup, verdict } = compareSamples(candidate, reference, { alpha: 0.05, seed });
  // The verdict may never contradict the interval it is printed with.
  const consistent = verdict === 'faster' ? speedup.low > 1 : verdict === 'slower' ? speedup.high < 1 : true;
  return { kind: 'compared', ratio: speedup.ratio, low: speedup.low, high: speedup.high, verdict: consistent ? verdict : 'within noise' };
}
