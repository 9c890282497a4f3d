/**
 * The measurement of `sonde tune`: the same child scans as `sonde bench`
 * (bench/run/child-run.ts, flags from bench/strategy.ts), but against one
 * time budget for the whole run instead of a run count per strategy:
 *
 * 1. one scan with an empty cache fills the cache the warm setting reads
 *    (and is the one observation of a first, cold scan with `--cache`);
 * 2. rounds: every setting still in the race runs once, in an order that
 *    rotates from round to round (drift and order effects hit all alike);
 * 3. a worker count significantly slower than the best so far leaves the
 *    race after MIN_RUNS_FOR_VERDICT rounds, so the budget goes to the
 *    close contenders;
 * 4. no new round starts when it would likely end past the budget. Every
 *    setting gets at least one run, so a tree too large for the budget still
 *    gets an answer, marked "too few runs".
 */
import { UserError } from '../../errors.js';
import { runChildScan, type RunMeasurement } from '../run/child-run.js';
import { createWorkspace } from '../run/workspace.js';
import { median } from '../stats/index.js';
import { scanArgs, type StrategySpec } from '../strategy.js';
import { compareTimes, MIN_RUNS_FOR_VERDICT } from './evidence.js';
import { armName, WARM_CACHE } from './plan.js';

/** One measured run, as tune keeps it. */
export type TuneSample = Omit<RunMeasurement, 'timeline'>;

/** Everything measured for one setting. */
export interface ArmResult {
  readonly name: string;
  /** Worker count, or null for the warm cache (in-process, as bench's cache strategies). */
  readonly workers: number | null;
  readonly samples: readonly TuneSample[];
  readonly failures: readonly string[];
  /** Why the setting left the race early, if it did. */
  readonly dropped?: string;
}

export interface TuneMeasurement {
  readonly arms: readonly ArmResult[];
  /** The scan that filled the cache (a first scan with `--cache`), or null when it failed. */
  readonly coldRun: TuneSample | null;
  readonly rounds: number;
  readonly elapsedMs: number;
}

/** What the loop reports as it goes. */
export type TuneEvent =
  | { readonly type: 'run'; readonly arm: string; readonly round: number; readonly wallMs: number; readonly peakRssBytes: number; readonly error?: string }
  | { readonly type: 'drop'; readonly arm: string; readonly reason: string };

export interface TuneMeasureOptions {
  readonly target: string;
  readonly workers: readonly number[];
  readonly budgetMs: number;
  /** The sonde entry script (tests may point elsewhere). */
  readonly bin?: string;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: TuneEvent) => void;
  /** Clock in ms (tests). */
  readonly now?: () => number;
  /** Runs one child scan (tests replace it, with `now`, to drive the loop without timing). */
  readonly runScan?: typeof runChildScan;
}

/** Enough rounds for a tiny tree; beyond this the intervals barely narrow. */
const MAX_ROUNDS = 30;
/** A setting whose runs keep failing leaves the race. */
const MAX_FAILURES = 2;

interface Arm {
  readonly name: string;
  readonly workers: number | null;
  readonly spec: StrategySpec;
  readonly samples: TuneSample[];
  readonly failures: string[];
  dropped?: string;
}

function specFor(workers: number): StrategySpec {
  return workers === 0 ? { kind: 'sequential', name: 'sequential' } : { kind: 'parallel', name: armName(workers), workers };
}

const wall = (arm: Arm) => arm.samples.map((s) => s.wallMs);

