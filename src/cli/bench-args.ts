/** `sonde bench` argv → options, parsed once at the boundary. */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { BenchOptions } from '../bench/options.js';

/** What the command does besides measuring: exports and baselines. */
export interface BenchCommandOptions {
  readonly bench: BenchOptions;
  readonly exports: { readonly json?: string; readonly markdown?: string; readonly csv?: string; readonly html?: string };
  readonly saveBaseline?: string;
  readonly compare?: string;
  readonly baselineDir?: string;
  /** Percent, e.g. 5. */
  readonly regressionThreshold: number;
  readonly quiet: boolean;
  /** Plain output even in a terminal. */
  readonly noUi: boolean;
  readonly help: boolean;
}

export const BENCH_FLAGS = {
  strategies: { type: 'string', short: 's' },
  reference: { type: 'string' },
  warmup: { type: 'string', short: 'w' },
  'min-runs': { type: 'string', short: 'm' },
  'max-runs': { type: 'string', short: 'M' },
  runs: { type: 'string', short: 'r' },
  'time-budget': { type: 'string' },
  'target-rme': { type: 'string' },
  alpha: { type: 'string' },
  seed: { type: 'string' },
  suite: { type: 'boolean' },
  sizes: { type: 'string' },
  'suite-dir': { type: 'string' },
  'export-json': { type: 'string' },
  'export-markdown': { type: 'string' },
  'export-csv': { type: 'string' },
  'export-html': { type: 'string' },
  'save-baseline': { type: 'string' },
  compare: { type: 'string' },
  'baseline-dir': { type: 'string' },
  'regression-threshold': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-ui': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const BENCH_HELP = `Usage: sonde bench [path] [options]
       sonde bench --suite [--sizes small,medium,large,xl] [options]

Measures scan strategies, each run a scan in a fresh process, interleaved round-robin.

Strategies (-s, --strategies LIST; default sequential,parallel:<cores>,cache:cold,cache:warm):
  sequential, parallel:N, parallel:sweep (1 … 2×cores), cache:cold, cache:warm,
  cache:partial:P (P% of files changed before each run, on a temporary copy)
  --reference NAME           strategy the others are compared with (default: the first)

Runs:
  -w, --warmup N             discarded warm-up runs per strategy (default 1)
  -m, --min-runs N           (default 5)     -M, --max-runs N   (default 50)
  -r, --runs N               exactly N runs (min = max = N)
  --time-budget SECONDS      runs = max(min-runs, budget ÷ first run) (default 5)
  --target-rme PERCENT       stop a strategy once its 95% CI is within ±PERCENT of the mean
  --alpha A                  significance level (default 0.05)   --seed N (default 42)

Suite:
  --suite                    generate synthetic projects and report scaling
  --sizes LIST               small,medium,large (default) and xl
  --suite-dir DIR            keep generated projects here (reused when present)

Output:
  --export-json F | --export-markdown F | --export-csv F | --export-html F
  --save-baseline NAME       save under <path>/.sonde/baselines (or --baseline-dir)
  --compare NAME             compare with a baseline; exit 1 on a significant regression
  --regression-threshold P   percent slower that counts as a regression (default 5)
  -q, --quiet                no progress lines
      --no-ui                plain output even in a terminal
`;

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UserError('INVALID_OPTION', `${flag} expects a number, got '${value}'.`);
  return n;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Parses argv after `bench`. */
export function parseBenchArgs(argv: readonly string[], cwd: string): BenchCommandOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: BENCH_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError('INVALID_OPTION', (error as Error).message, 'Run `sonde bench --help` for the options.');
  }
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) throw new UserError('INVALID_OPTION', `Expected one path, got ${positionals.length}.`);
  if (v.suite && positionals.length === 1) {
    throw new UserError('INVALID_OPTION', '--suite benchmarks generated projects; it takes no path.', 'Drop the path or --suite.');
  }
  const runs = num(v.runs, '--runs');
  const budget = num(v['time-budget'], '--time-budget');
  const rme = num(v['target-rme'], '--target-rme');
  const abs = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(cwd, p));
  return {
    bench: {
      target: path.resolve(cwd, positionals[0] ?? '.'),
      strategies: list(v.strategies),
      reference: v.reference,
      warmupRuns: num(v.warmup, '--warmup'),
      minRuns: runs ?? num(v['min-runs'], '--min-runs'),
      maxRuns: runs ?? num(v['max-runs'], '--max-runs'),
      timeBudgetMs: budget === undefined ? undefined : budget * 1000,
      targetRme: rme === undefined ? null : rme / 100,
      alpha: num(v.alpha, '--alpha'),
      seed: num(v.seed, '--seed'),
      suite: v.suite ?? false,
      sizes: list(v.sizes),
      suiteDir: abs(v['suite-dir']),
    },
    exports: {
      json: abs(v['export-json']),
      markdown: abs(v['export-markdown']),
      csv: abs(v['export-csv']),
      html: abs(v['export-html']),
    },
    saveBaseline: v['save-baseline'],
    compare: v.compare,
    baselineDir: abs(v['baseline-dir']),
    regressionThreshold: num(v['regression-threshold'], '--regression-threshold') ?? 5,
    quiet: v.quiet ?? false,
    noUi: v['no-ui'] ?? false,
    help: v.help ?? false,
  };
}
