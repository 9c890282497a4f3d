/**
 * Options of `runBench`, normalized once: defaults filled in, strategies
 * parsed, numbers checked. The CLI and benchmarks/run.ts both build these.
 */
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { defaultStrategies, parseStrategies, type StrategySpec } from './strategy.js';

const SUITE_SIZES = ['small', 'medium', 'large', 'xl'] as const;
export type SuiteSize = (typeof SUITE_SIZES)[number];
const DEFAULT_SUITE_SIZES: readonly SuiteSize[] = ['small', 'medium', 'large'];

/** What a caller may set; everything is optional except the target (ignored for a suite). */
export interface BenchOptions {
  readonly target?: string;
  /** Strategy names, e.g. ['sequential', 'parallel:2', 'cache:warm']. */
  readonly strategies?: readonly string[];
  readonly reference?: string;
  readonly warmupRuns?: number;
  readonly minRuns?: number;
  readonly maxRuns?: number;
  readonly timeBudgetMs?: number;
  /** Fraction, e.g. 0.02 for ±2%. */
  readonly targetRme?: number | null;
  readonly alpha?: number;
  readonly seed?: number;
  readonly suite?: boolean;
  readonly sizes?: readonly string[];
  /** The sonde entry script the children run (tests may point elsewhere). */
  readonly bin?: string;
  readonly cores?: number;
  /** Where suite projects are generated; a temp dir (removed afterwards) when unset. */
  readonly suiteDir?: string;
}

/** Normalized options. */
export interface ResolvedBenchOptions {
  readonly target: string;
  readonly specs: readonly StrategySpec[];
  readonly reference: string;
  readonly warmupRuns: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  readonly timeBudgetMs: number;
  readonly targetRme: number | null;
  readonly alpha: number;
  readonly seed: number;
  readonly suite: boolean;
  readonly sizes: readonly SuiteSize[];
  readonly bin?: string;
  readonly suiteDir?: string;
}

const BENCH_DEFAULTS = {
  warmupRuns: 1,
  minRuns: 5,
  maxRuns: 50,
  timeBudgetMs: 5000,
  alpha: 0.05,
  seed: 42,
} as const;

function intAtLeast(value: number | undefined, fallback: number, min: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw new UserError('BENCH_BAD_OPTION', `${name} must be an integer ≥ ${min}, got ${v}.`);
  return v;
}

/** Fills defaults and validates; throws UserError on a bad value. */
export function resolveBenchOptions(o: BenchOptions, cwd = process.cwd()): ResolvedBenchOptions {
  const cores = o.cores ?? os.availableParallelism();
  const specs = parseStrategies(o.strategies?.length ? o.strategies : defaultStrategies(cores), cores);
  const reference = o.reference ?? specs[0].name;
  if (!specs.some((s) => s.name === reference)) {
    throw new UserError(
      'BENCH_BAD_OPTION',
      `The reference strategy '${reference}' is not among the strategies.`,
      `Add it to --strategies or pick one of: ${specs.map((s) => s.name).join(', ')}.`,
    );
  }
  const minRuns = intAtLeast(o.minRuns, BENCH_DEFAULTS.minRuns, 1, '--min-runs');
  const maxRuns = intAtLeast(o.maxRuns, Math.max(BENCH_DEFAULTS.maxRuns, minRuns), 1, '--max-runs');
  if (maxRuns < minRuns) throw new UserError('BENCH_BAD_OPTION', `--max-runs (${maxRuns}) is below --min-runs (${minRuns}).`);
  const alpha = o.alpha ?? BENCH_DEFAULTS.alpha;
  if (!(alpha > 0 && alpha < 1)) throw new UserError('BENCH_BAD_OPTION', `--alpha must be in (0, 1), got ${alpha}.`);
  const targetRme = o.targetRme ?? null;
  if (targetRme !== null && !(targetRme > 0 && targetRme < 1)) {
    throw new UserError('BENCH_BAD_OPTION', `--target-rme must be a percentage between 0 and 100.`);
  }
  const timeBudgetMs = o.timeBudgetMs ?? BENCH_DEFAULTS.timeBudgetMs;
  if (!(timeBudgetMs >= 0)) throw new UserError('BENCH_BAD_OPTION', `--time-budget must be ≥ 0.`);
  const sizes = (o.sizes?.length ? o.sizes : DEFAULT_SUITE_SIZES).map((s) => {
    if (!(SUITE_SIZES as readonly string[]).includes(s)) {
      throw new UserError('BENCH_BAD_OPTION', `Unknown suite size '${s}'.`, `Use ${SUITE_SIZES.join(', ')}.`);
    }
    return s as SuiteSize;
  });
  return {
    target: path.resolve(cwd, o.target ?? '.'),
    specs,
    reference,
    warmupRuns: intAtLeast(o.warmupRuns, BENCH_DEFAULTS.warmupRuns, 0, '--warmup'),
    minRuns,
    maxRuns,
    timeBudgetMs,
    targetRme,
    alpha,
    seed: intAtLeast(o.seed, BENCH_DEFAULTS.seed, 0, '--seed'),
    suite: o.suite ?? false,
    sizes,
    bin: o.bin,
    suiteDir: o.suiteDir,
  };
}
