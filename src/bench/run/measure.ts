/**
 * The measurement loop for one tree: warm-ups, then strategies interleaved
 * round-robin (so drift — thermal, background load — hits every strategy
 * alike), with hyperfine's run count and an optional adaptive stop.
 */
import { UserError } from '../../errors.js';
import { buildStrategyResult } from '../results/analyze.js';
import { runChildScan, type RunMeasurement } from './child-run.js';
import type { BenchListener } from '../events.js';
import { summarize } from '../stats/index.js';
import { needsPrimedCache, needsTreeCopy, scanArgs, startsEmpty, type StrategySpec } from '../strategy.js';
import type { BenchSample, StrategyResult } from '../types.js';
import { PartialChanger, type Workspace } from './workspace.js';

/** The knobs of the loop (a subset of BenchSettings). */
export interface MeasureSettings {
  readonly warmupRuns: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  readonly timeBudgetMs: number;
  readonly targetRme: number | null;
  readonly seed: number;
  /** The sonde entry script; defaults to this checkout's bin/sonde.js. */
  readonly bin?: string;
}

/** A strategy gives up after this many failed runs without a single success. */
const MAX_FAILURES_WITHOUT_SUCCESS = 3;

interface State {
  readonly spec: StrategySpec;
  readonly target: string;
  readonly fixedCache: string | null;
  /** XDG_CACHE_HOME of every run, or null: a fresh one per run (cache:cold). */
  readonly fixedHome: string | null;
  readonly changer: PartialChanger | null;
  readonly samples: BenchSample[];
  readonly failures: { run: number; error: string }[];
  readonly timelines: Map<number, readonly { t: number; rss: number }[]>;
  planned: number;
  done: boolean;
  primed: boolean;
}

/**
 * Runs count for hyperfine: max(minRuns, budget ÷ first run), capped at
 * maxRuns. With a target RME the cap is the only limit; the loop stops early.
 */
export function plannedRuns(firstRunMs: number, s: Pick<MeasureSettings, 'minRuns' | 'maxRuns' | 'timeBudgetMs' | 'targetRme'>): number {
  if (s.targetRme !== null) return Math.max(s.minRuns, s.maxRuns);
  const byBudget = firstRunMs > 0 ? Math.floor(s.timeBudgetMs / firstRunMs) : s.maxRuns;
  return Math.min(s.maxRuns, Math.max(s.minRuns, byBudget));
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error as { name?: string })?.name === 'AbortError';
}

/** Measures every strategy on `root`; returns results in the order of `specs`. */
export async function measureStrategies(
  root: string,
  specs: readonly StrategySpec[],
  settings: MeasureSettings,
  workspace: Workspace,
  listener: BenchListener,
  signal?: AbortSignal,
): Promise<StrategyResult[]> {
  const states: State[] = specs.map((spec, i) => {
    const target = needsTreeCopy(spec) ? workspace.copyTree(root, spec.name) : root;
    return {
      spec,
      target,
      fixedCache: needsPrimedCache(spec) ? workspace.cachePath(spec.name) : null,
      fixedHome: startsEmpty(spec) ? null : workspace.stateDir(spec.name),
      changer: spec.kind === 'partial' ? new PartialChanger(target, spec.percent, settings.seed + i) : null,
      samples: [],
      failures: [],
      timelines: new Map(),
      planned: settings.minRuns,
      done: false,
      primed: false,
    };
  });

  const once = async (state: State, run: number, warmup: boolean): Promise<RunMeasurement | null> => {
    if (signal?.aborted) throw new UserError('ABORTED', 'Benchmark interrupted.');
    const { spec } = state;
    // The first run of a primed strategy fills its cache from the unchanged tree.
    if (state.changer && state.primed) state.changer.next();
    // cache:cold: a new cache file AND a new private cache folder (so no parser code cache) every run.
    const cold = startsEmpty(spec);
    const cache = cold ? workspace.cachePath(spec.name) : state.fixedCache;
    const stateHome = state.fixedHome ?? workspace.stateDir(`${spec.name}-${warmup ? 'w' : ''}${run}`);
    listener({ type: 'run:start', strategy: spec.name, run, warmup });
    try {
      const m = await runChildScan({ bin: settings.bin, target: state.target, args: scanArgs(spec, cache), stateHome, signal });
      state.primed = true;
      listener({ type: 'run:done', strategy: spec.name, run, warmup, wallMs: m.wallMs, peakRssBytes: m.peakRssBytes });
      return m;
    } catch (error) {
      if (isAbort(error, signal)) throw new UserError('ABORTED', 'Benchmark interrupted.');
      const message = (error as Error).message;
      listener({ type: 'run:done', strategy: spec.name, run, warmup, wallMs: 0, peakRssBytes: 0, error: message });
      if (!warmup) state.failures.push({ run, error: message });
      return null;
    } finally {
      // A cold run's state is never used again; its code cache alone is several MB, so 50 runs would pile up.
      if (cold) workspace.discard(stateHome, cache);
    }
  };

  // Warm-ups: at least one for strategies whose cache must be primed.
  const maxWarmups = Math.max(settings.warmupRuns, states.some((s) => needsPrimedCache(s.spec)) ? 1 : 0);
  for (let w = 1; w <= maxWarmups; w++) {
    for (const state of states) {
      const wanted = needsPrimedCache(state.spec) ? Math.max(1, settings.warmupRuns) : settings.warmupRuns;
      if (w <= wanted) await once(state, w, true);
    }
  }

  for (let run = 1; states.some((s) => !s.done); run++) {
    for (const state of states) {
      if (state.done) continue;
      const m = await once(state, run, false);
      if (m) {
        const { timeline, ...rest } = m;
        state.samples.push({ run, ...rest });
        state.timelines.set(run, timeline);
        if (state.samples.length === 1) state.planned = plannedRuns(m.wallMs, settings);
      }
      const attempts = state.samples.length + state.failures.length;
      if (state.samples.length === 0 && state.failures.length >= MAX_FAILURES_WITHOUT_SUCCESS) state.done = true;
      else if (attempts >= state.planned) state.done = true;
      else if (settings.targetRme !== null && state.samples.length >= Math.max(2, settings.minRuns)) {
        const rme = summarize(state.samples.map((s) => s.wallMs)).relativeMarginOfError;
        if (rme <= settings.targetRme) state.done = true;
      }
    }
  }

  return states.map((s) => buildStrategyResult(s.spec.name, s.samples, s.failures, s.timelines));
}
