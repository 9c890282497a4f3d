/** `sonde bench` argv → options, parsed once at the boundary. */
import path from 'node:path';
import { UserError } from '../errors.js';
import type { BenchOptions } from '../bench/options.js';
import { renderFlags, type Flag } from './flag-table.js';
import { parseFlags } from './parse-flags.js';

/** What the command does besides measuring: exports and baselines. */
interface BenchCommandOptions {
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

/** `sonde bench`'s flags: the parser's options and the option sections of `sonde bench --help`. */
export const BENCH_FLAGS = [
  {
    name: 'strategies',
    short: 's',
    type: 'string',
    arg: 'LIST',
    group: 'Strategies',
    description: 'comma-separated strategies to measure',
    default: 'sequential,parallel:<cores>,cache:cold,cache:warm',
  },
  { name: 'reference', type: 'string', arg: 'NAME', group: 'Strategies', description: 'strategy the others are compared with', default: 'the first' },
  { name: 'warmup', short: 'w', type: 'string', arg: 'N', group: 'Runs', description: 'discarded warm-up runs per strategy', default: '1' },
  { name: 'min-runs', short: 'm', type: 'string', arg: 'N', group: 'Runs', description: 'fewest measured runs per strategy', default: '5' },
  { name: 'max-runs', short: 'M', type: 'string', arg: 'N', group: 'Runs', description: 'most measured runs per strategy', default: '50' },
  { name: 'runs', short: 'r', type: 'string', arg: 'N', group: 'Runs', description: 'exactly N runs (min = max = N)' },
  { name: 'time-budget', type: 'string', arg: 'SECONDS', group: 'Runs', description: 'runs = max(min-runs, budget ÷ first run)', default: '5' },
  { name: 'target-rme', type: 'string', arg: 'PERCENT', group: 'Runs', description: 'stop a strategy once its 95% CI reaches at most PERCENT above its geometric mean' },
  { name: 'alpha', type: 'string', arg: 'A', group: 'Runs', description: 'significance level', default: '0.05' },
  { name: 'seed', type: 'string', arg: 'N', group: 'Runs', description: 'seed of the partial-cache file changes', default: '42' },
  { name: 'suite', type: 'boolean', group: 'Suite', description: 'generate synthetic projects and report scaling' },
  { name: 'sizes', type: 'string', arg: 'LIST', group: 'Suite', description: 'small,medium,large (default) and xl' },
  { name: 'suite-dir', type: 'string', arg: 'DIR', group: 'Suite', description: 'keep generated projects here (reused when present)' },
  { name: 'export-json', type: 'string', arg: 'FILE', group: 'Output', description: 'write the report as JSON' },
  { name: 'export-markdown', type: 'string', arg: 'FILE', group: 'Output', description: 'write the report as Markdown' },
  { name: 'export-csv', type: 'string', arg: 'FILE', group: 'Output', description: 'write one CSV row per measured run (raw samples)' },
  { name: 'export-html', type: 'string', arg: 'FILE', group: 'Output', description: 'write a self-contained HTML report with charts' },
  { name: 'save-baseline', type: 'string', arg: 'NAME', group: 'Output', description: 'save under <path>/.sonde/baselines (or --baseline-dir)' },
  { name: 'compare', type: 'string', arg: 'NAME', group: 'Output', description: 'compare with a baseline; exit 1 on a significant regression' },
  { name: 'baseline-dir', type: 'string', arg: 'DIR', group: 'Output', description: 'where baselines are saved and read' },
  { name: 'regression-threshold', type: 'string', arg: 'P', group: 'Output', description: 'percent slower that counts as a regression', default: '5' },
  { name: 'quiet', short: 'q', type: 'boolean', group: 'Output', description: 'no progress lines' },
  { name: 'no-ui', type: 'boolean', group: 'Output', description: 'plain output even in a terminal' },
  { name: 'help', short: 'h', type: 'boolean', group: 'Output', description: 'this help' },
] as const satisfies readonly Flag[];

export const BENCH_HELP = `Usage: sonde bench [path] [options]
       sonde bench --suite [--sizes small,medium,large,xl] [options]

Measures scan strategies, each run a scan in a fresh process, interleaved round-robin.

Strategies: sequential, parallel:N, parallel:sweep (1 … 2×cores), cache:cold, cache:warm,
  cache:partial:P (P% of files changed before each run, on a temporary copy)
  sequential and parallel:N use no cache; cache:cold starts every run with no sonde state
  (an empty cache and no parser code cache). The OS page cache is warm for all alike.
${renderFlags(BENCH_FLAGS, 'Strategies')}

Runs:
${renderFlags(BENCH_FLAGS, 'Runs')}

Suite:
${renderFlags(BENCH_FLAGS, 'Suite')}

Output:
${renderFlags(BENCH_FLAGS, 'Output')}
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
  const { values: v, positionals } = parseFlags(BENCH_FLAGS, argv, { helpCommand: 'sonde bench --help' });
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