/** Runs the tune's scans on `target` within (about) the budget. */
export async function measureTune(options: TuneMeasureOptions): Promise<TuneMeasurement> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const emit = options.onEvent ?? (() => {});
  const runScan = options.runScan ?? runChildScan;
  const workspace = createWorkspace('sonde-tune-');
  try {
    const cacheFile = workspace.cachePath('tune');
    // Each setting keeps a private cache folder of its own (the child's XDG_CACHE_HOME), as in sonde bench: the
    // cache-filling scan starts with no sonde state at all, the warm runs then find its parser code cache, and
    // no run sees the user's folder (nor a tuned record there).
    const homes = new Map<string, string>();
    const homeOf = (arm: Arm) => homes.get(arm.name) ?? homes.set(arm.name, workspace.stateDir(arm.name)).get(arm.name)!;
    const warmSpec: StrategySpec = { kind: 'cache', name: WARM_CACHE, mode: 'warm' };
    const arms: Arm[] = [
      ...options.workers.map((workers) => ({ name: armName(workers), workers, spec: specFor(workers), samples: [], failures: [] })),
      { name: WARM_CACHE, workers: null, spec: warmSpec, samples: [], failures: [] },
    ];
    const scan = async (arm: Arm, round: number): Promise<TuneSample | undefined> => {
      if (options.signal?.aborted) throw new UserError('ABORTED', 'Tuning interrupted.');
      try {
        const { timeline: _timeline, ...sample } = await runScan({
          ...(options.bin ? { bin: options.bin } : {}),
          target: options.target,
          args: scanArgs(arm.spec, arm.spec.kind === 'cache' ? cacheFile : null),
          stateHome: homeOf(arm),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        emit({ type: 'run', arm: arm.name, round, wallMs: sample.wallMs, peakRssBytes: sample.peakRssBytes });
        return sample;
      } catch (error) {
        if (options.signal?.aborted) throw new UserError('ABORTED', 'Tuning interrupted.');
        const message = (error as Error).message;
        emit({ type: 'run', arm: arm.name, round, wallMs: 0, peakRssBytes: 0, error: message });
        arm.failures.push(message);
        if (arm.failures.length >= MAX_FAILURES && arm.samples.length === 0) drop(arm, `every run failed: ${message}`);
        return undefined;
      }
    };
    const drop = (arm: Arm, reason: string) => {
      arm.dropped = reason;
      emit({ type: 'drop', arm: arm.name, reason });
    };

    // Round 0: fill the cache; its time is the first scan with --cache.
    const coldRun = (await scan(arms[arms.length - 1]!, 0)) ?? null;
    let rounds = 0;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const racing = arms.filter((arm) => !arm.dropped);
      if (racing.length === 0) break;
      if (round > 1) {
        const nextRoundMs = racing.reduce((sum, arm) => sum + (arm.samples.length ? median(wall(arm)) : 0), 0);
        if (now() - started + nextRoundMs > options.budgetMs) break;
      }
      // Rotate the order, so no setting always runs right after the same other one.
      const order = racing.map((_, i) => racing[(i + round - 1) % racing.length]!);
      for (const arm of order) {
        const sample = await scan(arm, round);
        if (sample) arm.samples.push(sample);
      }
      rounds = round;
      // A round in which nothing ran (an empty tree, a broken sonde) would fail the same way again.
      if (arms.every((arm) => arm.samples.length === 0)) break;
      dropLosers(arms, drop);
    }
    return {
      arms: arms.map(({ name, workers, samples, failures, dropped }) => ({ name, workers, samples, failures, ...(dropped ? { dropped } : {}) })),
      coldRun,
      rounds,
      elapsedMs: now() - started,
    };
  } finally {
    workspace.dispose();
  }
}

/** A worker count significantly slower than the fastest worker count so far leaves the race. */
function dropLosers(arms: readonly Arm[], drop: (arm: Arm, reason: string) => void): void {
  const contenders = arms.filter((arm) => arm.workers !== null && !arm.dropped && arm.samples.length >= MIN_RUNS_FOR_VERDICT);
  if (contenders.length < 2) return;
  const best = contenders.reduce((a, b) => (median(wall(b)) < median(wall(a)) ? b : a));
  for (const arm of contenders) {
    if (arm === best) continue;
    const evidence = compareTimes(wall(arm), wall(best));
    if (evidence.kind === 'compared' && evidence.verdict === 'slower') {
      drop(arm, `significantly slower than ${best.name} after ${arm.samples.length} runs`);
    }
  }
}
