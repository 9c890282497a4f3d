/**
 * From measured runs to a recommendation, with the evidence behind each
 * choice. Pure. The rule throughout: a setting is recommended over a simpler
 * one only when it was measured significantly faster; "within noise" and
 * "too few runs" keep the simpler one (fewer workers, no cache), since it
 * costs less memory and has fewer ways to go wrong.
 */
import { FILE_BYTES, SCAN_BASE_BYTES, WORKER_BYTES } from '../../config/memory-budget.js';
import { median } from '../stats/index.js';
import { compareTimes, type Evidence } from './evidence.js';
import type { ArmResult, TuneMeasurement } from './measure.js';
import { WARM_CACHE } from './plan.js';

/** One line of evidence: a setting against another. */
export interface Comparison {
  readonly candidate: string;
  readonly reference: string;
  readonly evidence: Evidence;
}

export interface TuneRecommendation {
  readonly workers: { readonly choice: number; readonly comparisons: readonly Comparison[]; readonly reason: string };
  readonly cache: {
    readonly choice: boolean;
    readonly comparison: Comparison | null;
    /** The one scan that filled an empty cache, against the chosen setting's median without a cache. */
    readonly coldMs: number | null;
    readonly uncachedMedianMs: number | null;
    readonly reason: string;
  };
  readonly memory: {
    /** Highest peak RSS over the runs of the chosen settings; null when nothing was measured. */
    readonly peakRssBytes: number | null;
    /** The budget to set: the peak with headroom (at least what the scan's memory plan needs for the chosen workers), rounded up; null when nothing was measured. */
    readonly budgetBytes: number | null;
    readonly runs: number;
  };
}

/** The memory budget leaves this much room above the measured peak (trees grow, runs vary). */
export const MEMORY_HEADROOM = 1.5;
/** …rounded up to a multiple of this, so the written value reads as a plain size. */
const MEMORY_STEP = 64 * 1024 * 1024;

const wall = (arm: ArmResult) => arm.samples.map((s) => s.wallMs);

function compare(candidate: ArmResult, reference: ArmResult): Comparison {
  return { candidate: candidate.name, reference: reference.name, evidence: compareTimes(wall(candidate), wall(reference)) };
}

const isFaster = (c: Comparison) => c.evidence.kind === 'compared' && c.evidence.verdict === 'faster';

/** The worker count: the fastest significantly faster than in-process, then the smallest not significantly slower than it. */
function chooseWorkers(arms: readonly ArmResult[]): TuneRecommendation['workers'] {
  const pools = arms.filter((arm) => arm.workers !== null && arm.samples.length > 0).sort((a, b) => a.workers! - b.workers!);
  const sequential = pools.find((arm) => arm.workers === 0);
  if (!sequential) {
    return { choice: 0, comparisons: [], reason: 'in-process was not measured (every run failed): keeping the simplest setting, --parallel 0' };
  }
  const comparisons = pools.filter((arm) => arm !== sequential).map((arm) => compare(arm, sequential));
  const faster = comparisons.filter(isFaster);
  if (faster.length === 0) {
    const why = comparisons.length === 0 ? 'only in-process was measured' : 'no worker count was significantly faster than in-process';
    return { choice: 0, comparisons, reason: `${why}: keeping the simpler setting, --parallel 0` };
  }
  const ratio = (c: Comparison) => (c.evidence.kind === 'compared' ? c.evidence.ratio : 0);
  const best = faster.reduce((a, b) => (ratio(b) > ratio(a) ? b : a));
  const bestArm = pools.find((arm) => arm.name === best.candidate)!;
  // A smaller pool that the best one does not beat significantly is as good, and cheaper.
  for (const c of faster) {
    const arm = pools.find((a) => a.name === c.candidate)!;
    if (arm.workers! >= bestArm.workers!) continue;
    const versus = compare(bestArm, arm);
    if (!isFaster(versus)) {
      return {
        choice: arm.workers!,
        comparisons: [...comparisons, versus],
        reason: `${arm.name} was significantly faster than in-process, and ${bestArm.name} not significantly faster than it: the smaller pool, --parallel ${arm.workers}`,
      };
    }
  }
  return { choice: bestArm.workers!, comparisons, reason: `${bestArm.name} was the fastest significantly faster than in-process: --parallel ${bestArm.workers}` };
}

function decideCache(arms: readonly ArmResult[], workers: number, measurement: TuneMeasurement): TuneRecommendation['cache'] {
  const chosen = arms.find((arm) => arm.workers === workers && arm.samples.length > 0);
  const warm = arms.find((arm) => arm.name === WARM_CACHE && arm.samples.length > 0);
  const coldMs = measurement.coldRun?.wallMs ?? null;
  const uncachedMedianMs = chosen ? median(wall(chosen)) : null;
  if (!chosen || !warm) {
    return { choice: false, comparison: null, coldMs, uncachedMedianMs, reason: 'the warm cache was not measured (its runs failed): no cache' };
  }
  const comparison = compare(warm, chosen);
  if (isFaster(comparison)) {
    return { choice: true, comparison, coldMs, uncachedMedianMs, reason: 'a warm cache was significantly faster on an unchanged tree: --cache' };
  }
  const why = comparison.evidence.kind === 'too few runs' ? 'too few runs to tell' : 'a warm cache was not significantly faster';
  return { choice: false, comparison, coldMs, uncachedMedianMs, reason: `${why}: keeping the simpler setting, no cache` };
}

function decideMemory(arms: readonly ArmResult[], workers: number, cache: boolean, measurement: TuneMeasurement): TuneRecommendation['memory'] {
  // With the cache on, a run is either a warm one or a first one (the cold run) at the chosen worker count.
  const runs = [
    ...(arms.find((arm) => arm.workers === workers)?.samples ?? []),
    ...(cache ? [...(arms.find((arm) => arm.name === WARM_CACHE)?.samples ?? []), ...(measurement.coldRun ? [measurement.coldRun] : [])] : []),
  ].filter((s) => s.peakRssBytes > 0);
  if (runs.length === 0) return { peakRssBytes: null, budgetBytes: null, runs: 0 };
  const peak = Math.max(...runs.map((s) => s.peakRssBytes));
  // The budget must also let the scan's own memory plan keep the chosen workers (config/memory-budget.ts),
  // or writing it would quietly undo the worker choice.
  const files = Math.max(...runs.map((s) => s.files));
  const planned = SCAN_BASE_BYTES + files * FILE_BYTES + workers * WORKER_BYTES;
  const budget = Math.max(peak * MEMORY_HEADROOM, planned);
  return { peakRssBytes: peak, budgetBytes: Math.ceil(budget / MEMORY_STEP) * MEMORY_STEP, runs: runs.length };
}

/** The recommendation for what was measured. */
export function recommendSettings(measurement: TuneMeasurement): TuneRecommendation {
  const workers = chooseWorkers(measurement.arms);
  const cache = decideCache(measurement.arms, workers.choice, measurement);
  return { workers, cache, memory: decideMemory(measurement.arms, workers.choice, cache.choice, measurement) };
}
